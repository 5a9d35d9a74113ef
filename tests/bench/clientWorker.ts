/**
 * Clients of the load harness, in a thread of their own: a conference hall has a laptop per
 * delegation, and one event loop hosting all of them would time its own backlog, not the server.
 * Writers type into their section at a steady rate once told to start; every client notes when it
 * receives each edit from another. Times are on the clock all threads share (`timeOrigin + now()`).
 */
import { setPriority } from 'node:os';
import { performance } from 'node:perf_hooks';
import { parentPort, workerData } from 'node:worker_threads';
import { getSections, type Lang } from '@accord/model/declarationLayout';
import * as Y from 'yjs';
import { typeAtEnd } from '../support/editText';
import { waitForDoc } from '../support/yClient';
import { type BenchClient, type ClientKind, connectBenchClient } from './benchClient';
import { coveredClocks } from './coveredClocks';

export interface ClientJob {
  kind: ClientKind;
  room: string;
  /** One entry per client: where it connects and, for a writer, what it types where. */
  clients: { url: string; writer: { index: number; section: string; lang: Lang } | null }[];
  /** Writers in the whole harness, for staggering their starts. */
  writers: number;
  editsPerClient: number;
  intervalMs: number;
  /** Writers ask for acknowledgements (Accord's extension) and time them. */
  ack: boolean;
  /** Run at the lowest CPU priority (see `measureLoad`). */
  lowPriority: boolean;
}

export type ToWorker = { type: 'start' } | { type: 'expect'; final: [number, number][] };

export type FromWorker =
  | { type: 'ready' }
  /** This thread's writers are done typing: their clients' final clocks. */
  | { type: 'typed'; final: [number, number][] }
  /** Every client here has every writer's last edit. `sent`: when each edit (`client:clock`) was made. */
  | { type: 'done'; sent: [string, number][]; arrivals: [string, number][]; acks: number[] };

// Each WebsocketProvider adds a process 'exit' listener.
process.setMaxListeners(0);
const job = workerData as ClientJob;
if (job.lowPriority) setPriority(0, 19);
const now = () => performance.timeOrigin + performance.now();
const post = (message: FromWorker) => parentPort!.postMessage(message);

const sent: [string, number][] = [];
const arrivals: [string, number][] = [];
const acks: number[] = [];

const clients = job.clients.map(({ url, writer }) => {
  /** When each update message of this connection left: message 1 is the sync step 2, n + 2 edit n. */
  const messageTimes: (number | undefined)[] = [undefined];
  let acked = 0;
  const client: BenchClient = connectBenchClient(
    job.kind,
    url,
    job.room,
    writer && job.ack
      ? (count) => {
          // Counts are cumulative and may skip: updates stored together are acknowledged together.
          const t = now();
          for (; acked < count; acked++) {
            const at = messageTimes[acked];
            if (at !== undefined) acks.push(t - at);
          }
        }
      : undefined,
  );
  client.doc.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin !== client.origin) return;
    const t = now();
    for (const key of coveredClocks(update)) arrivals.push([key, t]);
  });
  return { client, writer, messageTimes };
});

await Promise.all(clients.map(({ client }) => client.synced()));
await Promise.all(clients.map(({ client }) => waitForDoc(client.doc, (doc) => getSections(doc).length > 0)));

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function type({ client, writer, messageTimes }: (typeof clients)[number]): Promise<void> {
  if (!writer) return;
  // Staggered, so edits interleave as they would in a room.
  await sleep((job.intervalMs / job.writers) * writer.index);
  const { doc } = client;
  for (let n = 0; n < job.editsPerClient; n++) {
    const at = now();
    sent.push([`${doc.clientID}:${Y.getState(doc.store, doc.clientID)}`, at]);
    messageTimes.push(at);
    typeAtEnd(doc, writer.section, writer.lang, writer.lang === 'fr' ? 'a' : 'あ');
    await sleep(job.intervalMs);
  }
}

parentPort!.on('message', async (message: ToWorker) => {
  if (message.type === 'start') {
    await Promise.all(clients.map(type));
    post({ type: 'typed', final: clients.filter((c) => c.writer).map(({ client: { doc } }) => [doc.clientID, Y.getState(doc.store, doc.clientID)]) });
    return;
  }
  const has = (doc: Y.Doc) => message.final.every(([client, clock]) => Y.getState(doc.store, client) >= clock);
  await Promise.all(clients.map(({ client }) => waitForDoc(client.doc, has)));
  clients.forEach(({ client }) => client.destroy());
  post({ type: 'done', sent, arrivals, acks });
});
post({ type: 'ready' });
