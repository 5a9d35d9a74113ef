import * as awarenessProtocol from 'y-protocols/awareness';
import type * as Y from 'yjs';
import type { Principal } from '../access/Principal';
import { awarenessFrame, awarenessMessage } from '@accord/protocol/frames';
import { type Peer, ProtocolError } from './Peer';
import { isLeaving, parsePresenceState, type PresenceEntry, readPresenceEntries, writePresenceUpdate } from './presenceEntries';
import { PresenceRefusal } from './PresenceRefusal';
import { errorMessage } from '../errorMessage';

/** Where presence changes go: the room's peers, and the other server instances. */
export interface PresenceOutlets {
  broadcast(frame: Uint8Array): void;
  relay(update: Uint8Array): void;
}

/**
 * How long presence changes gather before they are sent. Every client renews its presence every
 * 15 s, and clients that connected together renew together: relayed one by one, n clients cost n²
 * frames in a burst (67,600 for a hall of 260, which held the server's event loop for a third of a
 * second). Gathered, a burst costs n frames per window, and a caret moves at most this much later.
 */
export const PRESENCE_WINDOW_MS = 40;

/**
 * Largest presence state one client may announce, as UTF-8 JSON (A15). The web app's is a name, a
 * colour, a section and a caret (two relative positions): some 300 bytes. 4 KiB leaves room for
 * other honest clients and keeps what the server holds and sends every 15 s to each of a hall's
 * hundreds of peers small — the frame limit alone (8 MiB) would let one peer make everyone
 * download megabytes per renewal.
 */
export const MAX_PRESENCE_STATE_BYTES = 4096;

/**
 * Most clients one awareness message may speak for as its own (A15). A y-websocket connection
 * speaks for one Y.Doc, so for one client id; a few more cover a client that swaps documents on
 * one socket. Not counted: the presence of others, which the standard y-websocket client sends
 * back for every change it receives (hundreds of entries in a full hall) and which is dropped.
 */
export const MAX_PRESENCE_ENTRIES_PER_MESSAGE = 8;

/** Most client ids one connection may have present at once (A15), for the same reason. */
export const MAX_PRESENCE_CLIENTS_PER_PEER = 8;

/** Caret colours a client may choose: `#rrggbb`, the only format the web app's carets use. */
const CARET_COLOR = /^#[0-9a-f]{6}$/i;

/**
 * Who is in a room and where their carets are (y-protocols awareness), relayed between its peers.
 * The server is not a participant and shows no presence of its own. Each peer speaks for the
 * client ids it introduced, and those disappear with it. Changes are sent gathered, once per
 * `PRESENCE_WINDOW_MS`, as one frame for everyone.
 *
 * Who someone is comes from their session, not from what their client says (A15): the `user`
 * field of every state a peer sends is rewritten to its principal's name and role before it is
 * applied — so everyone, on this instance and the others, sees the server's version. What the
 * client chooses itself (its caret colour, where it is, its caret) is kept.
 */
export class Presence {
  private readonly awareness: awarenessProtocol.Awareness;
  private readonly owned = new Map<Peer, Set<number>>();
  /** Clients whose presence changed since the last send: for the peers, and (local ones) for the other instances. */
  private readonly changedForPeers = new Set<number>();
  private readonly changedForInstances = new Set<number>();
  private sendTimer: NodeJS.Timeout | null = null;

  constructor(
    doc: Y.Doc,
    private readonly outlets: PresenceOutlets,
  ) {
    this.awareness = new awarenessProtocol.Awareness(doc);
    this.awareness.setLocalState(null);
    this.awareness.on('update', this.onUpdate);
  }

  add(peer: Peer): void {
    this.owned.set(peer, new Set());
  }

  /** Removes a departed peer's carets at once for everyone else. */
  remove(peer: Peer): void {
    const clients = this.owned.get(peer);
    this.owned.delete(peer);
    if (clients && clients.size > 0) awarenessProtocol.removeAwarenessStates(this.awareness, [...clients], null);
  }

  /** Everyone's presence as one frame, for a newcomer or a query; `null` when nobody shows any. */
  everyone(): Uint8Array | null {
    const clients = [...this.awareness.getStates().keys()];
    return clients.length > 0 ? awarenessMessage(this.awareness, clients) : null;
  }

  /**
   * Applies a peer's awareness update, each state with the peer's identity (A15). Throws
   * `ProtocolError` if it does not decode, `PresenceRefusal` beyond the limits above.
   */
  receive(peer: Peer, update: Uint8Array): void {
    const mine = this.owned.get(peer) ?? new Set<number>();
    // Only presence for the peer's own client ids, or for a client new here, is applied. The rest
    // is dropped (neither parsed nor weighed): mostly the standard client echoing what it received
    // from others, which it does for every change; else someone impersonating a participant, or a
    // client reconnecting before its old socket was noticed gone — which re-sends its presence
    // every 15 s and so takes over once the old one is removed.
    const own = readPresenceEntries(update).filter((entry) => mine.has(entry.clientId) || this.isNewClient(entry));
    if (own.length > MAX_PRESENCE_ENTRIES_PER_MESSAGE) {
      throw new PresenceRefusal(`presence for ${own.length} clients in one message (at most ${MAX_PRESENCE_ENTRIES_PER_MESSAGE})`);
    }
    const large = own.find((entry) => entry.json.length > MAX_PRESENCE_STATE_BYTES);
    if (large) throw new PresenceRefusal(`a presence state of ${large.json.length} bytes (at most ${MAX_PRESENCE_STATE_BYTES})`);
    const states = own.map((entry) => ({ clientId: entry.clientId, clock: entry.clock, state: parsePresenceState(entry) }));
    // Counted from what is shown: a state the awareness timed out (30 s unrenewed) no longer counts.
    const present = new Set([...mine].filter((clientId) => this.awareness.getStates().has(clientId)));
    for (const { clientId, state } of states) {
      if (state === null) present.delete(clientId);
      else present.add(clientId);
    }
    if (present.size > MAX_PRESENCE_CLIENTS_PER_PEER) {
      throw new PresenceRefusal(`presence for ${present.size} clients on one connection (at most ${MAX_PRESENCE_CLIENTS_PER_PEER})`);
    }
    if (states.length === 0) return;
    const stamped = states.map((entry) => ({ ...entry, state: entry.state && withIdentity(entry.state, peer.principal) }));
    try {
      awarenessProtocol.applyAwarenessUpdate(this.awareness, writePresenceUpdate(stamped), peer);
    } catch (error) {
      throw new ProtocolError(`malformed awareness update: ${errorMessage(error)}`);
    }
  }

  /**
   * Whether `entry` introduces a client nobody speaks for: not present here (another connection's,
   * or another instance's), and newer than what was last known of it — an echo of someone who
   * has just left has their old clock, and removing someone absent changes nothing.
   */
  private isNewClient(entry: PresenceEntry): boolean {
    if (this.awareness.getStates().has(entry.clientId)) return false;
    if ((this.awareness.meta.get(entry.clientId)?.clock ?? -1) >= entry.clock) return false;
    return !isLeaving(entry);
  }

  /** Applies presence another server instance relayed; it is passed on to this room's peers only. */
  fromInstance(update: Uint8Array): void {
    awarenessProtocol.applyAwarenessUpdate(this.awareness, update, FROM_INSTANCE);
  }

  destroy(): void {
    if (this.sendTimer) clearTimeout(this.sendTimer);
    this.awareness.off('update', this.onUpdate);
    this.awareness.destroy();
  }

  private readonly onUpdate = ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }, origin: unknown) => {
    const ids = this.owned.get(origin as Peer);
    if (ids) {
      for (const id of [...added, ...updated]) ids.add(id);
      for (const id of removed) ids.delete(id);
    }
    const changed = [...added, ...updated, ...removed];
    if (changed.length === 0) return;
    for (const id of changed) this.changedForPeers.add(id);
    if (origin !== FROM_INSTANCE) for (const id of changed) this.changedForInstances.add(id);
    this.sendTimer ??= setTimeout(this.send, PRESENCE_WINDOW_MS);
  };

  /** Sends what changed during the window: the latest state of each client (or its removal). */
  private readonly send = () => {
    this.sendTimer = null;
    if (this.changedForPeers.size > 0) {
      this.outlets.broadcast(awarenessFrame(awarenessProtocol.encodeAwarenessUpdate(this.awareness, [...this.changedForPeers])));
      this.changedForPeers.clear();
    }
    if (this.changedForInstances.size > 0) {
      this.outlets.relay(awarenessProtocol.encodeAwarenessUpdate(this.awareness, [...this.changedForInstances]));
      this.changedForInstances.clear();
    }
  };
}

/**
 * `state` with its `user` as the session says: the principal's name and role, and the caret colour
 * the client chose if it is one (A15). Every other field is the client's own.
 */
function withIdentity(state: Record<string, unknown>, principal: Principal): Record<string, unknown> {
  const claimed = state.user;
  const color = typeof claimed === 'object' && claimed !== null ? (claimed as Record<string, unknown>).color : undefined;
  const user = { name: principal.name, role: principal.role, ...(typeof color === 'string' && CARET_COLOR.test(color) ? { color } : {}) };
  return { ...state, user };
}

/** Origin of presence another server instance relayed: shown here, not relayed back. */
const FROM_INSTANCE = Symbol('presence from another instance');
