import Database from 'better-sqlite3';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SqliteStore } from '../src/storage/SqliteStore';
import { accessStoreContract } from './accessStoreContract';
import { talkStoreContract } from './talkStoreContract';
import { storeContract } from './storeContract';

const tempFile = () => join(mkdtempSync(join(tmpdir(), 'accord-sqlite-')), 'accord.sqlite');

storeContract('SqliteStore', async () => new SqliteStore(tempFile()));
accessStoreContract('SqliteStore', async () => new SqliteStore(tempFile()));
talkStoreContract('SqliteStore', async () => new SqliteStore(tempFile()));

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

  it('migrates a database from before invite uses: old invites become single-use, spent when used (A17)', async () => {
    const file = tempFile();
    const made = new SqliteStore(file);
    await made.createDeclaration({ id: 'a', title: { fr: 'a', ja: 'a' } }, new Uint8Array([0]));
    await made.close();
    // Back to the schema before the migration: the invites table without its three columns.
    const old = new Database(file);
    const version = old.pragma('user_version', { simple: true }) as number;
    // The talk tables came after (#17): a database of that time had none of them either.
    old.exec('DROP TABLE comment_messages; DROP TABLE comment_threads; DROP TABLE suggestions; DROP TABLE notifications; DROP TABLE visits;');
    old.exec('ALTER TABLE invites DROP COLUMN label; ALTER TABLE invites DROP COLUMN max_uses; ALTER TABLE invites DROP COLUMN uses;');
    // So did the versions' change counts (issue 18).
    old.exec('ALTER TABLE versions DROP COLUMN changes;');
    old.pragma(`user_version = ${version - 3}`);
    const invite = old.prepare('INSERT INTO invites (id, declaration_id, token_hash, role, sections, created_at) VALUES (?, ?, ?, ?, ?, ?)');
    invite.run('used', 'a', 'h-used', 'committee-fr', '[]', '2026-11-01T09:00:00.000Z');
    invite.run('fresh', 'a', 'h-fresh', 'observer', '[]', '2026-11-01T09:01:00.000Z');
    const member = old.prepare(
      `INSERT INTO members (id, declaration_id, token_hash, name, role, sections, language, joined_at, invite_id) VALUES (?, 'a', ?, ?, 'committee-fr', '[]', 'fr', ?, 'used')`,
    );
    member.run('m1', 's1', 'Claire', '2026-11-01T10:00:00.000Z');
    member.run('m2', 's2', 'Paul', '2026-11-01T10:01:00.000Z');
    old.close();
    const migrated = new SqliteStore(file);
    expect(await migrated.access.findInvite('h-used')).toMatchObject({ uses: 2, maxUses: 2, label: null });
    expect(await migrated.access.findInvite('h-fresh')).toMatchObject({ uses: 0, maxUses: 1, label: null });
    expect(await migrated.talk.listThreads('a')).toEqual([]);
    await migrated.close();
  });

  it('migrates the adoption’s version, saved with the French label « Adoptée », to the kind every language names', async () => {
    const file = tempFile();
    const made = new SqliteStore(file);
    await made.createDeclaration({ id: 'a', title: { fr: 'a', ja: 'a' } }, new Uint8Array([0]));
    await made.close();
    const old = new Database(file);
    const version = old.pragma('user_version', { simple: true }) as number;
    old.exec('ALTER TABLE versions DROP COLUMN changes;');
    old.pragma(`user_version = ${version - 1}`);
    const insert = old.prepare(
      `INSERT INTO versions (id, declaration_id, kind, label, author, created_at, hash, full, data, state_vector) VALUES (?, 'a', 'named', ?, 'Julie', ?, 'h', 1, x'00', x'00')`,
    );
    insert.run('v-adopted', 'Adoptée', '2026-11-19T10:00:00.000Z');
    insert.run('v-named', 'Adoptée en plénière ?', '2026-11-19T09:00:00.000Z');
    old.close();
    const migrated = new SqliteStore(file);
    const versions = await migrated.listVersions('a');
    expect(versions.find((v) => v.id === 'v-adopted')).toMatchObject({ kind: 'adopted', label: null, author: 'Julie', changes: null });
    expect(versions.find((v) => v.id === 'v-named')).toMatchObject({ kind: 'named', label: 'Adoptée en plénière ?' });
    await migrated.close();
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
