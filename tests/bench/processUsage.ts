import { readFileSync } from 'node:fs';

/** CPU seconds used so far and peak resident memory (MiB) of a process, from Linux's /proc. */
export function processUsage(pid: number): { cpuSeconds: number; peakMiB: number } {
  // Fields 14 and 15 of /proc/<pid>/stat (after the parenthesised command name) are user and
  // system time in clock ticks, which Linux fixes at 100 a second for user space.
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]);
  const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return { cpuSeconds: ticks / 100, peakMiB: hwm ? Number(hwm[1]) / 1024 : Number.NaN };
}
