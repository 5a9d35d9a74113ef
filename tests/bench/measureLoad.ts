/**
 * The load harness: real clients on loopback, writers typing into their own sections at a steady
 * rate, readers (in a worker thread of their own) watching. Every client timestamps the arrival
 * of every edit from another. It drives any server that speaks Yjs sync — Accord or a reference
 * server — through `connectBenchClient`.
 */
import { createDeclaration } from '@accord/model/createDeclaration';
import { getSections } from '@accord/model/declarationLayout';
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import * as Y from 'yjs';
import { coveredClocks } from './coveredClocks';
import { typeAtEnd } from '../support/editText';
import { waitForDoc } from '../support/yClient';
import { type ClientKind, connectBenchClient } from './benchClient';
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

export async function measureLoad(target: LoadTarget, { clients = 20, readers = 0, editsPerClient = 50, intervalMs = 100 }: LoadOptions = {}): Promise<LoadResult> {
  const url = (i: number) => target.urls[i % target.urls.length]!;
  if (target.seed) await seedDeclaration(target);
  const editTimes: number[][] = Array.from({ length: clients }, () => []);
  const ackSamples: number[] = [];
  /** Per writer, how many of its messages the server has acknowledged so far. */
  const acked = Array.from({ length: clients }, () => 0);
  const peers = Array.from({ length: clients }, (_, i) =>
    connectBenchClient(
      target.kind,
      url(i),
      target.room,
      target.ack
        ? (count) => {
            // Counts are cumulative and may skip (updates stored together are acknowledged
            // together). Message 1 of a connection is its sync step 2; message n + 2 carries edit n.
            const now = performance.now();
            for (; acked[i]! < count; acked[i]!++) {
              const sent = editTimes[i]![acked[i]! - 1];
              if (sent !== undefined) ackSamples.push(now - sent);
            }
          }
        : undefined,
    ),
  );
  const readerThread = readers > 0 ? startReaders(target, Array.from({ length: readers }, (_, i) => url(clients + i))) : null;
  await Promise.all([...peers.map((p) => p.synced()), readerThread?.ready]);
  await Promise.all(peers.map((p) => waitForDoc(p.doc, (doc) => getSections(doc).length > 0)));

  // (client id, clock) of each edit's first struct → when it was made.
  const sentAt = new Map<string, number>();
  const samples: number[] = [];
  for (const peer of peers) {
    peer.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin !== peer.origin) return;
      const now = performance.now();
      for (const key of coveredClocks(update)) {
        const t = sentAt.get(key);
        if (t !== undefined) samples.push(now - t);
      }
    });
  }
  const writers = peers.map((peer, i) => async () => {
    const section = SECTIONS[i % SECTIONS.length]!;
    const lang = i % 2 === 0 ? 'fr' : 'ja';
    // Stagger the writers so edits interleave as they would in a room.
    await new Promise((r) => setTimeout(r, (intervalMs / clients) * i));
    for (let n = 0; n < editsPerClient; n++) {
      const clock = Y.getState(peer.doc.store, peer.doc.clientID);
      sentAt.set(`${peer.doc.clientID}:${clock}`, performance.now());
      editTimes[i]!.push(performance.now());
      typeAtEnd(peer.doc, section, lang, lang === 'fr' ? 'a' : 'あ');
      await new Promise((r) => setTimeout(r, intervalMs));
    }
  });
  const started = performance.now();
  await Promise.all(writers.map((w) => w()));
  // Done when every client has every writer's last edit (not when a count of messages is reached:
  // merged updates would leave such a count short forever).
  const final = peers.map((p) => [p.doc.clientID, Y.getState(p.doc.store, p.doc.clientID)] as const);
  readerThread?.expect(final);
  await Promise.all(peers.map((p) => waitForDoc(p.doc, (doc) => final.every(([client, clock]) => Y.getState(doc.store, client) >= clock))));
  // The readers' arrivals, on the clock both threads share.
  for (const [key, at] of (await readerThread?.done) ?? []) {
    const t = sentAt.get(key);
    if (t !== undefined) samples.push(at - (performance.timeOrigin + t));
  }
  const seconds = (performance.now() - started) / 1000;
  peers.forEach((p) => p.destroy());
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

/** Runs readers in a worker thread; `ready` once all have synced, `done` with their arrivals. */
function startReaders(target: LoadTarget, urls: string[]) {
  // Loader hooks are per thread: the worker registers tsx itself before importing the TypeScript.
  const script = new URL('./readerWorker.ts', import.meta.url).href;
  const worker = new Worker(`import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(script)}); })`, {
    eval: true,
    workerData: { urls, room: target.room, kind: target.kind },
  });
  let onReady: () => void = () => {};
  let onDone: (arrivals: [string, number][]) => void = () => {};
  const ready = new Promise<void>((resolve) => (onReady = resolve));
  const done = new Promise<[string, number][]>((resolve) => (onDone = resolve));
  worker.on('message', (message: { type: 'ready' } | { type: 'done'; arrivals: [string, number][] }) => {
    if (message.type === 'ready') onReady();
    else {
      onDone(message.arrivals);
      void worker.terminate();
    }
  });
  worker.on('error', (error) => {
    throw error;
  });
  /** Tells the readers the writers' final clocks: each reader is done once it has them all. */
  const expect = (final: readonly (readonly [number, number])[]) => worker.postMessage({ type: 'expect', final });
  return { ready, done, expect };
}
