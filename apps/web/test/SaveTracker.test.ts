import { describe, expect, it } from 'vitest';
import { SaveTracker } from '../src/sync/SaveTracker';

describe('SaveTracker', () => {
  it('counts a change as saved only once the message that carried it is acknowledged', () => {
    const saves = new SaveTracker();
    saves.sent(); // the sync step 2 of a fresh connection, nothing local yet
    saves.localChange();
    saves.sent();
    saves.localChange();
    saves.sent();
    expect(saves.unsaved).toBe(2);
    saves.acknowledged(1);
    expect(saves.unsaved).toBe(2);
    saves.acknowledged(2);
    expect(saves.unsaved).toBe(1);
    saves.acknowledged(3);
    expect(saves.unsaved).toBe(0);
  });

  it('keeps offline changes waiting until the next connection’s first message is acknowledged', () => {
    const saves = new SaveTracker();
    saves.localChange();
    saves.sent();
    saves.connectionReset(); // the socket dropped before the acknowledgement
    saves.acknowledged(1); // a stale count from nowhere changes nothing
    expect(saves.unsaved).toBe(1);
    saves.localChange();
    saves.localChange();
    expect(saves.unsaved).toBe(3);
    saves.sent(); // step 2 on reconnection carries all three
    saves.acknowledged(1);
    expect(saves.unsaved).toBe(0);
  });

  it('takes a count that skips (updates stored together) as confirming every message up to it', () => {
    const saves = new SaveTracker();
    saves.sent();
    for (let n = 0; n < 3; n++) {
      saves.localChange();
      saves.sent();
    }
    saves.acknowledged(4);
    expect(saves.unsaved).toBe(0);
  });
});
