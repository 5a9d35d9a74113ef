import { readFileSync } from 'node:fs';

/**
 * Resident memory of a process now and at its peak (MiB), from Linux's /proc. `processUsage` gives
 * only the peak; memory held after a workload needs the current figure. This is RSS, not the V8
 * heap: another process's heap cannot be read from outside, and RSS includes what V8 has freed
 * but not yet returned to the system.
 */
export function residentMemory(pid: number): { rssMiB: number; peakMiB: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1] ?? Number.NaN);
  return { rssMiB: kib('VmRSS') / 1024, peakMiB: kib('VmHWM') / 1024 };
}
