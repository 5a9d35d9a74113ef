import { describe, expect, it } from 'vitest';
import { silentLogger } from '../src/Logger';
import { CheckpointScheduler } from '../src/versions/CheckpointScheduler';
import type { SaveRequest, VersionService } from '../src/versions/VersionService';

/** Records the checkpoints asked for; the scheduler's timing rules are what is under test. */
function recorder() {
  const saved: { id: string; request: SaveRequest }[] = [];
  const versions = {
    save: async (id: string, request: SaveRequest) => {
      saved.push({ id, request });
      return null;
    },
  } as unknown as VersionService;
  return { saved, versions };
}

describe('CheckpointScheduler', () => {
  it('names on an automatic version who wrote since the last one, each once, a few at most', async () => {
    const { saved, versions } = recorder();
    const scheduler = new CheckpointScheduler(versions, { idleMs: 3_600_000, maxIntervalMs: 3_600_000 }, silentLogger);
    scheduler.changed('d1');
    scheduler.wrote('d1', ['Claire Martin', '佐藤 花子']);
    scheduler.wrote('d1', ['Claire Martin']);
    scheduler.wrote('d2', ['Léa']);
    await scheduler.flush();
    expect(saved.find((s) => s.id === 'd1')!.request.author).toBe('Claire Martin, 佐藤 花子');
    scheduler.changed('d1');
    scheduler.wrote('d1', ['A', 'B', 'C', 'D', 'E']);
    await scheduler.flush();
    expect(saved.at(-1)!.request.author).toBe('A, B, C +2');
    // Nobody wrote (a change by the server itself): no author.
    scheduler.changed('d1');
    await scheduler.flush();
    expect(saved.at(-1)!.request.author).toBeNull();
  });

  it('checkpoints at least every maxIntervalMs while edits keep coming, without waiting for quiet', async () => {
    const { saved, versions } = recorder();
    let now = 0;
    // The idle rule never fires here: an hour of quiet is never reached.
    const scheduler = new CheckpointScheduler(versions, { idleMs: 3_600_000, maxIntervalMs: 15 * 60_000 }, silentLogger, () => now);
    for (now = 0; now < 14 * 60_000; now += 30_000) scheduler.changed('d1');
    expect(saved).toHaveLength(0);
    now = 15 * 60_000;
    scheduler.changed('d1');
    await Promise.resolve();
    expect(saved).toEqual([{ id: 'd1', request: { kind: 'automatic', label: null, author: null } }]);
    // The next interval starts afresh.
    now += 60_000;
    scheduler.changed('d1');
    await Promise.resolve();
    expect(saved).toHaveLength(1);
    await scheduler.flush();
    expect(saved).toHaveLength(2);
  });

  it('flush saves every declaration with pending edits, once', async () => {
    const { saved, versions } = recorder();
    const scheduler = new CheckpointScheduler(versions, { idleMs: 3_600_000, maxIntervalMs: 3_600_000 }, silentLogger);
    scheduler.changed('a');
    scheduler.changed('b');
    scheduler.changed('a');
    await scheduler.flush();
    expect(saved.map((s) => s.id).sort()).toEqual(['a', 'b']);
    await scheduler.flush();
    expect(saved).toHaveLength(2);
  });
});
