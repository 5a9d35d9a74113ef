import { z } from 'zod';
import { declarationDiff } from './versions';

/**
 * `GET /api/declarations/:id/visit` (C9): what changed since this member last left — the version
 * saved when they left, the aligned FR/JA diff from it to the live text (changed sections and
 * segments only), and the comments and suggestions others made since. `since: null` on a first
 * visit (nothing to compare with).
 */
export const visitReport = z.object({
  since: z.object({ versionId: z.string(), at: z.string() }).nullable(),
  /** Segments whose French or Japanese text differs (added, removed, changed or moved with a change). */
  changedPassages: z.number().int().nonnegative(),
  /** Segment ids of those passages, for marking them in the editor until seen. */
  changedSids: z.array(z.string()),
  newComments: z.number().int().nonnegative(),
  newSuggestions: z.number().int().nonnegative(),
  diff: declarationDiff.nullable(),
});
export type VisitReport = z.infer<typeof visitReport>;

/** `200` to `POST …/visit/seen`: the changes are seen; the next report starts from now. */
export const visitSeen = z.object({ seen: z.literal(true) });
export type VisitSeen = z.infer<typeof visitSeen>;
