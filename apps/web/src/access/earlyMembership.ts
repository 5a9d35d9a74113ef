import { getMembership, type Membership } from '../api/membersApi';
import { loadLocalUser, randomUserColor } from '../user/localUser';

const early = new Map<string, Promise<Membership>>();

/**
 * Asks the server who this browser is in declaration `id` as soon as the app starts, while the
 * editor's code is still on its way: on conference wifi that code takes about two seconds, and
 * the editor's socket waits for this answer on a first visit (A18), so asking only once the
 * editor has arrived cost a whole round trip more (issue 18). Once the server answers, the socket
 * opens too (`openEarlyConnection`), still before the editor's code is here.
 */
export function askMembershipEarly(id: string): void {
  const asked = getMembership(id);
  asked
    .then(async (membership) => {
      const local = loadLocalUser();
      const { openEarlyConnection } = await import('../sync/earlyConnection');
      // The page sets its own name and colour on it when it takes it over (`setUser`).
      openEarlyConnection(id, { name: membership.name || local?.name || '', color: local?.color ?? randomUserColor() });
    }, () => {
      // No session, or no server: the page decides what to show, and opens no socket early.
    })
    // The page then opens the connection itself, only later.
    .catch((error: unknown) => console.warn('Accord: could not open the connection early', error));
  // Whoever takes the answer sees its failure (the handler above already keeps an answer nobody
  // took from being reported as an unhandled rejection).
  early.set(id, asked);
}

/** The early answer for `id`, once (a later load asks the server again), or `null`. */
export function takeEarlyMembership(id: string): Promise<Membership> | null {
  const asked = early.get(id) ?? null;
  early.delete(id);
  return asked;
}
