import * as decoding from 'lib0/decoding';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import type { Fanout, FanoutKind } from '../fanout/Fanout';
import type { Store } from '../storage/Store';
import { CloseCode } from '@accord/protocol/CloseCode';
import { MessageType } from '@accord/protocol/MessageType';
import { type Peer, ProtocolError } from './Peer';
import { PacedRelay } from './PacedRelay';
import { Presence } from './Presence';
import { captureChange } from './captureChange';
import { draftChangeAs } from './draftChange';
import type { ChangeAsResult } from './draftChange';
import type { RoomEvents } from './RoomEvents';
import { ClientIds } from './ClientIds';
import { docFromStored } from '../storage/docFromStored';
import { type Admission, type Incoming, UpdateGate } from './UpdateGate';
import { errorMessage } from '../errorMessage';
import { ackMessage, syncStep1Message, syncStep2Message } from '@accord/protocol/frames';
import { readVarUint, readVarUint8Array, truncateReason } from './frames';
import { listSections, sectionListChanges } from '@accord/model/sectionListChanges';
import type { Member } from '@accord/permissions/roles';

/**
 * One loaded declaration: its Y.Doc, presence, and connected peers.
 *
 * Every read or write of the document goes through one queue per room, and an update is relayed
 * only after the store has committed it (SPEC rule S1). So whatever any client has seen from
 * another is on disk, and a sync reply never contains text the store does not have yet — even
 * with an asynchronous store such as PostgreSQL.
 *
 * Updates that arrive back to back, with nothing else queued between them, are committed as one
 * group (S16): each is checked and applied in turn, in one transaction, then what they changed is
 * stored in one write and relayed in one message per peer. Under light load a group holds one
 * update; under heavy load the store, Yjs and the sockets work once per group, not per keystroke.
 */
export class Room {
  private readonly presence: Presence;
  private readonly peers = new Set<Peer>();
  private readonly relayToPeers = new PacedRelay(this.peers);
  /** Update messages processed so far, per peer that asked for acknowledgements. */
  private readonly acked = new Map<Peer, number>();
  private queue: Promise<void> = Promise.resolve();
  /** The group of updates queued last and not started yet: later updates join it (S16). */
  private pending: Incoming[] | null = null;
  /** Peers closed for a protocol error: what they queued before the close is dropped, not applied. */
  private readonly expelled = new WeakSet<Peer>();
  private readonly gate: UpdateGate;
  private holds = 0;
  private failedWith: unknown = null;

  /**
   * `sizeBytes`: what the document takes in storage when loaded; it grows by each committed
   * update (an upper bound until the next load), and an update that would take it past
   * `maxDocumentBytes` is refused before it is applied. `fanout`: the other instances sharing
   * the store (S9), which get every committed update and local presence change from here; with
   * them, a client may bring content this instance has not received yet.
   */
  constructor(
    readonly id: string,
    readonly doc: Y.Doc,
    private readonly store: Store,
    private readonly events: RoomEvents,
    private sizeBytes = 0,
    private readonly maxDocumentBytes = Number.POSITIVE_INFINITY,
    private readonly fanout: Fanout | null = null,
  ) {
    this.gate = new UpdateGate(
      doc,
      new ClientIds(store, id),
      (peer, reason) => this.events.refused(this, peer, reason),
      fanout ? () => this.catchUpFromStore() : null,
    );
    this.presence = new Presence(doc, {
      broadcast: (frame) => this.broadcast(frame),
      relay: (update) => this.fanout?.publish(this.id, 'awareness', update),
    });
  }

  get peerCount(): number {
    return this.peers.size;
  }

  /** Storage refused a write: the room has closed its peers and is being dropped (`RoomEvents.failed`). */
  get hasFailed(): boolean {
    return this.failedWith !== null;
  }

  /** Holders: connected peers and in-flight API reads. The hub unloads a room with none. */
  get isHeld(): boolean {
    return this.holds > 0;
  }

  retain(): void {
    this.holds++;
  }

  release(): void {
    this.holds = Math.max(0, this.holds - 1);
  }

  /** Starts the sync handshake with a new peer: our state vector, then everyone's presence. */
  addPeer(peer: Peer): void {
    this.peers.add(peer);
    this.presence.add(peer);
    this.enqueue(peer, () => {
      peer.send(syncStep1Message(this.doc));
      const everyone = this.presence.everyone();
      if (everyone) peer.send(everyone);
    });
  }

  removePeer(peer: Peer): void {
    if (!this.peers.delete(peer)) return;
    this.acked.delete(peer);
    this.gate.forget(peer);
    this.presence.remove(peer);
  }

  /**
   * Handles one binary frame from `peer`. Throws `ProtocolError` for a frame that cannot be
   * decoded; the caller closes that connection. Work that touches the document is queued.
   */
  receive(peer: Peer, frame: Uint8Array): void {
    if (!this.peers.has(peer)) throw new Error('Room.receive: unknown peer');
    const decoder = decoding.createDecoder(frame);
    const type = readVarUint(decoder);
    switch (type) {
      case MessageType.sync: {
        const syncType = readVarUint(decoder);
        const payload = readVarUint8Array(decoder);
        if (syncType === syncProtocol.messageYjsSyncStep1) {
          this.enqueue(peer, () => this.replyStep2(peer, payload));
        } else if (syncType === syncProtocol.messageYjsSyncStep2 || syncType === syncProtocol.messageYjsUpdate) {
          if (this.sizeBytes + payload.length > this.maxDocumentBytes) {
            throw new ProtocolError(`the declaration would exceed ${this.maxDocumentBytes} bytes`, CloseCode.documentTooLarge);
          }
          this.enqueueUpdate({ peer, payload });
        } else {
          throw new ProtocolError(`unknown sync message type ${syncType}`);
        }
        return;
      }
      case MessageType.awareness:
        this.presence.receive(peer, readVarUint8Array(decoder));
        return;
      case MessageType.queryAwareness: {
        const everyone = this.presence.everyone();
        if (everyone) peer.send(everyone);
        return;
      }
      case MessageType.auth:
        // Clients never send auth messages: credentials come with the upgrade (docs/sync-protocol.md).
        return;
      default:
        throw new ProtocolError(`unknown message type ${type}`);
    }
  }

  /**
   * Applies a change made by the server itself (a restore, a workflow action) through the same path
   * as a client's update: committed, then relayed to every peer.
   */
  change<T>(mutate: (doc: Y.Doc) => T): Promise<T> {
    return new Promise((resolve, reject) => {
      let result: T;
      this.schedule((queue) =>
        queue
          .then(() => this.gate.clientIds.ensureServerClient(this.doc))
          .then(() => this.commitServerChange(() => (result = mutate(this.doc))))
          .then(
          () => resolve(result),
          (error) => {
            this.fail(error);
            reject(error);
          },
        ),
      );
    });
  }

  /**
   * A server change made on behalf of `member` (an import into the declaration, docs/import.md
   * I7): `mutate` runs first on a copy of the document as it is at this point of the queue, and
   * what it would change is checked with the rules a client's update meets (`checkChangeFor`).
   * Refused (or past the document's size limit), nothing changes and the reason is returned;
 * allowed, the change is applied, stored
   * and relayed as one server change, like `change`.
   */
  changeAs<T>(member: Member, mutate: (doc: Y.Doc) => T): Promise<ChangeAsResult<T>> {
    return new Promise((resolve, reject) => {
      this.schedule((queue) =>
        queue
          .then(() => this.gate.clientIds.ensureServerClient(this.doc))
          .then(async () => {
            let drafted: ReturnType<typeof draftChangeAs<T>>;
            try {
              drafted = draftChangeAs(this.doc, member, mutate, this.maxDocumentBytes - this.sizeBytes);
            } catch (error) {
              // Only the copy saw it: the room's document is untouched, the room goes on.
              reject(error);
              return;
            }
            if (!drafted.ok) {
              resolve(drafted);
              return;
            }
            await this.commitServerChange(() => Y.applyUpdate(this.doc, drafted.update));
            resolve({ ok: true, value: drafted.value });
          })
          .catch((error: unknown) => {
            this.fail(error);
            reject(error);
          }),
      );
    });
  }

  /**
   * Applies what another instance relayed and passes it to this room's peers. An update is not
   * stored again: the instance that received it from its client stored it before publishing.
   */
  receiveFromInstance(kind: FanoutKind, payload: Uint8Array): Promise<void> {
    if (kind === 'awareness') {
      this.presence.fromInstance(payload);
      return Promise.resolve();
    }
    let done!: Promise<void>;
    this.schedule((queue) => {
      done = queue.then(() => {
        const { update, error } = captureChange(this.doc, this, () => Y.applyUpdate(this.doc, payload));
        if (error !== null) throw error;
        // Nothing new (this instance had it already, e.g. after a re-read) is not sent again;
        // the rest goes to this instance's peers at their pace, with what they write here (S17).
        if (update !== null) this.relayToPeers.push(update, null);
      });
      return done.catch(() => {});
    });
    return done;
  }

  /** Runs `read` on the document once every queued write before it is committed. */
  read<T>(read: (doc: Y.Doc) => T): Promise<T> {
    return new Promise((resolve, reject) => {
      this.schedule((queue) => queue.then(() => resolve(read(this.doc))).catch(reject));
    });
  }

  /** Closes every peer and releases the document; the room is unusable afterwards. */
  destroy(code: number = CloseCode.goingAway, reason = 'server shutting down'): void {
    for (const peer of [...this.peers]) {
      this.removePeer(peer);
      peer.close(code, reason);
    }
    this.presence.destroy();
    this.relayToPeers.destroy();
    this.doc.destroy();
  }

  /**
   * Appends to the queue: `extend` gets the queue's tail and returns the new one, which must not
   * reject. Anything queued ends the pending group, so the queue stays first in, first out.
   */
  private schedule(extend: (queue: Promise<void>) => Promise<void>): void {
    this.pending = null;
    this.queue = extend(this.queue);
  }

  private enqueue(peer: Peer, task: () => void | Promise<void>): void {
    this.schedule((queue) =>
      queue.then(task).catch((error: unknown) => {
        if (error instanceof ProtocolError) this.expel(peer, error);
        else this.fail(error);
      }),
    );
  }

  /** Queues a client's update: it joins the group not started yet, or starts one (S16). */
  private enqueueUpdate(incoming: Incoming): void {
    if (this.pending !== null) {
      this.pending.push(incoming);
      return;
    }
    const group = [incoming];
    this.schedule((queue) =>
      queue.then(() => {
        // Started: later updates start a group of their own.
        if (this.pending === group) this.pending = null;
        return this.commitGroup(group);
      }).catch((error: unknown) => this.fail(error)),
    );
    this.pending = group;
  }

  /** Closes a peer for a protocol error; what it queued before is dropped, not applied. */
  private expel(peer: Peer, error: ProtocolError): void {
    this.expelled.add(peer);
    peer.close(error.closeCode, truncateReason(error.message));
  }

  /**
   * Checks and applies a group of client updates in turn (S15: each against the document as the
   * ones before it left it), in one transaction, so what they changed comes out as one update;
   * stores it in one write, acknowledges, then relays it. The gate first claims or looks up the
   * client ids they write under, which needs the store (A11). A refused or malformed update
   * closes its sender and the group goes on without it; whatever a malformed update integrated
   * before it failed is stored all the same, so memory never gets ahead of disk.
   */
  private async commitGroup(group: Incoming[]): Promise<void> {
    if (this.failedWith !== null) return;
    const live = group.filter(({ peer }) => !this.expelled.has(peer));
    await this.gate.prepare(live);
    // W9: the section list before and after, compared from what the room really applied. The
    // whole state is kept only for a group that deletes entries of `sections` (a removal).
    const { writers: listWriters, deletesEntries } = this.gate.sectionChanges(live);
    const structural = [...listWriters];
    const listBefore = structural.length > 0 ? listSections(this.doc) : null;
    const stateBefore = deletesEntries ? Y.encodeStateAsUpdate(this.doc) : null;
    const admission: Admission = { applied: new Map(), errors: new Map() };
    const { update, error } = captureChange(this.doc, this, () => {
      for (const incoming of group) {
        if (this.expelled.has(incoming.peer) || admission.errors.has(incoming.peer)) continue;
        this.gate.admit(incoming, admission);
      }
    });
    const changes = listBefore !== null && update !== null ? sectionListChanges(listBefore, listSections(this.doc)) : [];
    // A removal always deletes an entry of the list, so its state before is here (the planner's
    // `deletesEntriesIn`, tested against removals and rewritten ids).
    if (stateBefore !== null && changes.some((change) => change.action === 'section-removed')) await this.events.removingSections(this, stateBefore);
    if (update !== null) await this.storeUpdate(update);
    // Not a client's fault (those are caught above): the room fails, once what was applied is stored.
    if (error !== null) throw error;
    // Writers first: an acknowledgement waits for nobody's copy of the relay (a hall has hundreds).
    for (const [peer, count] of admission.applied) {
      const stored = this.gate.acknowledgeable(peer, count);
      if (peer.wantsAck && stored > 0 && !admission.errors.has(peer)) this.acknowledge(peer, stored);
    }
    const writers = [...admission.applied.keys()];
    if (update !== null) this.relay(update, writers.length === 1 ? writers[0]! : null);
    if (update !== null && writers.length > 0) this.events.wrote(this, writers.map((peer) => peer.principal));
    for (const [peer, error] of admission.errors) this.expel(peer, error);
    if (changes.length > 0) {
      const by = structural.filter((peer) => admission.applied.has(peer)).map((peer) => peer.principal);
      this.events.restructured(this, changes, by);
    }
  }

  /**
   * Reads into the document, in the room's queue, what the store holds and this instance has not
   * received: after a fan-out outage (S10), every loaded room does. Rejects if the store does.
   */
  rereadStore(): Promise<void> {
    let done!: Promise<void>;
    this.schedule((queue) => {
      done = queue.then(() => this.catchUpFromStore());
      return done.catch(() => {});
    });
    return done;
  }

  /**
   * What other instances stored that this one has not received yet (their relay is on its way,
   * or was lost), applied and passed to this room's peers without storing it again, as
   * `receiveFromInstance` does. Runs inside the queue.
   */
  private async catchUpFromStore(): Promise<void> {
    const stored = await this.store.loadDocument(this.id);
    if (!stored) return;
    const copy = docFromStored(this.id, stored);
    const missing = Y.encodeStateAsUpdate(copy, Y.encodeStateVector(this.doc));
    copy.destroy();
    const { update, error } = captureChange(this.doc, this, () => Y.applyUpdate(this.doc, missing));
    if (error !== null) throw error;
    if (update !== null) this.relayToPeers.push(update, null);
  }

  /**
   * Tells `peer` how many of its update messages are now stored (relayed next, S17): its n-th
   * step 2 or update, counted from the start of this connection, whether or not it changed anything.
   */
  private acknowledge(peer: Peer, stored: number): void {
    if (!this.peers.has(peer)) return;
    const count = (this.acked.get(peer) ?? 0) + stored;
    this.acked.set(peer, count);
    peer.send(ackMessage(count));
  }

  private replyStep2(peer: Peer, stateVector: Uint8Array): void {
    let update: Uint8Array;
    try {
      update = Y.encodeStateAsUpdate(this.doc, stateVector);
    } catch (error) {
      throw new ProtocolError(`malformed state vector: ${errorMessage(error)}`);
    }
    peer.send(syncStep2Message(update));
  }

  /** Runs a server change in one transaction, then stores and relays what it changed (S1). */
  private async commitServerChange(mutate: () => void): Promise<void> {
    if (this.failedWith !== null) return;
    const { update, error } = captureChange(this.doc, this, mutate);
    if (update !== null) {
      await this.storeUpdate(update);
      this.relay(update, null);
    }
    if (error !== null) throw error;
  }

  private async storeUpdate(update: Uint8Array): Promise<void> {
    await this.store.appendUpdate(this.id, update);
    this.sizeBytes += update.length;
    this.events.committed(this, update.length);
  }

  /** Relays a stored update made by `origin` (if one peer made it): to the other instances at once, to this room's peers at their pace (S17). */
  private relay(update: Uint8Array, origin: Peer | null): void {
    this.fanout?.publish(this.id, 'update', update);
    this.relayToPeers.push(update, origin);
  }

  private fail(error: unknown): void {
    if (this.failedWith !== null) return;
    this.failedWith = error;
    for (const peer of [...this.peers]) {
      this.removePeer(peer);
      peer.close(CloseCode.storageUnavailable, 'storage unavailable: reconnect to resend unsaved edits');
    }
    this.events.failed(this, error);
  }

  private broadcast(message: Uint8Array): void {
    for (const peer of this.peers) peer.send(message);
  }
}
