import { LANGS } from '@accord/model/declarationLayout';
import { ROLES } from '@accord/permissions/roles';
import { z } from 'zod';
import { listed } from './listed';

/** Ids of records the server makes (`t…` threads, `c…` messages, `m…` members): public, short. */
const recordId = z.string().regex(/^[a-zA-Z0-9_-]{1,64}$/, 'not an id');
const sectionId = z.string().min(1).max(100);
const sid = z.string().min(1).max(100);
/** An encoded `Y.RelativePosition` (`Y.encodeRelativePosition`), base64: opaque to the server. */
const relativePosition = z.string().regex(/^[A-Za-z0-9+/]{1,680}={0,2}$/, 'a base64 Yjs relative position');

/**
 * Where a comment points (C1): one passage of one language of one segment. The relative
 * positions keep it in place while others edit; the segment id and the quoted text are kept to
 * re-anchor or to say « the passage was deleted » when the positions no longer resolve.
 */
export const commentAnchor = z
  .object({
    sectionId,
    sid,
    language: z.enum(LANGS),
    start: relativePosition,
    end: relativePosition,
    quote: z.string().max(2000),
  })
  .strict();
export type CommentAnchor = z.infer<typeof commentAnchor>;

const body = z.string().trim().min(1, 'a comment cannot be empty').max(4000);
/** Members named with « @ » (C4): each is told in their notifications. */
const mentions = z.array(recordId).max(20).optional();

/** `POST /api/declarations/:id/comments`: a new thread. */
export const newThreadBody = z.object({ anchor: commentAnchor, body, mentions }).strict();
export type NewThreadBody = z.infer<typeof newThreadBody>;

/** `POST …/comments/:threadId/replies`. */
export const replyBody = z.object({ body, mentions }).strict();
export type ReplyBody = z.infer<typeof replyBody>;

/** `PATCH …/comments/:threadId/messages/:messageId`: the author rewrites their own message (C3). */
export const editMessageBody = z.object({ body }).strict();
export type EditMessageBody = z.infer<typeof editMessageBody>;

export const author = z.object({ memberId: z.string().nullable(), name: z.string(), role: z.enum(ROLES) });
export type Author = z.infer<typeof author>;

export const commentMessage = z.object({
  id: z.string(),
  author,
  body: z.string(),
  mentions: z.array(z.string()),
  createdAt: z.string(),
  editedAt: z.string().nullable(),
});
export type CommentMessage = z.infer<typeof commentMessage>;

export const commentThread = z.object({
  id: z.string(),
  anchor: commentAnchor,
  messages: z.array(commentMessage),
  createdAt: z.string(),
  /** Who resolved it and when; `null` while open. */
  resolved: z.object({ by: z.string(), role: z.enum(ROLES), at: z.string() }).nullable(),
});
export type CommentThread = z.infer<typeof commentThread>;

/** `GET …/comments`: every thread, oldest first, each with its messages in order. */
export const threadList = z.object({ threads: listed(commentThread) });
export type ThreadList = z.infer<typeof threadList>;

/** `GET …/people`: whom a comment may mention (every member, for everyone who reads). */
export const peopleList = z.object({ people: listed(z.object({ memberId: z.string(), name: z.string(), role: z.enum(ROLES) })) });
export type PeopleList = z.infer<typeof peopleList>;
