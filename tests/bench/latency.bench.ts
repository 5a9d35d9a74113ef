/**
 * Edit-to-other-client latency on loopback: N real y-websocket clients on one declaration, each
 * typing into its own section at a steady rate; every other client timestamps the arrival of each
 * edit. The server is the real process (`startAccord`), persisting every update before relaying.
 * Prints p50 / p99 / max; a figure to compare between runs, not a pass/fail test.
 */
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import * as decoding from 'lib0/decoding';
import pg from 'pg';
import { pathToFileURL } from 'node:url';
import * as Y from 'yjs';
import { createDeclarationViaApi } from '../support/api';
import { typeAtEnd } from '../support/editText';
import { startAccord } from '../support/startAccord';
import { connectClient, synced } from '../support/yClient';
import { formatMs, percentile } from './percentiles';

// Each WebsocketProvider adds a process 'exit' listener.
process.setMaxListeners(0);

const SECTIONS = ['preamble', 'context', 'theme', 'plenary', 'workshop-1', 'workshop-2', 'workshop-3', 'conclusion', 'closing'];

export interface LatencyResult {
  instances: number;
  clients: number;
  /** Edits delivered to other clients per second, over the run. */
  deliveriesPerSecond: number;
  edits: number;
  samples: number;
  p50: number;
  p99: number;
  max: number;
  /** From an edit to the server's acknowledgement that it is stored (docs/sync-protocol.md). */
  ack: { p50: number; p95: number; p99: number; within50ms: number };
}

export async function measureLatency({
  clients = 20,
  editsPerClient = 50,
  intervalMs = 100,
  env = {} as Record<string, string>,
  /** Server processes sharing the storage (more than one needs DATABASE_URL and REDIS_URL in `env`). */
  instances = 1,
  /** Clients that only watch, as participants following the text on a screen. */
  readers = 0,
} = {}): Promise<LatencyResult> {
  const servers = await Promise.all(Array.from({ length: instances }, () => startAccord({ env })));
  try {
    const id = await createDeclarationViaApi(servers[0]!.url);
    // Writers spread round-robin over the instances, as a load balancer would.
    // Writers ask for acknowledgements, as the web app does; readers are plain y-websocket clients.
    const peers = Array.from({ length: clients }, (_, i) => connectClient(servers[i % instances]!.collabUrl, id, { params: { ack: '1' } }));
    const readerThread = readers > 0 ? startReaders(Array.from({ length: readers }, (_, i) => servers[(clients + i) % instances]!.collabUrl), id, clients * editsPerClient) : null;
    const editTimes: number[][] = peers.map(() => []);
    const ackSamples: number[] = [];
    peers.slice(0, clients).forEach((peer, i) => {
      peer.provider.messageHandlers[ACK_MESSAGE] = (_encoder, decoder) => {
        // Message 1 of a connection is its sync step 2; message n + 2 carries edit n.
        const sent = editTimes[i]![decoding.readVarUint(decoder) - 2];
        if (sent !== undefined) ackSamples.push(performance.now() - sent);
      };
    });
    await Promise.all([...peers.map(synced), readerThread?.ready]);
    // (client id, clock) of each edit's first struct → when it was made.
    const sentAt = new Map<string, number>();
    const samples: number[] = [];
    let expected = 0;
    let received = 0;
    let done: () => void = () => {};
    const finished = new Promise<void>((resolve) => (done = resolve));
    for (const peer of peers) {
      peer.doc.on('update', (update: Uint8Array, origin: unknown) => {
        if (origin !== peer.provider) return;
        const now = performance.now();
        // `parseUpdateMeta` reads only the clock ranges, not the content: the harness's 260
        // clients must not be what the figures measure.
        for (const [client, clock] of Y.parseUpdateMeta(update).from) {
          const t = sentAt.get(`${client}:${clock}`);
          if (t === undefined) continue;
          samples.push(now - t);
          if (++received === expected) done();
        }
      });
    }
    const writers = peers.slice(0, clients).map((peer, i) => async () => {
      const section = SECTIONS[i % SECTIONS.length]!;
      const lang = i % 2 === 0 ? 'fr' : 'ja';
      // Stagger the writers so edits interleave as they would in a room.
      await new Promise((r) => setTimeout(r, (intervalMs / clients) * i));
      for (let n = 0; n < editsPerClient; n++) {
        const clock = Y.getState(peer.doc.store, peer.doc.clientID);
        sentAt.set(`${peer.doc.clientID}:${clock}`, performance.now());
        editTimes[i]!.push(performance.now());
        expected += clients - 1;
        typeAtEnd(peer.doc, section, lang, lang === 'fr' ? 'a' : 'あ');
        await new Promise((r) => setTimeout(r, intervalMs));
      }
    });
    const started = performance.now();
    await Promise.all(writers.map((w) => w()));
    await finished;
    // The readers' arrivals, on the clock both threads share.
    for (const [key, at] of (await readerThread?.done) ?? []) {
      const t = sentAt.get(key);
      if (t !== undefined) samples.push(at - (performance.timeOrigin + t));
    }
    const seconds = (performance.now() - started) / 1000;
    peers.forEach((p) => p.destroy());
    return {
      instances,
      clients: clients + readers,
      deliveriesPerSecond: samples.length / seconds,
      edits: clients * editsPerClient,
      samples: samples.length,
      p50: percentile(samples, 50),
      p99: percentile(samples, 99),
      max: samples.reduce((a, b) => Math.max(a, b), 0),
      ack: {
        p50: percentile(ackSamples, 50),
        p95: percentile(ackSamples, 95),
        p99: percentile(ackSamples, 99),
        within50ms: ackSamples.filter((t) => t <= 50).length / Math.max(1, ackSamples.length),
      },
    };
  } finally {
    await Promise.all(servers.map((server) => server.kill()));
  }
}

/** Issue 5's load: sixty delegations typing, two hundred participants watching (20 s here). */
const HALL = { clients: 60, readers: 200, editsPerClient: 60, intervalMs: 333 };

/** Accord's acknowledgement message (docs/sync-protocol.md). */
const ACK_MESSAGE = 100;

/** Runs readers in a worker thread; resolves `ready` once all synced, `done` with their arrivals. */
function startReaders(urls: string[], id: string, edits: number) {
  // Loader hooks are per thread: the worker registers tsx itself before importing the TypeScript.
  const script = new URL('./readerWorker.ts', import.meta.url).href;
  const worker = new Worker(`import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(script)}); })`, {
    eval: true,
    workerData: { urls, id, edits },
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
  return { ready, done };
}

function print(what: string, r: LatencyResult): void {
  console.log(`${what}: ${r.clients} y-websocket clients on loopback, ${r.edits} edits, ${r.samples} deliveries`);
  console.log(`  p50 ${formatMs(r.p50)}   p99 ${formatMs(r.p99)}   max ${formatMs(r.max)}   ${r.deliveriesPerSecond.toFixed(0)} deliveries/s`);
  console.log(
    `  stored-and-acknowledged: p50 ${formatMs(r.ack.p50)}   p95 ${formatMs(r.ack.p95)}   p99 ${formatMs(r.ack.p99)}   ${(r.ack.within50ms * 100).toFixed(1)}% within 50 ms`,
  );
}

export async function main(): Promise<void> {
  for (const sync of ['normal', 'full']) {
    print(`edit-to-other-client latency, SQLite synchronous=${sync}`, await measureLatency({ env: { SQLITE_SYNCHRONOUS: sync } }));
  }
  print('conference hall, 60 writers at 3 edits/s + 200 readers, SQLite', await measureLatency(HALL));
  const { DATABASE_URL, REDIS_URL } = process.env;
  if (!DATABASE_URL || !REDIS_URL) {
    console.log('scale-out figures skipped: DATABASE_URL and REDIS_URL are not both set');
    return;
  }
  await withScratchSchema(DATABASE_URL, async (url) => {
    const env = { DATABASE_URL: url, REDIS_URL, REDIS_PREFIX: `bench-${process.pid}:` };
    const one = await measureLatency({ env, instances: 1 });
    print('PostgreSQL, 1 instance', one);
    const two = await measureLatency({ env, instances: 2 });
    print('PostgreSQL + Redis, 2 instances, writers alternating', two);
    console.log(`  ratio 2 instances / 1: p50 ×${(two.p50 / one.p50).toFixed(2)}   p99 ×${(two.p99 / one.p99).toFixed(2)}   throughput ×${(two.deliveriesPerSecond / one.deliveriesPerSecond).toFixed(2)}`);
    const hall = { ...HALL, env };
    const hallOne = await measureLatency({ ...hall, instances: 1 });
    print('conference hall, 60 writers at 3 edits/s + 200 readers, PostgreSQL, 1 instance', hallOne);
    const hallTwo = await measureLatency({ ...hall, instances: 2 });
    print('conference hall, same load over 2 instances (PostgreSQL + Redis)', hallTwo);
    console.log(`  ratio 2 instances / 1: p50 ×${(hallTwo.p50 / hallOne.p50).toFixed(2)}   p99 ×${(hallTwo.p99 / hallOne.p99).toFixed(2)}   throughput ×${(hallTwo.deliveriesPerSecond / hallOne.deliveriesPerSecond).toFixed(2)}`);
  });
}

/** Runs `work` against a PostgreSQL schema of its own, dropped afterwards. */
async function withScratchSchema(databaseUrl: string, work: (url: string) => Promise<void>): Promise<void> {
  const schema = `accord_bench_${process.pid}`;
  const admin = new pg.Client({ connectionString: databaseUrl });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  try {
    const url = new URL(databaseUrl);
    url.searchParams.set('options', `-c search_path=${schema}`);
    await work(url.toString());
  } finally {
    await admin.query(`DROP SCHEMA ${schema} CASCADE`);
    await admin.end();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
