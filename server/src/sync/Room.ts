import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import type { FanoutKind } from '../fanout/Fanout';
import type { Store } from '../storage/Store';
import { CloseCode } from '@accord/protocol/CloseCode';
import { MessageType } from '@accord/protocol/MessageType';
import { type Peer, ProtocolError } from './Peer';
import { writeRefusal } from './writeRefusal';


export interface RoomEvents {
  /** Storage refused a write: the room has closed its peers and must be dropped from memory. */
  failed(room: Room, error: unknown): void;
  /** An update was committed; `updatesSinceCompaction` counts them since the last compaction. */
  committed(room: Room, updatesSinceCompaction: number): void;
  /** A committed update or a local presence change, for the other server instances. */
  relay(room: Room, kind: FanoutKind, payload: Uint8Array): void;
  /** A peer's update was refused because it wrote where it may not; the peer is being closed. */
  refused(room: Room, peer: Peer, reason: string): void;
}

/** Origin of changes that another server instance relayed: already stored, not relayed back. */
export const FROM_INSTANCE = Symbol('from another instance');

/**
 * One loaded declaration: its Y.Doc, presence, and connected peers.
 *
 * Every read or write of the document goes through one queue per room, and an update is relayed
 * only after the store has committed it (SPEC rule S1). So whatever any client has seen from
 * another is on disk, and a sync reply never contains text the store does not have yet — even
 * with an asynchronous store such as PostgreSQL.
 */
export class Room {
  readonly awareness: awarenessProtocol.Awareness;
  private readonly peers = new Map<Peer, Set<number>>();
  /** Update messages processed so far, per peer that asked for acknowledgements. */
  private readonly acked = new Map<Peer, number>();
  private queue: Promise<void> = Promise.resolve();
  private holds = 0;
  private updates = 0;
  private failedWith: unknown = null;

  /**
   * `sizeBytes`: what the document takes in storage when loaded; it grows by each committed
   * update (an upper bound until the next load), and an update that would take it past
   * `maxDocumentBytes` is refused before it is applied.
   */
  constructor(
    readonly id: string,
    readonly doc: Y.Doc,
    private readonly store: Store,
    private readonly events: RoomEvents,
    private sizeBytes = 0,
    private readonly maxDocumentBytes = Number.POSITIVE_INFINITY,
  ) {
    this.awareness = new awarenessProtocol.Awareness(doc);
    // The server is not a participant: it relays presence but shows none of its own.
    this.awareness.setLocalState(null);
    this.awareness.on('update', this.onAwarenessUpdate);
  }

  get peerCount(): number {
    return this.peers.size;
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
    this.peers.set(peer, new Set());
    this.enqueue(peer, () => {
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, MessageType.sync);
      syncProtocol.writeSyncStep1(encoder, this.doc);
      peer.send(encoding.toUint8Array(encoder));
      const clients = [...this.awareness.getStates().keys()];
      if (clients.length > 0) peer.send(awarenessMessage(this.awareness, clients));
    });
  }

  removePeer(peer: Peer): void {
    const clients = this.peers.get(peer);
    if (!clients) return;
    this.peers.delete(peer);
    this.acked.delete(peer);
    // Carets of a departed peer disappear at once for everyone else.
    if (clients.size > 0) awarenessProtocol.removeAwarenessStates(this.awareness, [...clients], null);
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
          this.enqueue(peer, async () => {
            // Checked in the queue, against the document the update will be applied to (S15).
            const refusal = writeRefusal(this.doc, peer.principal, payload);
            if (refusal !== null) {
              this.events.refused(this, peer, refusal);
              throw new ProtocolError(`change refused: ${refusal}`, CloseCode.forbiddenWrite);
            }
            await this.commit(() => Y.applyUpdate(this.doc, payload, peer), peer);
            if (peer.wantsAck) this.acknowledge(peer);
          });
        } else {
          throw new ProtocolError(`unknown sync message type ${syncType}`);
        }
        return;
      }
      case MessageType.awareness: {
        const update = readVarUint8Array(decoder);
        // Presence for a client id another connection speaks for is dropped, not applied: it is
        // either someone impersonating a participant, or a client reconnecting before its old
        // socket was noticed gone — which re-sends its presence every 15 s and so takes over then.
        const claimed = awarenessClients(update).some((client) => [...this.peers].some(([other, owned]) => other !== peer && owned.has(client)));
        if (claimed) return;
        try {
          awarenessProtocol.applyAwarenessUpdate(this.awareness, update, peer);
        } catch (error) {
          throw new ProtocolError(`malformed awareness update: ${(error as Error).message}`);
        }
        return;
      }
      case MessageType.queryAwareness:
        peer.send(awarenessMessage(this.awareness, [...this.awareness.getStates().keys()]));
        return;
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
      this.queue = this.queue
        .then(() => this.commit(() => this.doc.transact(() => (result = mutate(this.doc)), null), null))
        .then(
          () => resolve(result),
          (error) => {
            this.fail(error);
            reject(error);
          },
        );
    });
  }

  /**
   * Applies what another instance relayed and passes it to this room's peers. An update is not
   * stored again: the instance that received it from its client stored it before publishing.
   */
  receiveFromInstance(kind: FanoutKind, payload: Uint8Array): Promise<void> {
    if (kind === 'awareness') {
      awarenessProtocol.applyAwarenessUpdate(this.awareness, payload, FROM_INSTANCE);
      return Promise.resolve();
    }
    const done = this.queue.then(() => {
      const { changes, error } = this.captureChanges(() => Y.applyUpdate(this.doc, payload, FROM_INSTANCE));
      if (error !== null) throw error;
      // Nothing new (this instance had it already, e.g. after a re-read) is not sent again.
      for (const update of changes) this.broadcast(syncUpdateMessage(update), null);
    });
    this.queue = done.catch(() => {});
    return done;
  }

  /** Runs `read` on the document once every queued write before it is committed. */
  read<T>(read: (doc: Y.Doc) => T): Promise<T> {
    return new Promise((resolve, reject) => {
      this.queue = this.queue.then(() => resolve(read(this.doc))).catch(reject);
    });
  }

  /** Closes every peer and releases the document; the room is unusable afterwards. */
  destroy(code: number = CloseCode.goingAway, reason = 'server shutting down'): void {
    for (const peer of [...this.peers.keys()]) {
      this.removePeer(peer);
      peer.close(code, reason);
    }
    this.awareness.off('update', this.onAwarenessUpdate);
    this.awareness.destroy();
    this.doc.destroy();
  }

  /** Updates committed since the last call to `resetCompactionCount`. */
  get updatesSinceCompaction(): number {
    return this.updates;
  }

  resetCompactionCount(): void {
    this.updates = 0;
  }

  private enqueue(peer: Peer, task: () => void | Promise<void>): void {
    this.queue = this.queue.then(task).catch((error: unknown) => {
      if (error instanceof ProtocolError) {
        peer.close(error.closeCode, truncateReason(error.message));
      } else {
        this.fail(error);
      }
    });
  }

  /**
   * Tells `peer` how many of its update messages are now stored (and relayed): its n-th
   * step 2 or update, counted from the start of this connection, whether or not it changed anything.
   */
  private acknowledge(peer: Peer): void {
    if (!this.peers.has(peer)) return;
    const count = (this.acked.get(peer) ?? 0) + 1;
    this.acked.set(peer, count);
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MessageType.ack);
    encoding.writeVarUint(encoder, count);
    peer.send(encoding.toUint8Array(encoder));
  }

  private replyStep2(peer: Peer, stateVector: Uint8Array): void {
    let update: Uint8Array;
    try {
      update = Y.encodeStateAsUpdate(this.doc, stateVector);
    } catch (error) {
      throw new ProtocolError(`malformed state vector: ${(error as Error).message}`);
    }
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MessageType.sync);
    encoding.writeVarUint(encoder, syncProtocol.messageYjsSyncStep2);
    encoding.writeVarUint8Array(encoder, update);
    peer.send(encoding.toUint8Array(encoder));
  }

  /**
   * Runs `mutate`, then stores what it changed in the document and relays it to every peer but
   * `origin`. Whatever the document integrated is stored even if `mutate` then throws (a frame
   * whose structs decode but whose delete set is corrupt), so memory never gets ahead of disk.
   */
  private async commit(mutate: () => void, origin: Peer | null): Promise<void> {
    if (this.failedWith !== null) return;
    const { changes, error: inputError } = this.captureChanges(mutate);
    if (changes.length > 0) {
      // One transaction emits one event; merging is for the odd nested case and stays tiny.
      const update = changes.length === 1 ? changes[0]! : Y.mergeUpdates(changes);
      await this.store.appendUpdate(this.id, update);
      this.updates++;
      this.sizeBytes += update.length;
      this.broadcast(syncUpdateMessage(update), origin);
      this.events.relay(this, 'update', update);
      this.events.committed(this, this.updates);
    }
    if (inputError !== null) {
      if (origin === null) throw inputError;
      throw new ProtocolError(`malformed update: ${(inputError as Error).message}`);
    }
  }

  /**
   * Runs `mutate` and returns the updates it made to the document, and what it threw: a throw
   * after part of an update was integrated still leaves that part to store (see `commit`).
   */
  private captureChanges(mutate: () => void): { changes: Uint8Array[]; error: unknown } {
    const changes: Uint8Array[] = [];
    const capture = (update: Uint8Array) => changes.push(update);
    this.doc.on('update', capture);
    try {
      mutate();
      return { changes, error: null };
    } catch (error) {
      return { changes, error };
    } finally {
      this.doc.off('update', capture);
    }
  }

  private fail(error: unknown): void {
    if (this.failedWith !== null) return;
    this.failedWith = error;
    for (const peer of [...this.peers.keys()]) {
      this.removePeer(peer);
      peer.close(CloseCode.storageUnavailable, 'storage unavailable: reconnect to resend unsaved edits');
    }
    this.events.failed(this, error);
  }

  private broadcast(message: Uint8Array, except: Peer | null): void {
    for (const peer of this.peers.keys()) if (peer !== except) peer.send(message);
  }

  private readonly onAwarenessUpdate = (
    { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ) => {
    const changed = [...added, ...updated, ...removed];
    const owned = this.peers.get(origin as Peer);
    if (owned) {
      for (const id of [...added, ...updated]) owned.add(id);
      for (const id of removed) owned.delete(id);
    }
    if (changed.length === 0) return;
    const update = awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed);
    this.broadcast(awarenessFrame(update), null);
    if (origin !== FROM_INSTANCE) this.events.relay(this, 'awareness', update);
  };
}

function syncUpdateMessage(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.sync);
  syncProtocol.writeUpdate(encoder, update);
  return encoding.toUint8Array(encoder);
}

function awarenessMessage(awareness: awarenessProtocol.Awareness, clients: number[]): Uint8Array {
  return awarenessFrame(awarenessProtocol.encodeAwarenessUpdate(awareness, clients));
}

function awarenessFrame(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.awareness);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}

/** The client ids an awareness update speaks for (y-protocols/awareness encoding). */
function awarenessClients(update: Uint8Array): number[] {
  const decoder = decoding.createDecoder(update);
  try {
    const count = decoding.readVarUint(decoder);
    const clients: number[] = [];
    for (let i = 0; i < count; i++) {
      clients.push(decoding.readVarUint(decoder));
      decoding.readVarUint(decoder); // clock
      decoding.readVarString(decoder); // state, as JSON
    }
    return clients;
  } catch {
    throw new ProtocolError('malformed awareness update');
  }
}

function readVarUint(decoder: decoding.Decoder): number {
  try {
    return decoding.readVarUint(decoder);
  } catch {
    throw new ProtocolError('truncated message');
  }
}

function readVarUint8Array(decoder: decoding.Decoder): Uint8Array {
  try {
    return decoding.readVarUint8Array(decoder);
  } catch {
    throw new ProtocolError('truncated message');
  }
}

/** WebSocket close reasons are limited to 123 bytes of UTF-8. */
export function truncateReason(reason: string): string {
  const bytes = new TextEncoder().encode(reason);
  if (bytes.length <= 123) return reason;
  return new TextDecoder().decode(bytes.slice(0, 120)).replace(/\uFFFD$/, '') + '…';
}
