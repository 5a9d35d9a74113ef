import { useCallback, useEffect, useState } from 'react';
import { ApiError } from '../api/apiRequest';
import { getMembership, type Membership } from '../api/membersApi';
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
 * session).
 */
export function useMembership(id: string): [MembershipState, () => void] {
  const [state, setState] = useState<MembershipState>({ status: 'loading' });
  useEffect(() => {
    const controller = new AbortController();
    getMembership(id, controller.signal).then(
      (membership) => {
        membershipCache.set(id, membership);
        setState({ status: 'ready', membership, confirmed: true });
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        if (error instanceof ApiError && (error.status === 401 || error.status === 403)) {
          membershipCache.forget(id);
          setState({ status: 'unauthorized' });
          return;
        }
        const cached = membershipCache.get(id);
        if (cached) setState({ status: 'ready', membership: cached, confirmed: false });
        else if (error instanceof ApiError && error.status === 0) setState({ status: 'unknown' });
        else setState({ status: 'error', message: error instanceof Error ? error.message : String(error) });
      },
    );
    return () => controller.abort();
  }, [id]);
  const forget = useCallback(() => membershipCache.forget(id), [id]);
  return [state, forget];
}
