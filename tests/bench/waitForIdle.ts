import { performance } from 'node:perf_hooks';
import { processUsage } from './processUsage';

/** How often the process's CPU time is read. */
const SAMPLE_MS = 50;

/**
 * Resolves once process `pid` has used no CPU for `quietMs`, with the milliseconds from `from` (a
 * moment and the CPU seconds the process had used by then; the call, by default) to its last busy
 * moment: how long it kept working after its clients were done (draining a
 * write queue, a debounced save). No event says when another process has finished writing, and
 * sleeping a fixed time would either waste the run or cut it short; its CPU going quiet is the
 * observable end. Callers check what was stored afterwards, so stopping early cannot pass unseen.
 * Rejects after `timeoutMs` of continuous work.
 */
export async function waitForIdle(
  pid: number,
  { quietMs = 500, timeoutMs = 120_000, from = { at: performance.now(), cpuSeconds: processUsage(pid).cpuSeconds } } = {},
): Promise<number> {
  const start = from.at;
  let cpu = from.cpuSeconds;
  let busyAt = start;
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, SAMPLE_MS));
    const now = performance.now();
    const next = processUsage(pid).cpuSeconds;
    if (next > cpu) busyAt = now;
    cpu = next;
    if (now - busyAt >= quietMs) return busyAt - start;
    if (now - start > timeoutMs) throw new Error(`process ${pid} was still busy after ${timeoutMs} ms`);
  }
}
