/**
 * A declaration with a long history: 100,000 small updates in its SQLite update log, loaded cold.
 * The log is written through the real `SqliteStore` (as the server appends a client's update:
 * one committed row per keystroke), from the opening of the seph-blog1 editing trace typed into
 * one paragraph. No hub runs while it is written, so nothing compacts it; the server that then
 * loads it is a fresh process on that data directory, with compaction deferred so the log is
 * still whole when it is read. Prints the process start, the first sync of a new client (loading
 * the log is part of it), and the server's memory before and after — as it stands, and its V8 heap
 * after a full collection forced through the inspector (see `manyDeclarations.bench.ts`); then
 * the same after the log has been folded into the snapshot (the server compacts on a graceful
 * stop), as a ratio.
 */
import { createDeclaration } from '@accord/model/createDeclaration';
import { getFragment } from '@accord/model/declarationLayout';
import { newSid } from '@accord/model/newSid';
import { SqliteStore } from '@accord/server/storage/SqliteStore';
import Database from 'better-sqlite3';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import * as Y from 'yjs';
import { startAccord } from '../support/startAccord';
import { connectBenchClient } from './benchClient';
import { directorySize } from './directorySize';
import { forceGarbageCollection, INSPECTOR_NODE_OPTIONS, inspectorUrl } from './forceGarbageCollection';
import { loadTrace } from './loadTrace';
import { formatMs } from './percentiles';
import { processUsage } from './processUsage';
import { residentMemory } from './residentMemory';
import { TRACE_SECTION, traceText } from './traceText';

// Each WebsocketProvider adds a process 'exit' listener.
process.setMaxListeners(0);

const HISTORY_UPDATES = 100_000;
const DECLARATION_ID = 'long-history';
/** Far more updates than the run makes: a commit must not fold the log the bench is about. */
const NO_COMPACTION = { COMPACT_AFTER_UPDATES: String(1_000_000_000) };

interface History {
  dataDir: string;
  sid: string;
  /** The paragraph's text once every update is applied. */
  text: string;
}

/** Writes the declaration (its template as the snapshot) and `updates` rows of log after it. */
async function writeHistory(updates: number): Promise<History> {
  const dataDir = mkdtempSync(join(tmpdir(), 'accord-bench-history-'));
  const store = new SqliteStore(join(dataDir, 'accord.sqlite'));
  const doc = new Y.Doc();
  const title = { fr: 'Déclaration à long historique', ja: '長い履歴の宣言' };
  createDeclaration(doc, { title });
  await store.createDeclaration({ id: DECLARATION_ID, title }, Y.encodeStateAsUpdate(doc));
  const made: { update: Uint8Array | null } = { update: null };
  doc.on('update', (update: Uint8Array) => (made.update = update));
  const append = async (change: () => void) => {
    made.update = null;
    doc.transact(change);
    if (made.update === null) return false; // a recorded txn that changed nothing makes no update
    await store.appendUpdate(DECLARATION_ID, made.update);
    return true;
  };

  const sid = newSid();
  const text = new Y.XmlText();
  await append(() => {
    const fragment = getFragment(doc, TRACE_SECTION.id, TRACE_SECTION.lang);
    const paragraph = new Y.XmlElement('paragraph');
    fragment.insert(fragment.length, [paragraph]);
    paragraph.setAttribute('sid', sid);
    paragraph.insert(0, [text]);
  });
  let written = 1;
  const trace = loadTrace('seph-blog1.json.gz');
  for (const txn of trace.txns) {
    if (written === updates) break;
    const changed = await append(() => {
      for (const { pos, deleted, inserted } of txn) {
        if (deleted > 0) text.delete(pos, deleted);
        if (inserted !== '') text.insert(pos, inserted);
      }
    });
    if (changed) written++;
  }
  if (written < updates) throw new Error(`the trace gave only ${written} updates, not ${updates}`);
  const result = { dataDir, sid, text: traceText(doc, sid)! };
  doc.destroy();
  await store.close();
  return result;
}

function logRows(dataDir: string): number {
  const db = new Database(join(dataDir, 'accord.sqlite'), { readonly: true });
  try {
    return (db.prepare('SELECT count(*) AS n FROM updates WHERE declaration_id = ?').get(DECLARATION_ID) as { n: number }).n;
  } finally {
    db.close();
  }
}

interface ColdLoad {
  startSeconds: number;
  firstSyncMs: number;
  /** Server CPU seconds spent from the connection to the first sync (reading and applying the log). */
  loadCpuSeconds: number;
  /** Resident memory (MiB) once listening, before the declaration is loaded; then with it loaded and synced. */
  idleMiB: number;
  loadedMiB: number;
  peakMiB: number;
  /** V8 heap in use (MiB) after a forced full collection, idle and with the declaration loaded. */
  idleHeapMiB: number;
  loadedHeapMiB: number;
}

/** Starts a fresh server on `history`, syncs one new client, checks its text; stops the server gracefully. */
async function coldLoad(history: History): Promise<ColdLoad> {
  const spawned = performance.now();
  const nodeOptions = [process.env.NODE_OPTIONS, INSPECTOR_NODE_OPTIONS].filter(Boolean).join(' ');
  const server = await startAccord({ dataDir: history.dataDir, env: { ...NO_COMPACTION, NODE_OPTIONS: nodeOptions } });
  try {
    const startSeconds = (performance.now() - spawned) / 1000;
    const inspector = inspectorUrl(server.log());
    const idle = residentMemory(server.pid);
    const idleHeap = await forceGarbageCollection(inspector);
    const cpuBefore = processUsage(server.pid).cpuSeconds;
    const connected = performance.now();
    const client = connectBenchClient('y-websocket', server.collabUrl, DECLARATION_ID);
    try {
      await client.synced();
      const firstSyncMs = performance.now() - connected;
      const usage = processUsage(server.pid);
      const served = traceText(client.doc, history.sid);
      if (served !== history.text) {
        throw new Error(`the long-history declaration was served with ${served?.length ?? 'no'} characters instead of ${history.text.length}`);
      }
      const loaded = residentMemory(server.pid);
      const loadedHeap = await forceGarbageCollection(inspector);
      return {
        startSeconds,
        firstSyncMs,
        loadCpuSeconds: usage.cpuSeconds - cpuBefore,
        idleMiB: idle.rssMiB,
        loadedMiB: loaded.rssMiB,
        peakMiB: usage.peakMiB,
        idleHeapMiB: idleHeap.usedMiB,
        loadedHeapMiB: loadedHeap.usedMiB,
      };
    } finally {
      client.destroy();
    }
  } finally {
    // Graceful: the hub folds the log into the snapshot as the declaration leaves memory.
    await server.stop();
  }
}

function print(what: string, r: ColdLoad): void {
  console.log(
    `  ${what}: process start to listening ${r.startSeconds.toFixed(2)} s, connect to first sync ${formatMs(r.firstSyncMs)} (server CPU ${r.loadCpuSeconds.toFixed(2)} s)`,
  );
  console.log(
    `    server memory: RSS ${r.idleMiB.toFixed(0)} MiB idle, ${r.loadedMiB.toFixed(0)} MiB with the declaration loaded (${signed(r.loadedMiB - r.idleMiB, 0)} MiB, no GC), peak ${r.peakMiB.toFixed(0)} MiB;   ` +
      `V8 heap after a forced GC ${r.idleHeapMiB.toFixed(1)} → ${r.loadedHeapMiB.toFixed(1)} MiB (held: ${signed(r.loadedHeapMiB - r.idleHeapMiB, 1)} MiB)`,
  );
}

function signed(value: number, digits: number): string {
  return `${value >= 0 ? '+' : '−'}${Math.abs(value).toFixed(digits)}`;
}

export async function main(updates = HISTORY_UPDATES): Promise<void> {
  const writing = performance.now();
  const history = await writeHistory(updates);
  const rows = logRows(history.dataDir);
  if (rows !== updates) throw new Error(`expected ${updates} updates in the log, found ${rows}`);
  console.log(
    `long history: one declaration, ${rows} updates in its SQLite log (${(directorySize(history.dataDir) / 1048576).toFixed(1)} MiB on disk, written through SqliteStore in ${((performance.now() - writing) / 1000).toFixed(1)} s), ${history.text.length} characters`,
  );
  const fromLog = await coldLoad(history);
  print(`cold, from snapshot + ${rows} updates`, fromLog);
  const left = logRows(history.dataDir);
  if (left !== 0) throw new Error(`the graceful stop left ${left} updates in the log instead of folding them`);
  const fromSnapshot = await coldLoad(history);
  print('cold again, after the stop folded the log into the snapshot', fromSnapshot);
  console.log(
    `    from the log / from the snapshot: first sync ×${(fromLog.firstSyncMs / fromSnapshot.firstSyncMs).toFixed(2)}   ` +
      `heap held ×${((fromLog.loadedHeapMiB - fromLog.idleHeapMiB) / (fromSnapshot.loadedHeapMiB - fromSnapshot.idleHeapMiB)).toFixed(2)}`,
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
