import * as Y from 'yjs';
import type { Principal } from '../access/Principal';
import type { Store } from '../storage/Store';

/** The owner of the client ids the server writes its own changes under (workflow, restore). */
export const SERVER_OWNER = 'server';

/** Who a connection writes as (A11): its member, or the administrator token, which has no member. */
export function ownerOf(principal: Principal): string {
  return principal.memberId === null ? 'admin' : `member:${principal.memberId}`;
}

/**
 * Who may write under which Yjs client id of one declaration (docs/access-and-workflow.md A11).
 * The record is the store's (Store rule 7), shared by every instance; owners are cached here,
 * since a claim is for good. An unclaimed id is never cached: another instance may claim it.
 */
export class ClientIds {
  private readonly owners = new Map<number, string>();

  constructor(
    private readonly store: Store,
    private readonly declarationId: string,
  ) {}

  /** The owner of `client` as known here without asking the store; `undefined` when not known. */
  cached(client: number): string | undefined {
    return this.owners.get(client);
  }

  /** Claims `client` for `owner` unless it has one, and returns its owner. */
  async claim(client: number, owner: string): Promise<string> {
    const cached = this.owners.get(client);
    if (cached !== undefined) return cached;
    const winner = await this.store.claimClientId(this.declarationId, client, owner);
    this.owners.set(client, winner);
    return winner;
  }

  /** The owner of `client`, from the store unless known here; `null` when nobody has claimed it. */
  async lookup(client: number): Promise<string | null> {
    const cached = this.owners.get(client);
    if (cached !== undefined) return cached;
    const owner = await this.store.clientIdOwner(this.declarationId, client);
    if (owner !== null) this.owners.set(client, owner);
    return owner;
  }

  /**
   * Gives `doc` a client id that belongs to the server before the server writes with it, so no
   * connection can write under it, not even by claiming the id first (its next one is drawn).
   */
  async ensureServerClient(doc: Y.Doc): Promise<void> {
    while ((await this.claim(doc.clientID, SERVER_OWNER)) !== SERVER_OWNER) doc.clientID = newClientId();
  }
}

/** A random 32-bit client id, as Yjs draws them. */
function newClientId(): number {
  return crypto.getRandomValues(new Uint32Array(1))[0]!;
}
