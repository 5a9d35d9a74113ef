/**
 * The process entry point — the only place that reads the environment, binds a port and handles
 * signals. Configuration (see README): PORT, HOST, DATA_DIR, WEB_ROOT, MAX_MESSAGE_BYTES,
 * SQLITE_SYNCHRONOUS, DEMO, ACCORD_ADMIN_TOKEN, DATABASE_URL, REDIS_URL, REDIS_PREFIX, COMPACT_AFTER_UPDATES, MAX_BUFFERED_BYTES,
 * MAX_MESSAGES_PER_SECOND, MAX_CONNECTIONS_PER_DECLARATION, MAX_DOCUMENT_BYTES, CHROMIUM_PATH.
 */
import { serve } from '@hono/node-server';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApp, DEFAULT_HUB_OPTIONS, DEFAULT_LIMITS, seedDemoDeclaration } from './createApp';
import { jsonLogger as log } from './Logger';
import { AccessService } from './access/AccessService';
import { RedisFanout } from './fanout/RedisFanout';
import { PostgresStore } from './storage/PostgresStore';
import { SqliteStore } from './storage/SqliteStore';
import type { Store } from './storage/Store';
import { errorMessage } from './errorMessage';
import { ChromiumPdfRenderer } from './export/ChromiumPdfRenderer';

const env = process.env;
const port = intFromEnv('PORT', 8080);
const host = env.HOST ?? '0.0.0.0';
const dataDir = resolve(env.DATA_DIR ?? 'data');
const here = dirname(fileURLToPath(import.meta.url));
const webRoot = resolve(env.WEB_ROOT ?? join(here, '../../apps/web/dist'));
// PDF exports print with the system's Chromium (Debian's by default); CHROMIUM_PATH="" turns them off.
const chromiumPath = env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : '');

// PostgreSQL when DATABASE_URL is set (several instances can share it), SQLite otherwise.
const store: Store = env.DATABASE_URL ? await openOrExit('PostgreSQL', () => PostgresStore.open(env.DATABASE_URL!)) : openSqlite();
const fanout = env.REDIS_URL ? await openOrExit('Redis', () => RedisFanout.open(env.REDIS_URL!, log, env.REDIS_PREFIX ?? 'accord:')) : undefined;
if (fanout && !env.DATABASE_URL) log.warn('REDIS_URL without DATABASE_URL: instances relay live edits but each keeps its own SQLite file');
if (env.DEMO !== '0') {
  const demo = await seedDemoDeclaration(store);
  if (demo) log.info('demo declaration created', { declaration: demo });
}
// The administrator token (A1): from the environment, else made at the first start and shown once.
const adminToken = await AccessService.adminToken(store.access, env.ACCORD_ADMIN_TOKEN || undefined);
const accord = createApp({
  store,
  adminTokenHash: adminToken.hash,
  log,
  webRoot,
  limits: {
    maxMessageBytes: intFromEnv('MAX_MESSAGE_BYTES', DEFAULT_LIMITS.maxMessageBytes),
    maxBufferedBytes: intFromEnv('MAX_BUFFERED_BYTES', DEFAULT_LIMITS.maxBufferedBytes),
    maxMessagesPerSecond: intFromEnv('MAX_MESSAGES_PER_SECOND', DEFAULT_LIMITS.maxMessagesPerSecond),
    maxConnectionsPerDeclaration: intFromEnv('MAX_CONNECTIONS_PER_DECLARATION', DEFAULT_LIMITS.maxConnectionsPerDeclaration),
  },
  hub: {
    compactAfterUpdates: intFromEnv('COMPACT_AFTER_UPDATES', DEFAULT_HUB_OPTIONS.compactAfterUpdates),
    maxDocumentBytes: intFromEnv('MAX_DOCUMENT_BYTES', DEFAULT_HUB_OPTIONS.maxDocumentBytes),
  },
  fanout,
  pdf: chromiumPath ? new ChromiumPdfRenderer(chromiumPath) : undefined,
});
const server = serve({ fetch: accord.app.fetch, port, hostname: host }, (info) => {
  // Tests start the server on PORT=0 and read the bound port from this line.
  log.info('listening', {
    port: info.port,
    url: `http://localhost:${info.port}`,
    storage: env.DATABASE_URL ? 'postgresql' : dataDir,
    fanout: fanout ? 'redis' : 'none',
    pdf: chromiumPath || 'off (no Chromium)',
  });
  if (adminToken.generated) {
    // On stdout, once, for the person starting Accord; never in the JSON log on stderr.
    console.log(
      `\nAccord administrator token (shown only this once; set ACCORD_ADMIN_TOKEN to choose your own):\n  ${adminToken.generated}\n` +
        `Sign in as administrator: http://localhost:${info.port}/admin#${adminToken.generated}\n`,
    );
  }
});
accord.injectWebSocket(server);

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  log.info('shutting down', { signal });
  server.close();
  await accord.close();
  await fanout?.close();
  await store.close();
  process.exit(0);
}

function openSqlite(): Store {
  mkdirSync(dataDir, { recursive: true });
  return new SqliteStore(join(dataDir, 'accord.sqlite'), {
    synchronous: env.SQLITE_SYNCHRONOUS === 'full' ? 'full' : 'normal',
  });
}

/** Connects to a configured service, or exits with a clear message: never a silent fallback. */
async function openOrExit<T>(what: string, open: () => Promise<T>): Promise<T> {
  try {
    return await open();
  } catch (error) {
    log.error(`cannot start: ${what} is configured but unavailable`, { error: errorMessage(error) });
    process.exit(1);
  }
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));

function intFromEnv(name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) {
    log.error(`${name} must be a non-negative integer`, { value: raw });
    process.exit(2);
  }
  return value;
}
