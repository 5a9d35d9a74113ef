/**
 * Edit-to-other-client latency on loopback: N real y-websocket clients on one declaration, each
 * typing into its own section at a steady rate; every other client timestamps the arrival of each
 * edit. The server is the real process (`startAccord`), persisting every update before relaying.
 * Prints p50 / p99 / max; a figure to compare between runs, not a pass/fail test.
 */
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { pathToFileURL } from 'node:url';
import { createDeclarationViaApi } from '../support/api';
import { startAccord } from '../support/startAccord';
import { type LoadOptions, type LoadResult, measureLoad } from './measureLoad';
import { formatMs } from './percentiles';
import { processUsage } from './processUsage';

// Each WebsocketProvider adds a process 'exit' listener.
process.setMaxListeners(0);

export interface LatencyResult extends LoadResult {
  instances: number;
  /** Server CPU seconds per second of the run, summed over instances, and the largest peak memory. */
  server: { cpu: number; peakMiB: number };
}

/** The conference hall of issue 5: 60 writers at 3 edits a second and 200 readers, for 60 seconds. */
export const HALL = { clients: 60, readers: 200, editsPerClient: 180, intervalMs: 333 };

/** Starts Accord (`instances` processes sharing the storage in `env`) and runs the load on it. */
export async function measureLatency({
  env = {} as Record<string, string>,
  instances = 1,
  ...load
}: LoadOptions & { env?: Record<string, string>; instances?: number } = {}): Promise<LatencyResult> {
  const servers = await Promise.all(Array.from({ length: instances }, () => startAccord({ env })));
  try {
    const room = await createDeclarationViaApi(servers[0]!.url);
    const before = servers.map((s) => processUsage(s.pid));
    const started = performance.now();
    const result = await measureLoad({ kind: 'y-websocket', urls: servers.map((s) => s.collabUrl), room, seed: false, ack: true }, load);
    const seconds = (performance.now() - started) / 1000;
    const after = servers.map((s) => processUsage(s.pid));
    return {
      ...result,
      instances,
      server: {
        cpu: after.reduce((sum, u, i) => sum + u.cpuSeconds - before[i]!.cpuSeconds, 0) / seconds,
        peakMiB: Math.max(...after.map((u) => u.peakMiB)),
      },
    };
  } finally {
    await Promise.all(servers.map((server) => server.kill()));
  }
}

export function print(what: string, r: LoadResult & { server?: { cpu: number; peakMiB: number } }): void {
  console.log(`${what}: ${r.clients} clients on loopback, ${r.edits} edits, ${r.samples} deliveries`);
  console.log(`  p50 ${formatMs(r.p50)}   p99 ${formatMs(r.p99)}   max ${formatMs(r.max)}   ${r.deliveriesPerSecond.toFixed(0)} deliveries/s`);
  if (r.server) console.log(`  server CPU ${(r.server.cpu * 100).toFixed(0)}% of a core, peak memory ${r.server.peakMiB.toFixed(0)} MiB`);
  if (r.ack) {
    console.log(
      `  stored-and-acknowledged: p50 ${formatMs(r.ack.p50)}   p95 ${formatMs(r.ack.p95)}   p99 ${formatMs(r.ack.p99)}   ${(r.ack.within50ms * 100).toFixed(1)}% within 50 ms`,
    );
  }
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
