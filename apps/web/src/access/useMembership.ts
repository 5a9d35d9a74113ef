import { useCallback, useMemo } from 'react';
import { ApiError } from '../api/apiRequest';
import { getMembership, type Membership } from '../api/membersApi';
import { type Loaded, useLoaded } from '../api/useLoaded';
import { takeEarlyMembership } from './earlyMembership';
import { membershipCache } from './membershipCache';

export type MembershipState =
  | { status: 'loading' }
  /** `confirmed`: the server answered now; false when it is a copy kept on this device (offline). */
  | { status: 'ready'; membership: Membership; confirmed: boolean }
  /** No valid session for this declaration (401): the person must open their invitation link. */
  | { status: 'unauthorized' }
  /** The server cannot be reached and this device has no copy: the page opens read-only. */
  | { status: 'unknown' }
  | { status: 'error'; message: string };

/**
 * Who this browser is in declaration `id`, from `GET /api/declarations/<id>/me`, falling back to
 * the copy kept on this device when the server cannot be reached. `forget` drops it (a revoked
 * session); `reload` asks again (a role changed, A3).
 */
export function useMembership(id: string): [MembershipState, () => void, () => void] {
  const [loaded, reload] = useLoaded(id, (signal) => loadMembership(id, signal));
  const state = useMemo(() => membershipState(loaded), [loaded]);
  const forget = useCallback(() => membershipCache.forget(id), [id]);
  return [state, forget, reload];
}

function membershipState(loaded: Loaded<{ membership: Membership; confirmed: boolean } | null>): MembershipState {
  if (loaded.status === 'loading') return loaded;
  if (loaded.status === 'error') {
    const unauthorized = loaded.httpStatus === 401 || loaded.httpStatus === 403;
    return unauthorized ? { status: 'unauthorized' } : { status: 'error', message: loaded.message };
  }
  return loaded.value ? { status: 'ready', ...loaded.value } : { status: 'unknown' };
}

/**
 * The server's answer, kept on this device; else, for any failure but a refused session, the
 * copy kept here (unconfirmed); else null when the server could not be reached at all.
 */
async function loadMembership(id: string, signal: AbortSignal): Promise<{ membership: Membership; confirmed: boolean } | null> {
  try {
    const membership = await (takeEarlyMembership(id) ?? getMembership(id, signal));
    membershipCache.set(id, membership);
    return { membership, confirmed: true };
  } catch (error) {
    if (signal.aborted) throw error;
    if (error instanceof ApiError && (error.status === 401 || error.status === 403)) {
      membershipCache.forget(id);
      throw error;
    }
    const cached = membershipCache.get(id);
    if (cached) return { membership: cached, confirmed: false };
    if (error instanceof ApiError && error.status === 0) return null;
    throw error;
  }
}
