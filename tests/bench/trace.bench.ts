/**
 * Real editing traces replayed through each server: Accord (a real declaration on the real
 * process), the y-websocket@1 server with LevelDB and Hocuspocus 3 with SQLite — the same
 * references, the same clients as `reference.bench.ts`. Prints the replay time and throughput,
 * keystroke latency to an observing client, how long each server keeps writing after the
 * observer has everything (the references relay before they store), what it leaves on disk once
 * stopped, and whether a restarted server serves the whole text back; every reference figure is
 * also a ratio to Accord's. Fails if an observer does not converge to the trace's end, or if
 * Accord, which stores before it relays, loses anything across the restart.
 */
import { pathToFileURL } from 'node:url';
import { createDeclarationViaApi } from '../support/api';
import { startAccord } from '../support/startAccord';
import type { ClientKind } from './benchClient';
import { directorySize } from './directorySize';
import { loadTrace, type Trace } from './loadTrace';
import { formatMs } from './percentiles';
import { readBackTrace } from './readBackTrace';
import { type ReplayResult, replayTrace } from './replayTrace';
import { REFERENCE_KINDS, REFERENCE_NAMES, startReference } from './startReference';
import { waitForIdle } from './waitForIdle';

// Each WebsocketProvider adds a process 'exit' listener.
process.setMaxListeners(0);

const TRACE_FILES = ['seph-blog1.json.gz', 'friendsforever_flat.json.gz'];

/** Keystrokes in flight at once (see `replayTrace`): enough to keep a server busy, few enough that latency stays a per-keystroke figure. */
const REPLAY_WINDOW = 16;

/**
 * Accord's per-connection limit (200 messages/s sustained) is for people; a replay sends thousands
 * a second from one connection and would be closed with 4429. The references have no such limit.
 */
const ACCORD_ENV = { MAX_MESSAGES_PER_SECOND: String(1_000_000_000) };

interface TraceRun extends ReplayResult {
  /** From the observer's convergence (clients gone) until the server stopped working: its writes drained. */
  settleSeconds: number;
  /** Bytes the server left on disk, settled then stopped gracefully (SIGTERM). */
  diskBytes: number;
  /** What a restarted server on that data serves of the trace (characters), and whether it is all of it. */
  storedLength: number;
  storedComplete: boolean;
}

/** A server process under test, as much as this benchmark needs of it. */
interface Running {
  /** Where the Yjs clients connect. */
  wsUrl: string;
  pid: number;
  dataDir: string;
  stop(): Promise<void>;
}

/**
 * After the replay: waits for the server to finish its writes (the references relay before they
 * store, y-websocket@1 queueing one LevelDB write per update, Hocuspocus debouncing), stops it
 * gracefully, measures its data directory, and restarts it there to read the trace back.
 */
async function settleAndReadBack(
  kind: ClientKind,
  server: Running,
  restart: (dataDir: string) => Promise<Running>,
  room: string,
  trace: Trace,
  result: ReplayResult,
): Promise<TraceRun> {
  let settled: number;
  try {
    // From the observer's convergence, not from now: the client-side checks in between take a while.
    settled = await waitForIdle(server.pid, { from: result.converged });
  } finally {
    await server.stop();
  }
  const diskBytes = directorySize(server.dataDir);
  const restarted = await restart(server.dataDir);
  try {
    const stored = await readBackTrace(kind, restarted.wsUrl, room, result.sid);
    return { ...result, settleSeconds: settled / 1000, diskBytes, storedLength: stored?.length ?? 0, storedComplete: stored === trace.endContent };
  } finally {
    await restarted.stop();
  }
}

async function startAccordForTrace(dataDir?: string): Promise<Running & { restUrl: string }> {
  const accord = await startAccord(dataDir ? { dataDir, env: ACCORD_ENV } : { env: ACCORD_ENV });
  // `stop` is graceful: Accord folds the update log into the snapshot and saves a pending checkpoint.
  return { wsUrl: accord.collabUrl, restUrl: accord.url, pid: accord.pid, dataDir: accord.dataDir, stop: accord.stop };
}

async function replayOnAccord(trace: Trace): Promise<TraceRun> {
  const accord = await startAccordForTrace();
  let room: string;
  let result: ReplayResult;
  try {
    room = await createDeclarationViaApi(accord.restUrl);
    result = await replayTrace({ kind: 'y-websocket', url: accord.wsUrl, room, seed: false, pid: accord.pid }, trace, { window: REPLAY_WINDOW });
  } catch (error) {
    await accord.stop();
    throw error;
  }
  const run = await settleAndReadBack('y-websocket', accord, startAccordForTrace, room, trace, result);
  // Accord stores every update before relaying it: whatever the observer saw must be on disk.
  if (!run.storedComplete) throw new Error(`${trace.name}: Accord lost text across a restart (${run.storedLength} of ${trace.endContent.length} characters)`);
  return run;
}

async function replayOnReference(kind: ClientKind, trace: Trace): Promise<TraceRun> {
  const start = async (dataDir?: string): Promise<Running> => {
    const server = await startReference(kind, dataDir);
    return { wsUrl: server.url, pid: server.pid, dataDir: server.dataDir, stop: server.stop };
  };
  const server = await start();
  const room = `trace-${trace.name}`;
  let result: ReplayResult;
  try {
    result = await replayTrace({ kind, url: server.wsUrl, room, seed: true, pid: server.pid }, trace, { window: REPLAY_WINDOW });
  } catch (error) {
    await server.stop();
    throw error;
  }
  // Reported, not asserted: the references relay before they store, which is their design.
  return settleAndReadBack(kind, server, start, room, trace, result);
}

function print(what: string, r: TraceRun): void {
  console.log(`${what}`);
  console.log(
    `    ${r.keystrokes} keystrokes in ${r.seconds.toFixed(2)} s (${r.keystrokesPerSecond.toFixed(0)}/s)   to observer: p50 ${formatMs(r.p50)}   p99 ${formatMs(r.p99)}   max ${formatMs(r.max)}`,
  );
  console.log(
    `    writes drained ${r.settleSeconds.toFixed(2)} s after that (all on disk after ${durableSeconds(r).toFixed(2)} s: ${(r.keystrokes / durableSeconds(r)).toFixed(0)} keystrokes/s)   ` +
      `server CPU ${(r.server.cpu * 100).toFixed(0)}% of a core (clients ${(r.clientsCpu * 100).toFixed(0)}%), peak memory ${r.server.peakMiB.toFixed(0)} MiB`,
  );
  console.log(
    `    on disk after stop ${kib(r.diskBytes)} (the Yjs state is ${kib(r.stateBytes)})   ` +
      `restarted on it, serves ${r.storedComplete ? 'the whole text' : `INCOMPLETE text: ${r.storedLength} of the trace's characters`}`,
  );
}

/** Replay, then the server's writes draining: when the whole trace was stored. */
function durableSeconds(r: TraceRun): number {
  return r.seconds + r.settleSeconds;
}

function kib(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KiB`;
}

export async function main(): Promise<void> {
  console.log(`editing traces replayed keystroke by keystroke, ${REPLAY_WINDOW} keystrokes in flight at most, one writer and one observer`);
  for (const file of TRACE_FILES) {
    const trace = loadTrace(file);
    console.log(`${trace.name}: ${trace.txns.length} txns, ${trace.patches} patches, ${trace.endContent.length} characters at the end`);
    const accord = await replayOnAccord(trace);
    print(`  Accord (SQLite, stored before relayed)`, accord);
    const r = (a: number, b: number) => `×${(a / b).toFixed(2)}`;
    for (const kind of REFERENCE_KINDS) {
      const other = await replayOnReference(kind, trace);
      print(`  ${REFERENCE_NAMES[kind]}`, other);
      console.log(
        `    / Accord: replay time ${r(other.seconds, accord.seconds)}   throughput ${r(other.keystrokesPerSecond, accord.keystrokesPerSecond)}   ` +
          `all on disk after ${r(durableSeconds(other), durableSeconds(accord))}   ` +
          `p50 ${r(other.p50, accord.p50)}   p99 ${r(other.p99, accord.p99)}   CPU ${r(other.server.cpu, accord.server.cpu)}   ` +
          `memory ${r(other.server.peakMiB, accord.server.peakMiB)}   on disk ${r(other.diskBytes, accord.diskBytes)}`,
      );
      if (kind === 'hocuspocus') {
        const ratio = accord.keystrokesPerSecond / other.keystrokesPerSecond;
        const durable = durableSeconds(other) / durableSeconds(accord);
        console.log(
          `    Accord's replay throughput is ×${ratio.toFixed(2)} Hocuspocus's (goal: at least ×1.5 — ${ratio >= 1.5 ? 'met' : 'NOT met'}); ` +
            `counting until all is on disk, ×${durable.toFixed(2)}`,
        );
      }
    }
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
