/** The actions the server writes to the audit log (W8); each has a label in `audit.actions`. */
export const AUDIT_ACTIONS = [
  'join',
  'invite',
  'invite-revoked',
  'member-revoked',
  'submit',
  'validate',
  'approve',
  'send-back',
  'adopt',
  'reopen',
  'version-saved',
  'version-restored',
  'write-refused',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export function isAuditAction(value: string): value is AuditAction {
  return (AUDIT_ACTIONS as readonly string[]).includes(value);
}
