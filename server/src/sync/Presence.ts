import * as awarenessProtocol from 'y-protocols/awareness';
import type * as Y from 'yjs';
import { awarenessClients, awarenessFrame, awarenessMessage } from './frames';
import { type Peer, ProtocolError } from './Peer';

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
 * Who is in a room and where their carets are (y-protocols awareness), relayed between its peers.
 * The server is not a participant and shows no presence of its own. Each peer speaks for the
 * client ids it introduced, and those disappear with it. Changes are sent gathered, once per
 * `PRESENCE_WINDOW_MS`, as one frame for everyone.
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

  /** Applies a peer's awareness update; throws `ProtocolError` if it does not decode. */
  receive(peer: Peer, update: Uint8Array): void {
    // Presence for a client id another connection speaks for is dropped, not applied: it is
    // either someone impersonating a participant, or a client reconnecting before its old
    // socket was noticed gone — which re-sends its presence every 15 s and so takes over then.
    const claimed = awarenessClients(update).some((client) => [...this.owned].some(([other, ids]) => other !== peer && ids.has(client)));
    if (claimed) return;
    try {
      awarenessProtocol.applyAwarenessUpdate(this.awareness, update, peer);
    } catch (error) {
      throw new ProtocolError(`malformed awareness update: ${(error as Error).message}`);
    }
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

/** Origin of presence another server instance relayed: shown here, not relayed back. */
const FROM_INSTANCE = Symbol('presence from another instance');
