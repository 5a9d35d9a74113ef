/**
 * A crash in the middle of a compaction loses nothing (rule S3): the snapshot is written and the
 * folded updates deleted in one SQLite transaction. A separate process runs a real compaction's
 * statements and is killed with SIGKILL after them but before its commit; the file it leaves
 * still holds every edit, and the next compaction folds them all.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createDeclaration } from '@accord/model/createDeclaration';
import { readDeclaration } from '@accord/model/readDeclaration';
import { compactDocument } from '@accord/server/storage/compactDocument';
import { docFromStored } from '@accord/server/storage/docFromStored';
import { SqliteStore } from '@accord/server/storage/SqliteStore';
import { typeAtEnd } from '../support/editText';
import { REPO_ROOT } from '../support/startAccord';

/** Runs in the child: a compaction's writes inside a transaction that never commits. */
const HALF_COMPACTION = `
import Database from 'better-sqlite3';
import * as Y from 'yjs';
const [file, id] = process.argv.slice(-2);
const db = new Database(file);
const rows = db.prepare('SELECT seq, data FROM updates WHERE declaration_id = ? ORDER BY seq').all(id);
const snapshot = db.prepare('SELECT state FROM snapshots WHERE declaration_id = ?').get(id);
const doc = new Y.Doc();
Y.applyUpdate(doc, snapshot.state);
for (const row of rows) Y.applyUpdate(doc, row.data);
db.exec('BEGIN IMMEDIATE');
db.prepare('UPDATE snapshots SET state = ?, through_seq = ? WHERE declaration_id = ?').run(Y.encodeStateAsUpdate(doc), rows.at(-1).seq, id);
db.prepare('DELETE FROM updates WHERE declaration_id = ? AND seq <= ?').run(id, rows.at(-1).seq);
console.log('mid-compaction');
setInterval(() => {}, 1000);
`;

describe('a crash during compaction (rule S3)', () => {
  it('leaves every edit in the file, and the next compaction folds them', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'accord-compaction-')), 'accord.sqlite');
    const store = new SqliteStore(file);
    const doc = new Y.Doc();
    createDeclaration(doc, { title: { fr: 'Compaction', ja: '圧縮' } });
    await store.createDeclaration({ id: 'd', title: { fr: 'Compaction', ja: '圧縮' } }, Y.encodeStateAsUpdate(doc));
    doc.on('update', (update: Uint8Array) => void store.appendUpdate('d', update));
    for (let i = 0; i < 50; i++) typeAtEnd(doc, 'theme', i % 2 ? 'fr' : 'ja', ` e${i}`);
    const expected = readDeclaration(doc);
    await store.close();

    const child = spawn(process.execPath, ['--input-type=module', '-e', HALF_COMPACTION, file, 'd'], { cwd: join(REPO_ROOT, 'server'), stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise<void>((resolve, reject) => {
      child.stdout!.on('data', (chunk: Buffer) => chunk.toString().includes('mid-compaction') && resolve());
      child.once('exit', (code) => reject(new Error(`the half compaction exited early (${code})`)));
    });
    child.removeAllListeners('exit');
    const killed = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await killed;

    const reopened = new SqliteStore(file);
    const stored = await reopened.loadDocument('d');
    expect(stored!.updates).toHaveLength(50);
    expect(readDeclaration(docFromStored('d', stored!))).toEqual(expected);
    expect(await compactDocument(reopened, 'd')).toBe(50);
    const compacted = await reopened.loadDocument('d');
    expect(compacted!.updates).toHaveLength(0);
    expect(readDeclaration(docFromStored('d', compacted!))).toEqual(expected);
    await reopened.close();
  });
});
