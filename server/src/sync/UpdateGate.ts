import { SECTIONS } from '@accord/model/declarationLayout';
import { writesAnything } from '@accord/permissions/roles';
import { type IntegrationPlan, planIntegration } from '@accord/permissions/planIntegration';
import * as Y from 'yjs';
import { CloseCode } from '@accord/protocol/CloseCode';
import { type ClientIds, ownerOf } from './ClientIds';
import { checkUpdate, type UpdateVerdict } from './checkUpdate';
import { type Peer, ProtocolError } from './Peer';
import { errorMessage } from '../errorMessage';

/** A client's update (sync step 2 or update message) waiting for its turn in the room's queue. */
export interface Incoming {
  peer: Peer;
  payload: Uint8Array;
}

/**
 * Updates, and bytes, one connection may have waiting for its own content (A12). A client that
 * has just reconnected sends its typing before its sync step 2: a few round trips of keystrokes.
 * Beyond, it is told to reconnect (1013), which resends everything in one step 2; nothing held
 * was acknowledged, so nothing is lost.
 */
export const MAX_HELD_UPDATES = 256;
export const MAX_HELD_BYTES = 4 * 1024 * 1024;

/**
 * Client ids one update may make the server look up or claim in the store. A browser keeps one
 * per page load whose edits never reached the server; an update naming more is not an edit.
 */
export const MAX_CLIENT_LOOKUPS = 256;

/** What one group's pass through the gate did, per connection. */
export interface Admission {
  /** Update messages applied (counted for the acknowledgement, whether or not they changed anything). */
  applied: Map<Peer, number>;
  /** Connections to close, and why; what they queued after the error is dropped. */
  errors: Map<Peer, ProtocolError>;
}

interface Held {
  updates: Incoming[];
  bytes: number;
  /** Applied meanwhile, acknowledged once nothing of this connection waits (acknowledgements count in order). */
  acks: number;
}

/**
 * Decides and applies a room's client updates (SPEC S15, docs/access-and-workflow.md A6–A14):
 * each is planned as Yjs would integrate it, its client ids are claimed or looked up in the store
 * before the room's transaction, and it is then applied, refused, or held for the sender's own
 * content. The document never keeps pending state from a client: what Yjs would keep pending is
 * either held here, outside the document, or refused.
 */
export class UpdateGate {
  private readonly held = new Map<Peer, Held>();
  private readonly caughtUp = new WeakSet<Peer>();
  /** Client ids the store said nobody owns, for the group being prepared only: another instance may claim them. */
  private unclaimed = new Set<number>();
  private readonly plans = new WeakMap<Incoming, { version: number; plan: IntegrationPlan | null; error: string | null }>();
  /**
   * Changes with every change of the document, so a plan is used only against the document it
   * was made for: at each update event (server changes, other instances), and at each update this
   * gate applies, since inside the group's transaction no update event fires.
   */
  private version = 0;

  /**
   * `catchUp`: reads what other instances stored into the document, for an instance that shares
   * its store (`null` when alone): a client that moved here from another instance may bring
   * content this instance has not received yet, and must not be refused for it.
   */
  constructor(
    private readonly doc: Y.Doc,
    readonly clientIds: ClientIds,
    private readonly onRefused: (peer: Peer, reason: string) => void,
    private readonly catchUp: (() => Promise<void>) | null,
  ) {
    doc.on('update', () => this.version++);
  }

  /**
   * Before a group's transaction, which cannot wait: claims the new client ids of its updates
   * for their senders' members and looks up the owners of the others (A11). A sender whose
   * update names content under other members' ids, or content this instance lacks, first makes
   * the room catch up from the store, once per connection.
   */
  async prepare(group: readonly Incoming[]): Promise<void> {
    this.unclaimed = new Set();
    // What a sender holds is checked again after each of its updates: its owners too are looked up afresh.
    const senders = new Set(group.map(({ peer }) => peer));
    for (const peer of senders) {
      for (const held of this.held.get(peer)?.updates ?? []) {
        const plan = this.planOf(held).plan;
        if (plan !== null) await this.lookUpOwners(peer, plan);
      }
    }
    for (const incoming of group) {
      const { peer } = incoming;
      const plan = this.planOf(incoming).plan;
      if (plan === null) continue;
      await this.lookUpOwners(peer, plan);
      if (this.catchUp === null || this.caughtUp.has(peer) || !this.needsStore(peer, plan)) continue;
      this.caughtUp.add(peer);
      await this.catchUp();
      const replanned = this.planOf(incoming).plan;
      if (replanned !== null) await this.lookUpOwners(peer, replanned);
    }
  }

  /**
   * Checks `incoming` inside the group's transaction and applies it, holds it, or records why
   * its sender is closed. Each time one of a sender's updates applies, what it held is checked
   * again in full, against the document as it is then.
   */
  admit(incoming: Incoming, admission: Admission): void {
    const { peer } = incoming;
    let next = [incoming];
    while (next.length > 0) {
      let progress = false;
      for (const candidate of next) {
        if (admission.errors.has(peer)) return;
        const verdict = this.check(candidate);
        if (verdict.kind === 'hold') {
          if (!this.hold(candidate)) {
            admission.errors.set(peer, new ProtocolError('too many updates wait for content this connection has not sent; reconnect to resync', CloseCode.tryAgainLater));
          }
        } else if (verdict.kind === 'refuse') {
          this.refuse(peer, verdict.reason, admission);
        } else if (verdict.kind === 'malformed') {
          admission.errors.set(peer, new ProtocolError(`malformed update: ${verdict.reason}`));
        } else {
          this.apply(candidate, admission);
          progress = true;
        }
      }
      next = progress ? this.release(peer) : [];
    }
  }

  /**
   * What `group` may do to the section list (W9), decided from the plans `prepare` made, before
   * the group's transaction, with what its senders hold: `writers`, the senders whose updates land
   * in the `sections` root (an entry, a title, a kind, a position), so the room can compare the
   * list before and after and name who changed it; and whether any of them deletes an entry there,
   * what removing a section does — only then does the room keep the whole state before it (a title
   * typed deletes characters only, and costs no copy of the document).
   */
  sectionChanges(group: readonly Incoming[]): { writers: Set<Peer>; deletesEntries: boolean } {
    const writers = new Set<Peer>();
    let deletesEntries = false;
    for (const incoming of group) {
      for (const each of [incoming, ...(this.held.get(incoming.peer)?.updates ?? [])]) {
        const plan = this.planOf(each).plan;
        if (!plan?.targets.some((target) => target.kind === 'sections')) continue;
        writers.add(incoming.peer);
        deletesEntries ||= plan.deletesEntriesIn.has(SECTIONS);
      }
    }
    return { writers, deletesEntries };
  }

  /**
   * How many of `peer`'s update messages may be acknowledged now, given `applied` more were
   * applied: none while anything of it is held, since an acknowledgement counts updates in order.
   */
  acknowledgeable(peer: Peer, applied: number): number {
    const held = this.held.get(peer);
    if (!held) return applied;
    held.acks += applied;
    if (held.updates.length > 0) return 0;
    this.held.delete(peer);
    return held.acks;
  }

  /** A connection left: what it held was never acknowledged, and its next sync step 2 resends it. */
  forget(peer: Peer): void {
    this.held.delete(peer);
  }

  private check(incoming: Incoming): UpdateVerdict | { kind: 'malformed'; reason: string } {
    const { plan, error } = this.planOf(incoming);
    if (plan === null) return { kind: 'malformed', reason: error ?? 'undecodable' };
    const owner = (client: number) => this.clientIds.cached(client) ?? (this.unclaimed.has(client) ? null : undefined);
    return checkUpdate(this.doc, incoming.peer.principal, plan, owner);
  }

  private apply({ peer, payload }: Incoming, admission: Admission): void {
    admission.applied.set(peer, (admission.applied.get(peer) ?? 0) + 1);
    this.version++;
    try {
      Y.applyUpdate(this.doc, payload);
    } catch (error) {
      admission.errors.set(peer, new ProtocolError(`malformed update: ${errorMessage(error)}`));
      return;
    }
    // The plan foresees everything Yjs keeps pending; should it ever miss a shape, the pending
    // part is dropped here rather than applied later, when someone else's update supplies it.
    const store = this.doc.store;
    if (store.pendingStructs !== null || store.pendingDs !== null) {
      store.pendingStructs = null;
      store.pendingDs = null;
      this.refuse(peer, 'the update left content pending', admission);
    }
  }

  private refuse(peer: Peer, reason: string, admission: Admission): void {
    this.onRefused(peer, reason);
    admission.errors.set(peer, new ProtocolError(`change refused: ${reason}`, CloseCode.forbiddenWrite));
  }

  private hold(incoming: Incoming): boolean {
    let held = this.held.get(incoming.peer);
    if (!held) this.held.set(incoming.peer, (held = { updates: [], bytes: 0, acks: 0 }));
    if (held.updates.length >= MAX_HELD_UPDATES || held.bytes + incoming.payload.length > MAX_HELD_BYTES) return false;
    held.updates.push(incoming);
    held.bytes += incoming.payload.length;
    return true;
  }

  /** Takes what `peer` holds, in order, to be checked again (what still waits is held again). */
  private release(peer: Peer): Incoming[] {
    const held = this.held.get(peer);
    if (!held || held.updates.length === 0) return [];
    const updates = held.updates;
    held.updates = [];
    held.bytes = 0;
    return updates;
  }

  private planOf(incoming: Incoming): { plan: IntegrationPlan | null; error: string | null } {
    const memo = this.plans.get(incoming);
    if (memo && memo.version === this.version) return memo;
    let entry: { version: number; plan: IntegrationPlan | null; error: string | null };
    try {
      entry = { version: this.version, plan: planIntegration(this.doc, incoming.payload), error: null };
    } catch (error) {
      entry = { version: this.version, plan: null, error: errorMessage(error) };
    }
    this.plans.set(incoming, entry);
    return entry;
  }

  private async lookUpOwners(peer: Peer, plan: IntegrationPlan): Promise<void> {
    const me = ownerOf(peer.principal);
    const mayClaim = writesAnything(peer.principal.role);
    // A new id is claimed by its first writer; one the document knows already was someone's.
    const claims = [...plan.writers].filter((c) => mayClaim && this.clientIds.cached(c) === undefined && Y.getState(this.doc.store, c) === 0);
    const lookups = [...new Set([...plan.writers, ...plan.missing])].filter(
      (c) => this.clientIds.cached(c) === undefined && !this.unclaimed.has(c) && !claims.includes(c),
    );
    // Left unknown, they are refused by the check.
    if (claims.length + lookups.length > MAX_CLIENT_LOOKUPS) return;
    for (const client of claims) {
      await this.clientIds.claim(client, me);
      this.unclaimed.delete(client);
    }
    for (const client of lookups) if ((await this.clientIds.lookup(client)) === null) this.unclaimed.add(client);
  }

  /** The update names content under other members' client ids, or content this instance lacks. */
  private needsStore(peer: Peer, plan: IntegrationPlan): boolean {
    const me = ownerOf(peer.principal);
    return plan.missing.size > 0 || [...plan.writers].some((client) => this.clientIds.cached(client) !== me);
  }
}
