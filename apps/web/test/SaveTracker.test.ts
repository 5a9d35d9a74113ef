import { describe, expect, it } from 'vitest';
import { SaveTracker } from '../src/sync/SaveTracker';

describe('SaveTracker', () => {
  it('counts a passage as saved only once the message that carried its last change is acknowledged', () => {
    const saves = new SaveTracker();
    saves.sent(); // the sync step 2 of a fresh connection, nothing local yet
    saves.localChange(['fr:a']);
    saves.sent();
    saves.localChange(['fr:b']);
    saves.sent();
    expect(saves.unsaved).toBe(2);
    saves.acknowledged(1);
    expect(saves.unsaved).toBe(2);
    saves.acknowledged(2);
    expect(saves.pending).toEqual(['fr:b']);
    saves.acknowledged(3);
    expect(saves.unsaved).toBe(0);
  });

  it('counts passages, not keystrokes: fifteen letters in one and three in another are two', () => {
    const saves = new SaveTracker();
    for (let n = 0; n < 15; n++) saves.localChange(['fr:a']);
    for (let n = 0; n < 3; n++) saves.localChange(['ja:a']);
    expect(saves.unsaved).toBe(2);
    saves.sent();
    // A later keystroke in an already-saved passage makes it wait again, alone.
    saves.localChange(['fr:a']);
    saves.acknowledged(1);
    expect(saves.pending).toEqual(['fr:a']);
  });

  it('keeps offline changes waiting until the next connection’s first message is acknowledged', () => {
    const saves = new SaveTracker();
    saves.localChange(['fr:a']);
    saves.sent();
    saves.connectionReset(); // the socket dropped before the acknowledgement
    saves.acknowledged(1); // a stale count from nowhere changes nothing
    expect(saves.unsaved).toBe(1);
    saves.localChange(['fr:b']);
    saves.localChange(['fr:c']);
    expect(saves.unsaved).toBe(3);
    saves.sent(); // step 2 on reconnection carries all three
    saves.acknowledged(1);
    expect(saves.unsaved).toBe(0);
  });

  it('counts passages restored from an earlier visit until the first acknowledgement', () => {
    const saves = new SaveTracker();
    saves.restore(['fr:a', 'ja:b']);
    expect(saves.unsaved).toBe(2);
    saves.localChange(['fr:a']);
    expect(saves.unsaved).toBe(2);
    saves.sent();
    saves.acknowledged(1);
    expect(saves.unsaved).toBe(0);
  });

  it('takes a count that skips (updates stored together) as confirming every message up to it', () => {
    const saves = new SaveTracker();
    saves.sent();
    for (let n = 0; n < 3; n++) {
      saves.localChange([`fr:${n}`]);
      saves.sent();
    }
    saves.acknowledged(4);
    expect(saves.unsaved).toBe(0);
  });
});
