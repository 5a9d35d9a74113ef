/**
 * Edit-to-other-client latency on loopback: N real y-websocket clients on one declaration, each
 * typing into its own section at a steady rate; every other client timestamps the arrival of each
 * edit. The server is the real process (`startAccord`), persisting every update before relaying.
 * Prints p50 / p99 / max; a figure to compare between runs, not a pass/fail test.
 */
import { performance } from 'node:perf_hooks';
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
  clients: number;
  edits: number;
  samples: number;
  p50: number;
  p99: number;
  max: number;
}

export async function measureLatency({
  clients = 20,
  editsPerClient = 50,
  intervalMs = 100,
  env = {} as Record<string, string>,
} = {}): Promise<LatencyResult> {
  const server = await startAccord({ env });
  try {
    const id = await createDeclarationViaApi(server.url);
    const peers = Array.from({ length: clients }, () => connectClient(server.collabUrl, id));
    await Promise.all(peers.map(synced));
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
        for (const struct of Y.decodeUpdate(update).structs) {
          const t = sentAt.get(`${struct.id.client}:${struct.id.clock}`);
          if (t === undefined) continue;
          samples.push(now - t);
          if (++received === expected) done();
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
        expected += clients - 1;
        typeAtEnd(peer.doc, section, lang, lang === 'fr' ? 'a' : 'あ');
        await new Promise((r) => setTimeout(r, intervalMs));
      }
    });
    await Promise.all(writers.map((w) => w()));
    await finished;
    peers.forEach((p) => p.destroy());
    return {
      clients,
      edits: clients * editsPerClient,
      samples: samples.length,
      p50: percentile(samples, 50),
      p99: percentile(samples, 99),
      max: Math.max(...samples),
    };
  } finally {
    await server.kill();
  }
}

export async function main(): Promise<void> {
  for (const sync of ['normal', 'full']) {
    const r = await measureLatency({ env: { SQLITE_SYNCHRONOUS: sync } });
    console.log(
      `edit-to-other-client latency, ${r.clients} y-websocket clients on loopback, ${r.edits} edits, ${r.samples} deliveries, SQLite synchronous=${sync}:`,
    );
    console.log(`  p50 ${formatMs(r.p50)}   p99 ${formatMs(r.p99)}   max ${formatMs(r.max)}`);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
