/**
 * The reference servers of `reference.bench.ts` (y-websocket@1's `bin/server.js` with LevelDB,
 * Hocuspocus 3 with its SQLite extension), started the same way, as handles that can also be
 * stopped gracefully and restarted on their data: the trace benchmark measures what they leave on
 * disk and reads it back.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from '../support/startAccord';
import type { ClientKind } from './benchClient';

export interface ReferenceServer {
  name: string;
  kind: ClientKind;
  /** The URL clients connect to (the room name is appended by the client libraries). */
  url: string;
  pid: number;
  /** Everything the server persists lives under this directory. */
  dataDir: string;
  /** SIGTERM (Hocuspocus stores its documents on it; y-websocket@1 has no handler) and wait for exit. */
  stop(): Promise<void>;
}

export const REFERENCE_KINDS: readonly ClientKind[] = ['y-websocket', 'hocuspocus'];

export const REFERENCE_NAMES: Record<ClientKind, string> = {
  'y-websocket': 'y-websocket@1 server (LevelDB)',
  hocuspocus: 'Hocuspocus 3 (SQLite extension)',
};

/** Starts the reference server of `kind` on a free port, persisting under `dataDir` (a new temp dir by default). */
export async function startReference(kind: ClientKind, dataDir = mkdtempSync(join(tmpdir(), 'accord-reference-'))): Promise<ReferenceServer> {
  const port = await freePort();
  const child =
    kind === 'y-websocket'
      ? spawn(process.execPath, [join(REPO_ROOT, 'tests/node_modules/y-websocket-reference/bin/server.js')], {
          env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), YPERSISTENCE: join(dataDir, 'leveldb') },
          stdio: ['ignore', 'pipe', 'pipe'],
        })
      : spawn(process.execPath, ['--import', 'tsx', join(REPO_ROOT, 'tests/bench/reference/hocuspocusServer.ts')], {
          cwd: REPO_ROOT,
          env: { ...process.env, PORT: String(port), DB_FILE: join(dataDir, 'hocuspocus.sqlite') },
          stdio: ['ignore', 'pipe', 'pipe'],
        });
  // What each prints once it listens.
  const ready = kind === 'y-websocket' ? /running at/ : /listening/;
  await new Promise<void>((resolve, reject) => {
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (ready.test(output)) resolve();
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    // 'close', not 'exit': by then both output streams have been read to their end.
    child.once('close', (code) => reject(new Error(`${REFERENCE_NAMES[kind]} exited with ${code}:\n${output}`)));
  });
  child.removeAllListeners('close');
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    name: REFERENCE_NAMES[kind],
    kind,
    url: `ws://127.0.0.1:${port}`,
    pid: child.pid!,
    dataDir,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

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
