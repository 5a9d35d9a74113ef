/**
 * Accord side by side with the servers people would otherwise pick, same harness, same run:
 * the reference y-websocket server (`y-websocket@1`'s `bin/server.js`, LevelDB persistence on)
 * and `@hocuspocus/server` with its SQLite extension on a file (driven by `@hocuspocus/provider`).
 * Every figure is also printed as a ratio to Accord's. Accord stores every update before relaying
 * it; the references debounce their writes.
 */
import { performance } from 'node:perf_hooks';
import { HALL, type LatencyResult, measureLatency, print } from './latency.bench';
import { type LoadOptions, type LoadResult, measureLoad } from './measureLoad';
import { processUsage } from './processUsage';
import { REFERENCE_KINDS, type ReferenceServer, startReference } from './startReference';

async function measureReference(reference: ReferenceServer, load: LoadOptions): Promise<LoadResult & { server: { cpu: number; peakMiB: number } }> {
  try {
    const before = processUsage(reference.pid);
    const started = performance.now();
    const room = `bench-${Date.now().toString(36)}`;
    const result = await measureLoad({ kind: reference.kind, urls: [reference.url], room, seed: true, ack: false }, load);
    const seconds = (performance.now() - started) / 1000;
    const after = processUsage(reference.pid);
    return { ...result, server: { cpu: (after.cpuSeconds - before.cpuSeconds) / seconds, peakMiB: after.peakMiB } };
  } finally {
    await reference.stop();
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
    for (const kind of REFERENCE_KINDS) {
      const reference = await startReference(kind);
      const result = await measureReference(reference, load);
      print(`${label} — ${reference.name}`, result);
      ratios(accord, result);
    }
  }
}
