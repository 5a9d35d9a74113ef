import { DEMO_DECLARATION } from '@accord/model/createDeclaration';
import { createNodeWebSocket } from '@hono/node-ws';
import type { Server } from 'node:http';
import type { Http2SecureServer, Http2Server } from 'node:http2';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { apiError } from './http/apiError';
import { serveWebApp } from './http/webApp';
import { newDeclarationId } from './api/declarationId';
import { declarationRoutes } from './api/declarationRoutes';
import type { Fanout } from './fanout/Fanout';
import type { Logger } from './Logger';
import type { Store } from './storage/Store';
import { storeNewDeclaration } from './storage/storeNewDeclaration';
import { CloseCode } from '@accord/protocol/CloseCode';
import { AccessService } from './access/AccessService';
import { auditForbidden } from './access/auditForbidden';
import { DocumentLoadError } from './storage/docFromStored';
import type { AuditRefusal } from './access/AuditRefusal';
import { requireMember } from './access/requireMember';
import type { AccordEnv } from './http/AccordEnv';
import { memberRoutes } from './api/memberRoutes';
import { sessionRoutes } from './api/sessionRoutes';
import { workflowRoutes } from './api/workflowRoutes';
import { collabSocket } from './sync/collabSocket';
import { WorkflowService } from './workflow/WorkflowService';
import { versionRoutes } from './api/versionRoutes';
import { CheckpointScheduler, type CheckpointTiming, DEFAULT_CHECKPOINT_TIMING } from './versions/CheckpointScheduler';
import { VersionService } from './versions/VersionService';
import { DocumentHub, type HubOptions } from './sync/DocumentHub';
import { auditStructure } from './sync/auditStructure';

export interface AccordDependencies {
  store: Store;
  /** SHA-256 of the administrator token (`AccessService.adminToken` makes or reads it). */
  adminTokenHash: string;
  log: Logger;
  /** The built web app (`apps/web/dist`); when absent or missing, only the API and sync are served. */
  webRoot?: string;
  limits?: Partial<Limits>;
  hub?: Partial<HubOptions>;
  /** Relays live traffic to other instances sharing `store` (Redis); absent for a single instance. */
  fanout?: Fanout;
  checkpoints?: Partial<CheckpointTiming>;
  /** The time invites expire and audit entries are stamped by; tests pass a clock they move. */
  clock?: () => Date;
}

export interface Limits {
  /** Largest WebSocket frame accepted; a larger one closes that connection with 1009. */
  maxMessageBytes: number;
  /** Largest REST request body. */
  maxBodyBytes: number;
  /** Data queued for one slow client before it is disconnected (1013); it resyncs on reconnection. */
  maxBufferedBytes: number;
  maxMessagesPerSecond: number;
  maxConnectionsPerDeclaration: number;
}

export const DEFAULT_LIMITS: Limits = {
  maxMessageBytes: 8 * 1024 * 1024,
  maxBodyBytes: 1024 * 1024,
  maxBufferedBytes: 16 * 1024 * 1024,
  // A fast typist sends some 20 messages a second (edits and carets); a reconnection a handful.
  maxMessagesPerSecond: 200,
  maxConnectionsPerDeclaration: 1000,
};
export const DEFAULT_HUB_OPTIONS: HubOptions = {
  compactAfterUpdates: 1000,
  compactAtLogFraction: 0.5,
  unloadAfterMs: 10_000,
  maxDocumentBytes: 64 * 1024 * 1024,
};

export interface AccordApp {
  app: Hono<AccordEnv>;
  hub: DocumentHub;
  /** Attaches the WebSocket upgrade handler to the HTTP server the app is served on. */
  injectWebSocket(server: Server | Http2Server | Http2SecureServer): void;
  /** Closes every connection, compacts and unloads every document. The store stays open. */
  close(): Promise<void>;
}

/** Builds Accord from its dependencies; binds nothing (see `main.ts`), so tests serve it on port 0. */
export function createApp(deps: AccordDependencies): AccordApp {
  const limits = { ...DEFAULT_LIMITS, ...deps.limits };
  const hub = new DocumentHub(deps.store, { ...DEFAULT_HUB_OPTIONS, ...deps.hub }, deps.log, deps.fanout ?? null);
  const versions = new VersionService(deps.store, hub);
  const checkpoints = new CheckpointScheduler(versions, { ...DEFAULT_CHECKPOINT_TIMING, ...deps.checkpoints }, deps.log);
  hub.on('changed', (id) => checkpoints.changed(id));
  const clock = deps.clock ?? (() => new Date());
  const access = new AccessService(deps.store.access, deps.adminTokenHash, clock);
  const workflow = new WorkflowService(hub, versions, access, clock);
  // Refusals are audited without holding up the answer (W8); a failed audit write is logged.
  const auditRefusal: AuditRefusal = (id, actor, action, detail) => {
    access.audit(id, actor, action, { detail }).catch((error: unknown) => {
      deps.log.error('audit log write failed', { declaration: id, action, error });
    });
  };
  hub.on('refused', (id, principal, reason) => auditRefusal(id, principal, 'write-refused', { reason }));
  // W9: sections removed by clients are kept in a version first; every structure change is audited.
  hub.keepStateBeforeSectionRemoval(async (id, state) => {
    await versions.saveState(id, state, { kind: 'before-removal', label: null, author: null });
  });
  hub.on('restructured', (id, changes, by) => auditStructure(access, deps.log, id, changes, by));
  const app = new Hono<AccordEnv>();
  const { injectWebSocket, upgradeWebSocket, wss } = createNodeWebSocket({ app });
  // @hono/node-ws builds its WebSocketServer without options; this is the documented field `ws` reads.
  wss.options.maxPayload = limits.maxMessageBytes;

  app.onError((error, c) => {
    // Rule S7, for every route that reads a declaration: its stored data stays as it is.
    if (error instanceof DocumentLoadError) {
      deps.log.error('declaration failed to load', { declaration: error.declarationId, error: error.message });
      return apiError(c, 500, 'load_failed', 'this declaration could not be loaded; its stored data is kept unchanged');
    }
    deps.log.error('unhandled error', { path: c.req.path, error });
    return apiError(c, 500, 'internal', 'internal server error');
  });

  app.use(
    '/api/*',
    bodyLimit({
      maxSize: limits.maxBodyBytes,
      onError: (c) => apiError(c, 413, 'body_too_large', `request bodies are limited to ${limits.maxBodyBytes} bytes`),
    }),
  );
  app.get('/api/health', (c) => c.json({ ok: true, loadedDeclarations: hub.loadedCount }));
  app.route('/api', sessionRoutes(access, deps.store, hub));
  // Everything under one declaration needs a credential for it (A4); the routes check roles.
  app.use('/api/declarations/:id', requireMember(access, auditRefusal));
  app.use('/api/declarations/:id/*', requireMember(access, auditRefusal), auditForbidden(auditRefusal));
  app.route('/api/declarations', declarationRoutes(deps.store, hub, access, deps.log));
  app.route('/api/declarations', versionRoutes(versions, hub, access));
  app.route('/api/declarations', memberRoutes(access, hub));
  app.route('/api/declarations', workflowRoutes(workflow));
  app.all('/api/*', (c) => apiError(c, 404, 'not_found', `no API route ${c.req.method} ${c.req.path}`));
  access.on('revoked', (memberId, declarationId) => hub.revoke(declarationId, memberId));
  app.get('/collab/:id', requireMember(access, auditRefusal, { allowQueryToken: true }), collabSocket(upgradeWebSocket, hub, deps.log, limits, auditRefusal));

  if (deps.webRoot && existsSync(join(deps.webRoot, 'index.html'))) {
    serveWebApp(app, deps.webRoot);
  } else {
    app.get('/', (c) => c.text('Accord API. The web app is not built: run `pnpm build`.'));
  }

  return {
    app,
    hub,
    injectWebSocket,
    close: async () => {
      for (const client of wss.clients) client.close(CloseCode.goingAway, 'server shutting down');
      // Pending checkpoints are saved before the documents leave memory: no state unreachable.
      await checkpoints.flush();
      await hub.close();
    },
  };
}

/**
 * Creates the demo declaration when the store has none, so a first start shows something to edit.
 * Instances starting together on one empty database claim the demo through an atomic setting
 * (AccessStore rule 2), so exactly one of them creates it.
 */
export async function seedDemoDeclaration(store: Store): Promise<string | null> {
  if ((await store.listDeclarations()).length > 0) return null;
  const id = newDeclarationId();
  if ((await store.access.setSettingIfAbsent('demo_declaration', id)) !== id) return null;
  await storeNewDeclaration(store, id, DEMO_DECLARATION);
  return id;
}
