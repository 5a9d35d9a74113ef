/**
 * Version storage and loading. A declaration is edited in small steps (a few words at a time,
 * as committees do) and a version saved after each step; the bench prints what the versions
 * take on disk against storing each one in full, and how long the newest version takes to load
 * against loading the live document (a ratio measured in the same run).
 */
import { createDeclaration, DEMO_DECLARATION } from '@accord/model/createDeclaration';
import { readDeclaration } from '@accord/model/readDeclaration';
import { DEFAULT_HUB_OPTIONS } from '@accord/server/createApp';
import { silentLogger } from '@accord/server/Logger';
import { docFromStored } from '@accord/server/storage/docFromStored';
import { SqliteStore } from '@accord/server/storage/SqliteStore';
import { DocumentHub } from '@accord/server/sync/DocumentHub';
import { VersionService } from '@accord/server/versions/VersionService';
import Database from 'better-sqlite3';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import * as Y from 'yjs';
import { typeAtEnd } from '../support/editText';
import { formatMs, percentile } from './percentiles';

const SECTIONS = ['preamble', 'context', 'theme', 'plenary', 'conclusion', 'closing'];

export async function main(versionCount = 200): Promise<void> {
  const file = join(mkdtempSync(join(tmpdir(), 'accord-bench-versions-')), 'accord.sqlite');
  const store = new SqliteStore(file);
  const hub = new DocumentHub(store, { ...DEFAULT_HUB_OPTIONS, unloadAfterMs: 60_000 }, silentLogger);
  const versions = new VersionService(store, hub);
  const seed = new Y.Doc();
  createDeclaration(seed, DEMO_DECLARATION);
  await store.createDeclaration({ id: 'bench', title: DEMO_DECLARATION.title }, Y.encodeStateAsUpdate(seed));
  const room = (await hub.acquire('bench'))!;

  let fullBytes = 0;
  for (let v = 0; v < versionCount; v++) {
    const section = SECTIONS[v % SECTIONS.length]!;
    await room.change((doc) => {
      typeAtEnd(doc, section, 'fr', ` modification ${v}`);
      typeAtEnd(doc, section, 'ja', `修正${v}`);
    });
    await versions.save('bench', { kind: 'automatic', label: null, author: null });
    fullBytes += await room.read((doc) => Y.encodeStateAsUpdate(doc).length);
  }
  const db = new Database(file, { readonly: true });
  const stored = db.prepare('SELECT sum(length(data) + length(state_vector)) AS bytes, count(*) AS n FROM versions').get() as { bytes: number; n: number };
  db.close();

  const list = await versions.list('bench');
  const newest = list[0]!.id;
  const oldest = list.at(-1)!.id;
  const time = async (work: () => Promise<unknown>) => {
    const samples: number[] = [];
    for (let i = 0; i < 30; i++) {
      const t = performance.now();
      await work();
      samples.push(performance.now() - t);
    }
    return percentile(samples, 50);
  };
  // A new service for each read: an instance remembers the versions it has read (they never
  // change), and what is measured here is reading one from storage.
  const loadNewest = await time(() => new VersionService(store, hub).readVersion('bench', newest));
  const loadOldest = await time(() => new VersionService(store, hub).readVersion('bench', oldest));
  await versions.readVersion('bench', newest);
  const remembered = await time(() => versions.readVersion('bench', newest));
  // Reference: reading the live document from storage the way a room loads it, then as plain
  // JSON, which is what reading a version includes.
  const loadLive = await time(async () => {
    const doc = docFromStored('bench', (await store.loadDocument('bench'))!);
    readDeclaration(doc);
    doc.destroy();
  });

  console.log(`versions: ${stored.n} saved, one per small edit, SQLite`);
  console.log(`  stored ${(stored.bytes / 1024).toFixed(1)} KiB, vs ${(fullBytes / 1024).toFixed(1)} KiB if each were kept in full (×${(stored.bytes / fullBytes).toFixed(3)})`);
  console.log(`  load newest ${formatMs(loadNewest)}, oldest ${formatMs(loadOldest)}, live document ${formatMs(loadLive)} (newest / live ×${(loadNewest / loadLive).toFixed(2)}); read again by the same instance ${formatMs(remembered)}`);
  hub.release(room);
  await hub.close();
  await store.close();
}
