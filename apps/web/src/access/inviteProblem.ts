import { ApiError } from '../api/apiRequest';

/** Why an invitation cannot be used, as the server says it (`invite_unknown`, …); each has a message in `join.*`. */
export type InviteProblem = 'unknown' | 'expired' | 'revoked' | 'used';

export function inviteProblem(error: unknown): InviteProblem | null {
  if (!(error instanceof ApiError)) return null;
  if (error.code === 'invite_expired') return 'expired';
  if (error.code === 'invite_revoked') return 'revoked';
  if (error.code === 'invite_used') return 'used';
  if (error.code === 'invite_unknown' || error.status === 404) return 'unknown';
  // 410 without a code we know: the invitation existed, and no longer works.
  if (error.status === 410) return 'expired';
  return null;
}
