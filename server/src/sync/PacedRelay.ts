import * as Y from 'yjs';
import { syncUpdateMessage } from './frames';
import type { Peer } from './Peer';

/**
 * Relay frames a room sends its peers per second, at most (SPEC S17). Each relay costs a frame per
 * peer, and every client applies each one: in a hall of 260 typing 180 keystrokes a second, one
 * relay per keystroke is 47,000 frames a second, more than the clients of a small machine could
 * apply. Beyond this pace, what was stored meanwhile is relayed together: with 260 peers at most
 * every 33 ms, with 20 every 2.5 ms; under 8 peers nothing is held back.
 */
export const RELAY_FRAMES_PER_SECOND = 8_000;

/**
 * Relays a room's stored updates to its peers at a bounded pace: after a relay to n peers, the
 * next waits until n / `RELAY_FRAMES_PER_SECOND` seconds have passed, and what was pushed meanwhile
 * goes out merged, in one message per peer.
 */
export class PacedRelay {
  private waiting: { update: Uint8Array; origin: Peer | null }[] = [];
  private timer: NodeJS.Timeout | null = null;
  private lastAt = Number.NEGATIVE_INFINITY;

  /** `peers`: the room's live set of peers, read at each relay. */
  constructor(private readonly peers: ReadonlySet<Peer>) {}

  /** Relays `update` (already stored) to every peer but `origin`, the one peer that made it, if one did. */
  push(update: Uint8Array, origin: Peer | null): void {
    this.waiting.push({ update, origin });
    if (this.timer !== null) return;
    const wait = this.lastAt + (this.peers.size * 1000) / RELAY_FRAMES_PER_SECOND - performance.now();
    // A timer cannot wait less than a millisecond: a wait that short is not worth one.
    if (wait < 1) this.send();
    else this.timer = setTimeout(this.send, wait);
  }

  destroy(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.waiting = [];
  }

  /**
   * Sends what waits, merged. A peer that made all of it is sent none of it; one that made part of
   * it gets it all, its own part included, which Yjs skips (sending each peer exactly the others'
   * part would cost a merge per writer).
   */
  private readonly send = () => {
    this.timer = null;
    this.lastAt = performance.now();
    const waiting = this.waiting;
    this.waiting = [];
    // Each update here is the server's own encoding of a change to this document, so merging is
    // safe (unlike client bytes, see yjs#687) and small: a few updates, not a history.
    const message = syncUpdateMessage(waiting.length === 1 ? waiting[0]!.update : Y.mergeUpdates(waiting.map((w) => w.update)));
    const origin = waiting.every((w) => w.origin === waiting[0]!.origin) ? waiting[0]!.origin : null;
    for (const peer of this.peers) if (peer !== origin) peer.send(message);
  };
}
