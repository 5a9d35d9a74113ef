/** Rule S17's relay, on its own: who gets what, and what waits is merged. */
import * as decoding from 'lib0/decoding';
import * as syncProtocol from 'y-protocols/sync';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { PacedRelay, RELAY_FRAMES_PER_SECOND } from '../src/sync/PacedRelay';
import type { Peer } from '../src/sync/Peer';

/** A peer that records the document updates it is sent. */
function recorder(): Peer & { updates: Uint8Array[] } {
  const updates: Uint8Array[] = [];
  return {
    updates,
    principal: { role: 'observer', sections: [], memberId: null, name: 'p', language: 'fr' },
    send(message) {
      const decoder = decoding.createDecoder(message);
      decoding.readVarUint(decoder);
      if (decoding.readVarUint(decoder) === syncProtocol.messageYjsUpdate) updates.push(decoding.readVarUint8Array(decoder));
    },
    close() {},
  };
}

/** Updates of one document, one character each. */
function keystrokes(n: number): Uint8Array[] {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => updates.push(u));
  for (let i = 0; i < n; i++) doc.getText('t').insert(i, 'x');
  return updates;
}

describe('PacedRelay (S17)', () => {
  it('sends a stored update at once to every peer but the one that made it', () => {
    const [writer, reader] = [recorder(), recorder()];
    const relay = new PacedRelay(new Set([writer, reader]));
    const [update] = keystrokes(1);
    relay.push(update!, writer);
    expect(writer.updates).toEqual([]);
    expect(reader.updates).toEqual([update]);
    relay.destroy();
  });

  it('in a crowded room, merges what waits for the bucket into one message per peer, the writers included', async () => {
    // More peers than one burst pays for: the first relay empties the bucket, the rest wait.
    const peers = Array.from({ length: RELAY_FRAMES_PER_SECOND * 0.05 + 1 }, recorder);
    const relay = new PacedRelay(new Set(peers));
    const updates = keystrokes(4);
    const [first, second, third, reader] = peers as [Peer & { updates: Uint8Array[] }, Peer & { updates: Uint8Array[] }, Peer & { updates: Uint8Array[] }, Peer & { updates: Uint8Array[] }];
    relay.push(updates[0]!, first);
    relay.push(updates[1]!, second);
    relay.push(updates[2]!, second);
    relay.push(updates[3]!, third);
    // Nothing of the three later ones has gone yet…
    expect(reader.updates).toHaveLength(1);
    await expect.poll(() => reader.updates.length).toBe(2);
    // …then they go together, to everyone: two peers made them, each gets the whole and Yjs skips its own part.
    const merged = new Y.Doc();
    for (const u of reader.updates) Y.applyUpdate(merged, u);
    expect(merged.getText('t').toString()).toBe('xxxx');
    expect(second.updates).toHaveLength(2);
    expect(third.updates).toHaveLength(2);
    relay.destroy();
  });
});
