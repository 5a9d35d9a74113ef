import type { LocalUser } from '../user/localUser';
import { DeclarationConnection } from './DeclarationConnection';

let early: DeclarationConnection | null = null;
/** Declarations whose page made or took its connection: an early one is no longer wanted for them. */
const claimed = new Set<string>();

/**
 * Opens declaration `id`'s connection from the app's entry, once the server has said who this
 * browser is (A18), while the editor's code is still on its way: on conference wifi the socket's
 * handshake and the document's first sync then happen during that download rather than after it
 * (issue 18). Does nothing when the page already has its connection.
 */
export function openEarlyConnection(id: string, user: LocalUser): void {
  if (claimed.has(id) || early) return;
  early = new DeclarationConnection(id, user);
}

/**
 * The connection the entry opened for `id`, handed over once to the page that shows it, or `null`
 * (the page then opens its own). One opened for another declaration is closed: nobody will show it.
 */
export function takeEarlyConnection(id: string): DeclarationConnection | null {
  claimed.add(id);
  const taken = early;
  early = null;
  if (taken && taken.id !== id) {
    taken.destroy();
    return null;
  }
  return taken;
}
