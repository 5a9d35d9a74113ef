/**
 * A crash in the middle of a compaction loses nothing (rule S3): the snapshot is written and the
 * folded updates deleted in one SQLite transaction. A separate process runs the server's compaction
 * and is killed with SIGKILL after its statements but before its commit; the file it leaves
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

/**
 * Runs in the child: the server's own compaction (`compactDocument` on a `SqliteStore`), paused
 * for good once it has both written the snapshot and deleted updates — whatever the order of its
 * statements, so a compaction that committed one without the other would lose edits here. The
 * pause is a SQL function called by triggers on the store's own connection (temporary triggers
 * are per connection).
 */
const HALF_COMPACTION = `
import { SqliteStore } from '@accord/server/storage/SqliteStore';
import { compactDocument } from '@accord/server/storage/compactDocument';
const [file, id] = process.argv.slice(-2);
const store = new SqliteStore(file);
const db = store.db;
const written = new Set();
db.function('pause', (table) => {
  written.add(table);
  if (written.size < 2) return 0;
  console.log('mid-compaction');
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);
  return 0;
});
db.exec(\`
  CREATE TEMP TRIGGER pause_delete AFTER DELETE ON updates BEGIN SELECT pause('updates'); END;
  CREATE TEMP TRIGGER pause_insert AFTER INSERT ON snapshots BEGIN SELECT pause('snapshots'); END;
  CREATE TEMP TRIGGER pause_update AFTER UPDATE ON snapshots BEGIN SELECT pause('snapshots'); END;
\`);
await compactDocument(store, id);
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

    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', HALF_COMPACTION, file, 'd'], {
      cwd: join(REPO_ROOT, 'tests'),
      stdio: ['ignore', 'pipe', 'inherit'],
    });
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
    expect((await compactDocument(reopened, 'd'))?.folded).toBe(50);
    const compacted = await reopened.loadDocument('d');
    expect(compacted!.updates).toHaveLength(0);
    expect(readDeclaration(docFromStored('d', compacted!))).toEqual(expected);
    await reopened.close();
  });
});
