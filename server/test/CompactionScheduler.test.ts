/** Rule S3's policy and scheduling, against a real SQLite store. */
import { createDeclaration } from '@accord/model/createDeclaration';
import { EventEmitter, once } from 'node:events';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { silentLogger } from '../src/Logger';
import { CompactionScheduler } from '../src/storage/CompactionScheduler';
import { SqliteStore } from '../src/storage/SqliteStore';

const TITLE = { fr: 'Déclaration', ja: '宣言' };

async function setup(policy = { compactAfterUpdates: 3, compactAtLogFraction: 0.5 }) {
  const store = new SqliteStore(':memory:');
  const doc = new Y.Doc();
  createDeclaration(doc, { title: TITLE });
  const snapshot = Y.encodeStateAsUpdate(doc);
  await store.createDeclaration({ id: 'd', title: TITLE }, snapshot);
  const events = new EventEmitter<{ compacted: [string, number] }>();
  const scheduler = new CompactionScheduler(store, policy, silentLogger, (id, updates) => events.emit('compacted', id, updates));
  scheduler.loaded('d', snapshot.length);
  /** Appends a real update of about `bytes` bytes and reports it, as a room does. */
  const commit = async (bytes: number) => {
    const before = Y.encodeStateVector(doc);
    doc.getMap('meta').set(`k${Math.random()}`, 'x'.repeat(bytes));
    const update = Y.encodeStateAsUpdate(doc, before);
    await store.appendUpdate('d', update);
    scheduler.committed('d', update.length, () => TITLE);
  };
  const logLength = async () => (await store.loadDocument('d'))!.updates.length;
  return { store, scheduler, events, commit, logLength, snapshotBytes: snapshot.length };
}

describe('CompactionScheduler (rule S3)', () => {
  it('waits for both the count of updates and half the snapshot’s weight, then folds in the background', async () => {
    const { events, commit, logLength, snapshotBytes } = await setup();
    // Three small updates: the count is reached, the weight is not.
    for (let i = 0; i < 3; i++) await commit(1);
    await new Promise((resolve) => setImmediate(resolve));
    expect(await logLength()).toBe(3);
    const folded = once(events, 'compacted');
    await commit(snapshotBytes);
    expect(await folded).toEqual(['d', 4]);
    expect(await logLength()).toBe(0);
  });

  it('folds at unload whatever the policy says, and a forgotten declaration is never folded', async () => {
    const { scheduler, store, commit, logLength } = await setup({ compactAfterUpdates: 1000, compactAtLogFraction: 0.5 });
    await commit(10);
    await scheduler.unloaded('d', { fr: 'Nouveau titre', ja: '新しい題' });
    expect(await logLength()).toBe(0);
    expect((await store.getDeclaration('d'))!.title).toEqual({ fr: 'Nouveau titre', ja: '新しい題' });
    scheduler.loaded('d', 0);
    scheduler.forget('d');
    await commit(10_000);
    await new Promise((resolve) => setImmediate(resolve));
    expect(await logLength()).toBe(1);
  });
});
