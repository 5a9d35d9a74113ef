import Database from 'better-sqlite3';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SqliteStore } from '../src/storage/SqliteStore';
import { accessStoreContract } from './accessStoreContract';
import { storeContract } from './storeContract';

const tempFile = () => join(mkdtempSync(join(tmpdir(), 'accord-sqlite-')), 'accord.sqlite');

storeContract('SqliteStore', async () => new SqliteStore(tempFile()));
accessStoreContract('SqliteStore', async () => new SqliteStore(tempFile()));

describe('SqliteStore specifics', () => {
  it('uses WAL and migrates an existing file idempotently', async () => {
    const file = tempFile();
    const first = new SqliteStore(file);
    await first.createDeclaration({ id: 'a', title: { fr: 'a', ja: 'a' } }, new Uint8Array([1]));
    await first.close();
    const second = new SqliteStore(file);
    expect(await second.getDeclaration('a')).not.toBeNull();
    await second.close();
    const db = new Database(file, { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
  });

  it('refuses a database written by a newer schema rather than corrupting it', () => {
    const file = tempFile();
    const db = new Database(file);
    db.pragma('user_version = 99');
    db.close();
    expect(() => new SqliteStore(file)).toThrow(/newer/);
  });

  it('rule 3: a compaction that fails half-way leaves the old snapshot and every update', async () => {
    const file = tempFile();
    const store = new SqliteStore(file);
    await store.createDeclaration({ id: 'a', title: { fr: 'a', ja: 'a' } }, new Uint8Array([0]));
    await store.appendUpdate('a', new Uint8Array([1]));
    await store.appendUpdate('a', new Uint8Array([2]));
    // Make the second statement of the compaction transaction fail, as a crash between the two would.
    const saboteur = new Database(file);
    saboteur.exec(`CREATE TRIGGER no_delete BEFORE DELETE ON updates BEGIN SELECT RAISE(ABORT, 'simulated crash'); END;`);
    await expect(store.replaceSnapshot('a', new Uint8Array([42]), 2)).rejects.toThrow(/simulated crash/);
    saboteur.exec('DROP TRIGGER no_delete');
    saboteur.close();
    const stored = await store.loadDocument('a');
    expect(stored!.snapshot).toEqual(new Uint8Array([0]));
    expect(stored!.updates).toEqual([new Uint8Array([1]), new Uint8Array([2])]);
    await store.close();
  });
});
