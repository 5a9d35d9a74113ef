import { performance } from 'node:perf_hooks';
import * as Y from 'yjs';
import { syncUpdateMessage } from '@accord/protocol/frames';
import type { Peer } from './Peer';
import { TokenBucket } from './TokenBucket';

/**
 * Relay frames a room sends its peers per second, beyond a short burst (SPEC S17). Each relay
 * costs a frame per peer, and every client applies each one: in a hall of 260 typing 180
 * keystrokes a second, one relay per keystroke is 47,000 frames a second, more than the clients of
 * a small machine could apply. Beyond this pace, what was stored meanwhile is relayed together (a
 * hall of 260 then gets about 31 relays a second); below it, as with 20 people typing 10
 * keystrokes a second each (4,200 frames), nothing is held back.
 */
export const RELAY_FRAMES_PER_SECOND = 8_000;

/** The burst a room may send at once, in seconds' worth of frames: one relay to 400 peers. */
const BURST_SECONDS = 0.05;

/**
 * Relays a room's stored updates to its peers at a bounded pace: a relay to n peers spends n
 * frames from a token bucket (at most its capacity); when the bucket is short, the relay waits
 * until it has refilled, and what is pushed meanwhile goes out merged, in one message per peer.
 */
export class PacedRelay {
  private waiting: { update: Uint8Array; origin: Peer | null }[] = [];
  private timer: NodeJS.Timeout | null = null;
  private readonly frames = new TokenBucket(RELAY_FRAMES_PER_SECOND, RELAY_FRAMES_PER_SECOND * BURST_SECONDS, () => performance.now());

  /** `peers`: the room's live set of peers, read at each relay. */
  constructor(private readonly peers: ReadonlySet<Peer>) {}

  /** Relays `update` (already stored) to every peer but `origin`, the one peer that made it, if one did. */
  push(update: Uint8Array, origin: Peer | null): void {
    this.waiting.push({ update, origin });
    if (this.timer === null) this.sendWhenAffordable();
  }

  destroy(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.waiting = [];
  }

  private sendWhenAffordable(): void {
    const cost = Math.min(this.peers.size, RELAY_FRAMES_PER_SECOND * BURST_SECONDS);
    if (this.frames.take(cost)) {
      this.send();
      return;
    }
    // A timer waits at least a millisecond, whatever it is asked.
    this.timer = setTimeout(() => {
      this.timer = null;
      this.sendWhenAffordable();
    }, Math.max(1, this.frames.msUntil(cost)));
  }

  /**
   * Sends what waits, merged. A peer that made all of it is sent none of it; one that made part of
   * it gets it all, its own part included, which Yjs skips (sending each peer exactly the others'
   * part would cost a merge per writer).
   */
  private send(): void {
    const waiting = this.waiting;
    this.waiting = [];
    if (waiting.length === 0) return;
    // Each update here is the server's own encoding of a change to this document, so merging is
    // safe (unlike client bytes, see yjs#687) and small: a few updates, not a history.
    const message = syncUpdateMessage(waiting.length === 1 ? waiting[0]!.update : Y.mergeUpdates(waiting.map((w) => w.update)));
    const origin = waiting.every((w) => w.origin === waiting[0]!.origin) ? waiting[0]!.origin : null;
    for (const peer of this.peers) if (peer !== origin) peer.send(message);
  }
}
