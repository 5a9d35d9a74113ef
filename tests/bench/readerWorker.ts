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

interface ReaderJob {
  urls: string[];
  room: string;
  kind: ClientKind;
  /** Edits each reader must receive before the job is done. */
  edits: number;
}

// Each WebsocketProvider adds a process 'exit' listener.
process.setMaxListeners(0);
const job = workerData as ReaderJob;
const now = () => performance.timeOrigin + performance.now();
const arrivals: [string, number][] = [];
const readers = job.urls.map((url) => connectBenchClient(job.kind, url, job.room));
let remaining = readers.length;
for (const reader of readers) {
  let received = 0;
  reader.doc.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin !== reader.origin) return;
    const t = now();
    for (const [client, clock] of Y.parseUpdateMeta(update).from) {
      arrivals.push([`${client}:${clock}`, t]);
      if (++received === job.edits && --remaining === 0) finish();
    }
  });
}
await Promise.all(readers.map((r) => r.synced()));
parentPort!.postMessage({ type: 'ready' });

function finish(): void {
  readers.forEach((r) => r.destroy());
  parentPort!.postMessage({ type: 'done', arrivals });
}
