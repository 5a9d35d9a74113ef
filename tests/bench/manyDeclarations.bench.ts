/**
 * Many declarations on one server: 1,000 declarations opened (a client connects and syncs) and
 * closed one after another, then left for the hub to unload. Prints the server's resident memory
 * at baseline, at its peak and once every room has left memory, and whether it came back to
 * within `RETURN_RATIO` of the baseline.
 *
 * The server is the real process with its defaults: a room leaves memory `unloadAfterMs` (10 s)
 * after its last client, and main.ts offers no variable to shorten it, so the run waits that
 * long once the last declaration is closed. The process is not started with --expose-gc. Memory
 * is first printed as it stands (RSS, which includes garbage V8 has not collected and freed heap
 * it has kept), then after a full collection forced through the inspector the process is started
 * with (`forceGarbageCollection`): only that second figure tells memory held from memory not yet
 * reclaimed.
 */
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { createDeclarationViaApi, getJson } from '../support/api';
import { startAccord } from '../support/startAccord';
import { connectBenchClient } from './benchClient';
import { forceGarbageCollection, INSPECTOR_NODE_OPTIONS, inspectorUrl } from './forceGarbageCollection';
import { residentMemory } from './residentMemory';

// Each WebsocketProvider adds a process 'exit' listener.
process.setMaxListeners(0);

const DECLARATIONS = 1000;
/** Memory counts as returned when "after" is within this factor of the baseline. */
const RETURN_RATIO = 1.25;
/**
 * How often to ask the server how many declarations it holds while waiting for them to unload:
 * that count is only visible through `/api/health`, no event crosses the process boundary.
 */
const HEALTH_POLL_MS = 250;

async function loadedDeclarations(baseUrl: string): Promise<number> {
  const { status, body } = await getJson(`${baseUrl}/api/health`);
  if (status !== 200) throw new Error(`/api/health answered ${status}`);
  return (body as { loadedDeclarations: number }).loadedDeclarations;
}

export async function main(count = DECLARATIONS): Promise<void> {
  const nodeOptions = [process.env.NODE_OPTIONS, INSPECTOR_NODE_OPTIONS].filter(Boolean).join(' ');
  const server = await startAccord({ env: { NODE_OPTIONS: nodeOptions } });
  try {
    const inspector = inspectorUrl(server.log());
    const ids: string[] = [];
    for (let i = 0; i < count; i++) ids.push(await createDeclarationViaApi(server.url, { fr: `Déclaration ${i}`, ja: `宣言 ${i}` }));
    // Baseline: listening, the declarations created (creating one does not load it), none open.
    const baseline = residentMemory(server.pid).rssMiB;
    const baselineHeap = await forceGarbageCollection(inspector);
    const baselineCollected = residentMemory(server.pid).rssMiB;

    const started = performance.now();
    let peakRss = baseline;
    let mostLoaded = 0;
    for (const [i, id] of ids.entries()) {
      const client = connectBenchClient('y-websocket', server.collabUrl, id);
      await client.synced();
      client.destroy();
      peakRss = Math.max(peakRss, residentMemory(server.pid).rssMiB);
      if (i % 100 === 99) mostLoaded = Math.max(mostLoaded, await loadedDeclarations(server.url));
    }
    const openSeconds = (performance.now() - started) / 1000;
    const atEnd = residentMemory(server.pid);

    const waiting = performance.now();
    while ((await loadedDeclarations(server.url)) > 0) await new Promise((resolve) => setTimeout(resolve, HEALTH_POLL_MS));
    const unloadSeconds = (performance.now() - waiting) / 1000;
    const after = residentMemory(server.pid);
    const afterHeap = await forceGarbageCollection(inspector);
    const afterCollected = residentMemory(server.pid).rssMiB;

    const ratio = after.rssMiB / baseline;
    const heapRatio = afterHeap.usedMiB / baselineHeap.usedMiB;
    const verdict = (r: number) => (r <= RETURN_RATIO ? `returned to within ×${RETURN_RATIO}` : `NOT back within ×${RETURN_RATIO}`);
    console.log(`many declarations: ${count} opened (connect, sync) and closed in turn on one server, in ${openSeconds.toFixed(1)} s (${(openSeconds * 1000 / count).toFixed(1)} ms each)`);
    console.log(`  up to ${mostLoaded} in memory at once (a room stays 10 s after its last client); all unloaded ${unloadSeconds.toFixed(1)} s after the last close`);
    console.log(
      `  server memory (RSS, no forced GC): baseline ${baseline.toFixed(0)} MiB   peak while opening ${peakRss.toFixed(0)} MiB   ` +
        `after the last close ${atEnd.rssMiB.toFixed(0)} MiB   after unloading ${after.rssMiB.toFixed(0)} MiB (×${ratio.toFixed(2)} baseline: ${verdict(ratio)})`,
    );
    console.log(
      `  after a forced full GC: V8 heap in use ${baselineHeap.usedMiB.toFixed(1)} MiB at baseline, ${afterHeap.usedMiB.toFixed(1)} MiB after unloading ` +
        `(×${heapRatio.toFixed(2)}: ${verdict(heapRatio)});   RSS ${baselineCollected.toFixed(0)} MiB → ${afterCollected.toFixed(0)} MiB`,
    );
  } finally {
    await server.kill();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
