import { z } from 'zod';
import { commentThread } from './comments';
import { notification } from './notifications';
import { suggestion } from './suggestions';

/**
 * One event of `GET /api/declarations/:id/events` (C12, Server-Sent Events, each `data:` line one
 * JSON object): a thread or a suggestion as it now is, a notification for this member, or
 * `resync` (events may have been missed — read the lists again).
 */
export const talkEvent = z.discriminatedUnion('type', [
  z.object({ type: z.literal('thread'), thread: commentThread }),
  z.object({ type: z.literal('thread-deleted'), threadId: z.string() }),
  z.object({ type: z.literal('suggestion'), suggestion }),
  z.object({ type: z.literal('notification'), memberId: z.string(), notification }),
  z.object({ type: z.literal('resync') }),
]);
export type TalkEvent = z.infer<typeof talkEvent>;
