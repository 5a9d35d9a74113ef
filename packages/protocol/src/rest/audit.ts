import { z } from 'zod';
import { listed } from './listed';

/**
 * One line of the audit log (W8). Only `seq`, `at` and `action` make a line; the rest is read with
 * a default so an older or odd entry still shows.
 */
export const auditEntry = z.object({
  seq: z.number(),
  at: z.string(),
  actor: z.object({ name: z.string().catch(''), role: z.string().catch('') }).catch({ name: '', role: '' }),
  action: z.string(),
  sectionId: z.string().nullable().catch(null),
  /** What the server recorded with the action (a comment, a reason, a version…); any JSON. */
  detail: z.unknown().optional().transform((detail) => detail ?? null),
  hash: z.string().nullable().catch(null),
});
export type AuditEntry = z.infer<typeof auditEntry>;

/** `GET /api/declarations/:id/audit` (administrators): append-only, oldest first. */
export const auditList = z.object({ entries: listed(auditEntry) });
export type AuditList = z.infer<typeof auditList>;
