/** The loaded declarations (DocumentHub): one room per declaration, unloading (S8), and loading errors (S5, S7). */
import { once } from 'node:events';
import { describe, expect, it } from 'vitest';
import { DEFAULT_HUB_OPTIONS } from '../src/createApp';
import { silentLogger } from '../src/Logger';
import { SqliteStore } from '../src/storage/SqliteStore';
import { storeNewDeclaration } from '../src/storage/storeNewDeclaration';
import { DocumentHub } from '../src/sync/DocumentHub';

async function hubWith(unloadAfterMs = 60_000) {
  const store = new SqliteStore(':memory:');
  await storeNewDeclaration(store, 'd1', { title: { fr: 'Essai', ja: '試験' } });
  return { store, hub: new DocumentHub(store, { ...DEFAULT_HUB_OPTIONS, unloadAfterMs }, silentLogger) };
}

describe('DocumentHub', () => {
  it('loads a declaration once for concurrent acquirers, and answers null for an unknown id (S5)', async () => {
    const { hub } = await hubWith();
    const [a, b] = await Promise.all([hub.acquire('d1'), hub.acquire('d1')]);
    expect(a).not.toBeNull();
    expect(a).toBe(b);
    expect(hub.loadedCount).toBe(1);
    expect(await hub.acquire('no-such-declaration')).toBeNull();
    expect(hub.isLoaded('no-such-declaration')).toBe(false);
    await hub.close();
  });

  it('S8: unloads a room once its last holder releases it, after the delay, and a new acquirer gets a fresh one', async () => {
    const { hub } = await hubWith(0);
    const first = (await hub.acquire('d1'))!;
    const again = (await hub.acquire('d1'))!;
    hub.release(first);
    // Still held by the second acquirer: nothing is scheduled.
    expect(hub.isLoaded('d1')).toBe(true);
    const unloaded = once(hub, 'unloaded');
    hub.release(again);
    expect(await unloaded).toEqual(['d1']);
    expect(hub.isLoaded('d1')).toBe(false);
    const fresh = (await hub.acquire('d1'))!;
    expect(fresh).not.toBe(first);
    await hub.close();
  });

  it('S7: a declaration whose stored data cannot be read is not served, and its rows stay as they were', async () => {
    const { store, hub } = await hubWith();
    await store.appendUpdate('d1', Uint8Array.from([255, 255, 255]));
    const before = await store.loadDocument('d1');
    await expect(hub.acquire('d1')).rejects.toThrow();
    expect(hub.isLoaded('d1')).toBe(false);
    expect(await store.loadDocument('d1')).toEqual(before);
    await hub.close();
  });
});
