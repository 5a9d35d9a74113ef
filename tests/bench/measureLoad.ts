/**
 * The load harness: real clients on loopback, writers typing into their own sections at a steady
 * rate, readers watching, in worker threads (`clientWorker.ts`). Every client timestamps the
 * arrival of every edit from another. It drives any server that speaks Yjs sync — Accord or a
 * reference server — through `connectBenchClient`.
 */
import { createDeclaration } from '@accord/model/createDeclaration';
import { getSections, type Lang } from '@accord/model/declarationLayout';
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { waitForDoc } from '../support/yClient';
import { type ClientKind, connectBenchClient } from './benchClient';
import type { ClientJob, FromWorker, ToWorker } from './clientWorker';
import { percentile } from './percentiles';

const SECTIONS = ['preamble', 'context', 'theme', 'plenary', 'workshop-1', 'workshop-2', 'workshop-3', 'conclusion', 'closing'];

export interface LoadTarget {
  kind: ClientKind;
  /** Where clients connect: one URL per server instance, used round-robin. */
  urls: string[];
  room: string;
  /** The room is empty: the harness writes the declaration template into it first. */
  seed: boolean;
  /** Writers ask for acknowledgements (Accord's extension). */
  ack: boolean;
}

export interface LoadOptions {
  clients?: number;
  readers?: number;
  editsPerClient?: number;
  intervalMs?: number;
}

export interface LoadResult {
  clients: number;
  edits: number;
  samples: number;
  /** Edits delivered to other clients per second, over the run. */
  deliveriesPerSecond: number;
  p50: number;
  p99: number;
  max: number;
  /** From an edit to the server's acknowledgement that it is stored; `null` without acknowledgements. */
  ack: { p50: number; p95: number; p99: number; within50ms: number } | null;
}

/** Clients per thread. A writer thread stays well below saturation, so an acknowledgement is timed when it arrives. */
const WRITERS_PER_THREAD = 20;
const READERS_PER_THREAD = 100;

/**
 * Runs the load: `clients` writers typing one character every `intervalMs` into their own
 * section, and `readers` watching, each group of clients in a worker thread of its own.
 *
 * The readers run at the lowest CPU priority. On a small machine, two hundred clients applying
 * every edit need more CPU than there is; at normal priority they would starve the server under
 * test and the writers whose acknowledgements are timed, and every figure would be the harness's.
 * Niced, they take what the server and the writers leave (as laptops in a hall bring their own
 * CPUs), and their delivery latency then measures their own backlog — for every server alike.
 */
export async function measureLoad(target: LoadTarget, { clients = 20, readers = 0, editsPerClient = 50, intervalMs = 100 }: LoadOptions = {}): Promise<LoadResult> {
  const url = (i: number) => target.urls[i % target.urls.length]!;
  if (target.seed) await seedDeclaration(target);
  const job = (entries: ClientJob['clients'], lowPriority: boolean): ClientJob => ({
    kind: target.kind,
    room: target.room,
    clients: entries,
    writers: clients,
    editsPerClient,
    intervalMs,
    ack: target.ack,
    lowPriority,
  });
  const writerEntries = Array.from({ length: clients }, (_, i) => {
    const lang: Lang = i % 2 === 0 ? 'fr' : 'ja';
    return { url: url(i), writer: { index: i, section: SECTIONS[i % SECTIONS.length]!, lang } };
  });
  const readerEntries = Array.from({ length: readers }, (_, i) => ({ url: url(clients + i), writer: null }));
  const threads = [
    ...chunks(writerEntries, WRITERS_PER_THREAD).map((entries) => startClientThread(job(entries, false))),
    ...chunks(readerEntries, READERS_PER_THREAD).map((entries) => startClientThread(job(entries, true))),
  ];
  try {
    await Promise.all(threads.map((t) => t.next('ready')));
    const started = performance.now();
    threads.forEach((t) => t.post({ type: 'start' }));
    // Done when every client has every writer's last edit (not when a count of messages is reached:
    // merged updates would leave such a count short forever).
    const final = (await Promise.all(threads.map((t) => t.next('typed')))).flatMap((m) => m.final);
    threads.forEach((t) => t.post({ type: 'expect', final }));
    const reports = await Promise.all(threads.map((t) => t.next('done')));
    const seconds = (performance.now() - started) / 1000;

    const sentAt = new Map(reports.flatMap((r) => r.sent));
    const samples: number[] = [];
    for (const { arrivals } of reports) {
      for (const [key, at] of arrivals) {
        const t = sentAt.get(key);
        if (t !== undefined) samples.push(at - t);
      }
    }
    const ackSamples = reports.flatMap((r) => r.acks);
    return {
      clients: clients + readers,
      edits: clients * editsPerClient,
      samples: samples.length,
      deliveriesPerSecond: samples.length / seconds,
      p50: percentile(samples, 50),
      p99: percentile(samples, 99),
      max: samples.reduce((a, b) => Math.max(a, b), 0),
      ack: target.ack
        ? {
            p50: percentile(ackSamples, 50),
            p95: percentile(ackSamples, 95),
            p99: percentile(ackSamples, 99),
            within50ms: ackSamples.filter((t) => t <= 50).length / Math.max(1, ackSamples.length),
          }
        : null,
    };
  } finally {
    await Promise.all(threads.map((t) => t.terminate()));
  }
}

function chunks<T>(items: T[], size: number): T[][] {
  return Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));
}

/** Writes the declaration template into an empty room, and waits until the server has it. */
async function seedDeclaration(target: LoadTarget): Promise<void> {
  const seeder = connectBenchClient(target.kind, target.urls[0]!, target.room);
  await seeder.synced();
  createDeclaration(seeder.doc, { title: { fr: 'Déclaration de charge', ja: '負荷宣言' } });
  const checker = connectBenchClient(target.kind, target.urls[0]!, target.room);
  await checker.synced();
  await waitForDoc(checker.doc, (doc) => getSections(doc).length > 0);
  checker.destroy();
  seeder.destroy();
}

/** Starts a thread of clients (`clientWorker.ts`); `next(type)` resolves with its next message of that type. */
function startClientThread(job: ClientJob) {
  // Loader hooks are per thread: the worker registers tsx itself before importing the TypeScript.
  const script = new URL('./clientWorker.ts', import.meta.url).href;
  const worker = new Worker(`import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(script)}); })`, {
    eval: true,
    workerData: job,
  });
  const failed = new Promise<never>((_, reject) => {
    worker.on('error', reject);
    worker.on('exit', (code) => reject(new Error(`a client thread exited (${code}) before it was done`)));
  });
  // Awaited through `next`; a failure after the last message (the thread ending) concerns nobody.
  failed.catch(() => {});
  return {
    next<T extends FromWorker['type']>(type: T): Promise<Extract<FromWorker, { type: T }>> {
      const message = new Promise<Extract<FromWorker, { type: T }>>((resolve) => {
        const listener = (m: FromWorker) => {
          if (m.type !== type) return;
          worker.off('message', listener);
          resolve(m as Extract<FromWorker, { type: T }>);
        };
        worker.on('message', listener);
      });
      return Promise.race([message, failed]);
    },
    post: (message: ToWorker) => worker.postMessage(message),
    terminate: () => worker.terminate().then(() => undefined),
  };
}
