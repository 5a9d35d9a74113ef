import { SqliteStore } from '@accord/server/storage/SqliteStore';
import type { Store } from '@accord/server/storage/Store';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A real SqliteStore whose disk "fills up" on demand: while `failing` is set, appending an update
 * rejects, as a full disk would; everything else is the contract's real implementation.
 */
export function failingStore(): { store: Store; dbFile: string; setFailing(failing: boolean): void } {
  const dbFile = join(mkdtempSync(join(tmpdir(), 'accord-failing-')), 'accord.sqlite');
  const sqlite = new SqliteStore(dbFile);
  let failing = false;
  const store: Store = Object.assign(Object.create(sqlite) as Store, {
    appendUpdate: (id: string, update: Uint8Array) => (failing ? Promise.reject(new Error('disk full')) : sqlite.appendUpdate(id, update)),
  });
  return { store, dbFile, setFailing: (value) => (failing = value) };
}
