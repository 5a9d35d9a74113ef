import { RULES } from '@accord/checks/Finding';
import { z } from 'zod';
import { listed } from './listed';

const messages = z.object({ fr: z.string(), ja: z.string(), en: z.string() });

/** Who said a finding is « not an error », and why (docs/review-checks.md). */
export const dismissal = z.object({ by: z.string(), role: z.string(), at: z.string(), reason: z.string() });
export type DismissalJson = z.infer<typeof dismissal>;

/** One review finding, as `@accord/checks` gives it, with its dismissal when someone made one. */
export const findingJson = z.object({
  id: z.string(),
  rule: z.enum(RULES),
  severity: z.enum(['error', 'warning']),
  sectionId: z.string(),
  sid: z.string().nullable(),
  lang: z.enum(['fr', 'ja', 'both']),
  evidence: z.object({ fr: z.string().optional(), ja: z.string().optional() }),
  message: messages,
  dismissal: dismissal.nullable(),
});
export type FindingJson = z.infer<typeof findingJson>;

/** `GET /api/declarations/:id/checks` (any member): the findings of the live text, in document order. */
export const checksReply = z.object({ findings: listed(findingJson) });
export type ChecksReply = z.infer<typeof checksReply>;

/** `POST …/checks/dismissals`: « not an error », with a reason everyone will read. */
export const dismissBody = z
  .object({
    findingId: z.string().min(1).max(300),
    reason: z.string().trim().min(1, 'a reason is required').max(1000),
  })
  .strict();
export type DismissBody = z.infer<typeof dismissBody>;

/** `201` to a dismissal, `200` to its withdrawal (`DELETE …/checks/dismissals/:findingId`). */
export const dismissReply = z.object({ findingId: z.string(), dismissal: dismissal.nullable() });
export type DismissReply = z.infer<typeof dismissReply>;
