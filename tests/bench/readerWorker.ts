/**
 * Readers of the load harness, in a thread of their own: two hundred y-websocket clients applying
 * every edit must not share an event loop with the writers whose latency is being measured.
 * Reports, per (client, clock) of each edit, when each reader received it, on the shared
 * `timeOrigin + now()` clock.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { performance } from 'node:perf_hooks';
import * as Y from 'yjs';
import { type ClientKind, connectBenchClient } from './benchClient';
import { coveredClocks } from './coveredClocks';

interface ReaderJob {
  urls: string[];
  room: string;
  kind: ClientKind;
}

// Each WebsocketProvider adds a process 'exit' listener.
process.setMaxListeners(0);
const job = workerData as ReaderJob;
const now = () => performance.timeOrigin + performance.now();
const arrivals: [string, number][] = [];
const readers = job.urls.map((url) => connectBenchClient(job.kind, url, job.room));
/** The writers' final clocks, once the main thread knows them; until then no reader is done. */
let final: readonly (readonly [number, number])[] | null = null;
let finished = false;
const complete = (doc: Y.Doc) => final !== null && final.every(([client, clock]) => Y.getState(doc.store, client) >= clock);
const check = () => {
  if (!finished && readers.every((r) => complete(r.doc))) {
    finished = true;
    finish();
  }
};
for (const reader of readers) {
  reader.doc.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin !== reader.origin) return;
    const t = now();
    for (const key of coveredClocks(update)) arrivals.push([key, t]);
    if (final !== null && complete(reader.doc)) check();
  });
}
await Promise.all(readers.map((r) => r.synced()));
parentPort!.on('message', (message: { type: 'expect'; final: [number, number][] }) => {
  final = message.final;
  check();
});
parentPort!.postMessage({ type: 'ready' });

function finish(): void {
  readers.forEach((r) => r.destroy());
  parentPort!.postMessage({ type: 'done', arrivals });
}
