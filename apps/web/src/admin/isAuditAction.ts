/** The actions the server writes to the audit log (W8); each has a label in `audit.actions`. */
export const AUDIT_ACTIONS = [
  'join',
  'invite',
  'invite-revoked',
  'member-revoked',
  'member-role-changed',
  'submit',
  'validate',
  'approve',
  'send-back',
  'adopt',
  'reopen',
  'version-saved',
  'version-restored',
  'write-refused',
  'join-refused',
  'presence-refused',
  'origin-refused',
  'request-refused',
  // Talking about the text (C1–C12).
  'comment-added',
  'comment-replied',
  'comment-edited',
  'comment-deleted',
  'comment-resolved',
  'comment-reopened',
  'suggestion-made',
  'suggestion-accepted',
  'suggestion-rejected',
  'suggestion-withdrawn',
  'suggestion-refused',
  'talk-settings',
  'check-dismissed',
  'check-restored',
  'section-added',
  'section-removed',
  'section-moved',
  'section-kind-changed',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** Refusals (W8, A15–A17): shown as such in the log. */
export function isRefusal(action: string): boolean {
  return action.endsWith('-refused');
}

export function isAuditAction(value: string): value is AuditAction {
  return (AUDIT_ACTIONS as readonly string[]).includes(value);
}
