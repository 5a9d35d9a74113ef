import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Bytes taken by the files under `dir`, recursively (what a server left on disk there). */
export function directorySize(dir: string): number {
  let bytes = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    bytes += entry.isDirectory() ? directorySize(path) : statSync(path).size;
  }
  return bytes;
}
