import { serve } from '@hono/node-server';
import { createApp, type AccordApp, type AccordDependencies } from '@accord/server/createApp';
import { silentLogger } from '@accord/server/Logger';
import { SqliteStore } from '@accord/server/storage/SqliteStore';
import type { Store } from '@accord/server/storage/Store';
import { mkdtempSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { ADMIN_TOKEN_HASH } from './adminToken';
import { join } from 'node:path';

export interface InProcessAccord {
  accord: AccordApp;
  store: Store;
  dbFile: string;
  url: string;
  collabUrl: string;
  close(): Promise<void>;
}

/**
 * Builds the app from its dependencies and serves it on port 0 inside the test process, for
 * tests that look at internals (rooms in memory, the update log) as well as the wire.
 */
export async function startInProcess(deps: Partial<AccordDependencies> & { dbFile?: string } = {}): Promise<InProcessAccord> {
  const dbFile = deps.dbFile ?? join(mkdtempSync(join(tmpdir(), 'accord-inproc-')), 'accord.sqlite');
  const store = deps.store ?? new SqliteStore(dbFile);
  const accord = createApp({ log: silentLogger, adminTokenHash: ADMIN_TOKEN_HASH, ...deps, store });
  const server = serve({ fetch: accord.app.fetch, port: 0, hostname: '127.0.0.1' });
  accord.injectWebSocket(server);
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    accord,
    store,
    dbFile,
    url: `http://127.0.0.1:${port}`,
    collabUrl: `ws://127.0.0.1:${port}/collab`,
    close: async () => {
      await accord.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await store.close();
    },
  };
}
