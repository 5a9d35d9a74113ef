import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ADMIN_TOKEN } from './adminToken';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

export interface AccordProcess {
  pid: number;
  /** `http://127.0.0.1:<port>` */
  url: string;
  /** `ws://127.0.0.1:<port>/collab`, the y-websocket server URL (the room is the declaration id). */
  collabUrl: string;
  port: number;
  dataDir: string;
  /** The administrator token it was started with (`ACCORD_ADMIN_TOKEN`). */
  adminToken: string;
  /** Everything the process wrote to stderr (its JSON log). */
  log(): string;
  /** Everything it wrote to stdout: only what is meant for the person who started it. */
  stdout(): string;
  /** Sends a signal and waits for the process to exit. */
  kill(signal?: NodeJS.Signals): Promise<void>;
  /** Graceful stop: SIGTERM, wait for exit. */
  stop(): Promise<void>;
}

export interface StartOptions {
  /** Reuse a data directory (to restart on the same SQLite file); a fresh temp dir otherwise. */
  dataDir?: string;
  /** Ask for this port (to restart where clients reconnect); 0, any free port, otherwise. */
  port?: number;
  demo?: boolean;
  env?: Record<string, string>;
}

/**
 * Starts the real server process (`server/src/main.ts`, as `pnpm start` runs it) and resolves once
 * it logs the port it bound: the tests talk to it over real sockets, as clients do.
 */
export async function startAccord(options: StartOptions = {}): Promise<AccordProcess> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'accord-test-'));
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      PORT: String(options.port ?? 0),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      DEMO: options.demo ? '1' : '0',
      // SQLite and a single instance unless a test asks otherwise: CI exports these for the
      // scale-out tests, and they must not leak into every other server the tests start.
      DATABASE_URL: '',
      REDIS_URL: '',
      ACCORD_ADMIN_TOKEN: ADMIN_TOKEN,
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  let stdout = '';
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  const port = await new Promise<number>((resolvePort, reject) => {
    const onData = (chunk: Buffer) => {
      stderr += chunk.toString();
      const match = /"message":"listening","port":(\d+)/.exec(stderr);
      if (match) resolvePort(Number(match[1]));
    };
    child.stderr!.on('data', onData);
    // 'close', not 'exit': by then both output streams have been read to their end.
    child.once('close', (code) => reject(new Error(`server exited with ${code} before listening:\n${stderr}${stdout}`)));
  });
  child.removeAllListeners('close');
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  const kill = async (signal: NodeJS.Signals = 'SIGKILL') => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    await exited;
  };
  return {
    pid: child.pid!,
    url: `http://127.0.0.1:${port}`,
    collabUrl: `ws://127.0.0.1:${port}/collab`,
    port,
    dataDir,
    adminToken: options.env?.ACCORD_ADMIN_TOKEN ?? ADMIN_TOKEN,
    log: () => stderr,
    stdout: () => stdout,
    kill,
    stop: () => kill('SIGTERM'),
  };
}

