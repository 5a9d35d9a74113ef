import { z } from 'zod';
import { listed } from './listed';

/**
 * Why a member is told something (C11): their section was sent back, a section was submitted,
 * a suggestion was made or decided, they were mentioned, or someone replied in their thread.
 */
export const NOTIFICATION_KINDS = ['sent-back', 'submitted', 'suggestion', 'suggestion-decided', 'mention', 'reply'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const notification = z.object({
  id: z.string(),
  kind: z.enum(NOTIFICATION_KINDS),
  at: z.string(),
  /** Who caused it. */
  actor: z.string(),
  sectionId: z.string().nullable(),
  /** The send-back's comment, the suggestion's or message's text…: what to show in one line. */
  text: z.string(),
  /** The thread or suggestion it is about, when there is one. */
  ref: z.string().nullable(),
  readAt: z.string().nullable(),
});
export type Notification = z.infer<typeof notification>;

/** `GET /api/declarations/:id/notifications`: newest first, with how many are unread. */
export const notificationList = z.object({ notifications: listed(notification), unread: z.number().int().nonnegative() });
export type NotificationList = z.infer<typeof notificationList>;

/** `POST …/notifications/read`: the given ones, or all of them. */
export const readNotificationsBody = z.union([
  z.object({ ids: z.array(z.string().max(64)).min(1).max(500) }).strict(),
  z.object({ all: z.literal(true) }).strict(),
]);
export type ReadNotificationsBody = z.infer<typeof readNotificationsBody>;
