/**
 * Accord side by side with the servers people would otherwise pick, same harness, same run:
 * the reference y-websocket server (`y-websocket@1`'s `bin/server.js`, LevelDB persistence on)
 * and `@hocuspocus/server` with its SQLite extension on a file (driven by `@hocuspocus/provider`).
 * Every figure is also printed as a ratio to Accord's. Accord stores every update before relaying
 * it; the references debounce their writes.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { REPO_ROOT } from '../support/startAccord';
import { HALL, type LatencyResult, measureLatency, print } from './latency.bench';
import { type LoadOptions, type LoadResult, measureLoad } from './measureLoad';
import { processUsage } from './processUsage';

interface Reference {
  name: string;
  kind: 'y-websocket' | 'hocuspocus';
  start(port: number, dir: string): ChildProcess;
  /** What the process prints once it listens. */
  ready: RegExp;
}

const REFERENCES: Reference[] = [
  {
    name: 'y-websocket@1 server (LevelDB)',
    kind: 'y-websocket',
    start: (port, dir) =>
      spawn(process.execPath, [join(REPO_ROOT, 'tests/node_modules/y-websocket-reference/bin/server.js')], {
        env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), YPERSISTENCE: join(dir, 'leveldb') },
        stdio: ['ignore', 'pipe', 'pipe'],
      }),
    ready: /running at/,
  },
  {
    name: 'Hocuspocus 3 (SQLite extension)',
    kind: 'hocuspocus',
    start: (port, dir) =>
      spawn(process.execPath, ['--import', 'tsx', join(REPO_ROOT, 'tests/bench/reference/hocuspocusServer.ts')], {
        cwd: REPO_ROOT,
        env: { ...process.env, PORT: String(port), DB_FILE: join(dir, 'hocuspocus.sqlite') },
        stdio: ['ignore', 'pipe', 'pipe'],
      }),
    ready: /listening/,
  },
];

/** A port nobody listens on right now (the reference servers cannot report the one they got). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

async function measureReference(reference: Reference, load: LoadOptions): Promise<LoadResult & { server: { cpu: number; peakMiB: number } }> {
  const port = await freePort();
  const child = reference.start(port, mkdtempSync(join(tmpdir(), 'accord-reference-')));
  try {
    await new Promise<void>((resolve, reject) => {
      let output = '';
      const onData = (chunk: Buffer) => {
        output += chunk.toString();
        if (reference.ready.test(output)) resolve();
      };
      child.stdout!.on('data', onData);
      child.stderr!.on('data', onData);
      child.once('exit', (code) => reject(new Error(`${reference.name} exited with ${code}:\n${output}`)));
    });
    const before = processUsage(child.pid!);
    const started = performance.now();
    const room = `bench-${Date.now().toString(36)}`;
    const result = await measureLoad({ kind: reference.kind, urls: [`ws://127.0.0.1:${port}`], room, seed: true, ack: false }, load);
    const seconds = (performance.now() - started) / 1000;
    const after = processUsage(child.pid!);
    return { ...result, server: { cpu: (after.cpuSeconds - before.cpuSeconds) / seconds, peakMiB: after.peakMiB } };
  } finally {
    child.kill('SIGKILL');
  }
}

function ratios(accord: LatencyResult, other: LoadResult & { server: { cpu: number; peakMiB: number } }): void {
  const r = (a: number, b: number) => `×${(a / b).toFixed(2)}`;
  console.log(
    `  / Accord: p50 ${r(other.p50, accord.p50)}   p99 ${r(other.p99, accord.p99)}   throughput ${r(other.deliveriesPerSecond, accord.deliveriesPerSecond)}   CPU ${r(other.server.cpu, accord.server.cpu)}   memory ${r(other.server.peakMiB, accord.server.peakMiB)}`,
  );
}

export async function main(): Promise<void> {
  for (const [label, load] of [
    ['20 writers at 10 edits/s', {}],
    ['conference hall, 60 writers at 3 edits/s + 200 readers', HALL],
  ] as const) {
    const accord = await measureLatency(load);
    print(`${label} — Accord (SQLite, stored before relayed)`, accord);
    for (const reference of REFERENCES) {
      const result = await measureReference(reference, load);
      print(`${label} — ${reference.name}`, result);
      ratios(accord, result);
    }
  }
}
