import { SECTION_ACTIONS, SECTION_STATES } from '@accord/workflow/sectionWorkflow';
import { z } from 'zod';

/** `POST /api/declarations/:id/sections/:sectionId/actions` (W1–W4). */
export const actionBody = z.object({ action: z.enum(SECTION_ACTIONS), comment: z.string().max(2000).optional() }).strict();
export type ActionBody = z.infer<typeof actionBody>;

/** `POST …/reopen` (W7): an administrator says why. */
export const reopenBody = z.object({ reason: z.string().trim().min(1, 'a reason is required').max(2000) }).strict();
export type ReopenBody = z.infer<typeof reopenBody>;

/** `200` to a section action: its new state (pages learn it from the document's `workflow` map). */
export const actionReply = z.object({ state: z.enum(SECTION_STATES) });
export type ActionReply = z.infer<typeof actionReply>;

/** `200` to `POST …/adopt` (W6): the version "Adoptée" and its hash. */
export const adoptionReply = z.object({ versionId: z.string(), hash: z.string() });
export type AdoptionReply = z.infer<typeof adoptionReply>;

/** `200` to `POST …/reopen`. */
export const reopenReply = z.object({ reopened: z.literal(true) });
export type ReopenReply = z.infer<typeof reopenReply>;
