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
import { importRoutes } from './api/importRoutes';
import { importIntoRoutes } from './api/importIntoRoutes';
import { MAX_IMPORT_BODY_BYTES } from '@accord/protocol/rest/import';
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
import { checkRoutes } from './api/checkRoutes';
import { ReviewService } from './review/ReviewService';
import { collabSocket } from './sync/collabSocket';
import { WorkflowService } from './workflow/WorkflowService';
import { versionRoutes } from './api/versionRoutes';
import { CheckpointScheduler, type CheckpointTiming, DEFAULT_CHECKPOINT_TIMING } from './versions/CheckpointScheduler';
import { VersionService } from './versions/VersionService';
import { DocumentHub, type HubOptions } from './sync/DocumentHub';
import { talkRoutes } from './api/talkRoutes';
import { talkEventRoutes } from './api/talkEventRoutes';
import { CommentService } from './talk/CommentService';
import { type NotificationHook, Notifier } from './talk/Notifier';
import { SuggestionService } from './talk/SuggestionService';
import { TalkFeed } from './talk/TalkFeed';
import { VisitService } from './talk/VisitService';
import { exportRoutes } from './api/exportRoutes';
import { ExportService } from './export/ExportService';
import type { PdfRenderer } from './export/PdfRenderer';
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
  /** Called with each notification stored (C11), to send it by e-mail one day; none by default. */
  onNotification?: NotificationHook;
  /**
   * Prints PDF exports: `main.ts` builds it on the Chromium it finds (`CHROMIUM_PATH`). Absent,
   * PDF exports answer 503 with the reason and the print view still prints from the browser.
   */
  pdf?: PdfRenderer;
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
const IMPORT_PATH = '/api/declarations/import';
/** An import into one declaration (docs/import.md, I5): its body carries a whole file too. */
const IMPORT_INTO_PATH = /^\/api\/declarations\/[^/]+\/import$/;

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
  hub.on('wrote', (id, by) => checkpoints.wrote(id, by.map((principal) => principal.name)));
  const clock = deps.clock ?? (() => new Date());
  const access = new AccessService(deps.store.access, deps.adminTokenHash, clock);
  const workflow = new WorkflowService(hub, versions, access, clock);
  const exports = new ExportService(hub, versions, deps.store.talk, deps.pdf ?? null, 'PDF export needs Chromium on the server, and none is configured (CHROMIUM_PATH)', clock);
  // Refusals are audited without holding up the answer (W8); a failed audit write is logged.
  const auditRefusal: AuditRefusal = (id, actor, action, detail) => {
    access.audit(id, actor, action, { detail }).catch((error: unknown) => {
      deps.log.error('audit log write failed', { declaration: id, action, error });
    });
  };
  hub.on('refused', (id, principal, reason) => auditRefusal(id, principal, 'write-refused', { reason }));
  // Comments, suggestions, visits and notifications (docs/access-and-workflow.md C1–C12).
  const feed = new TalkFeed(deps.fanout ?? null, deps.log);
  const notifier = new Notifier(deps.store.talk, deps.store.access, feed, clock, deps.onNotification ?? null, (error) =>
    deps.log.error('notification hook failed', { error }),
  );
  const visits = new VisitService(deps.store.talk, hub, versions, checkpoints, clock);
  const talk = {
    comments: new CommentService(deps.store.talk, hub, access, feed, notifier, clock),
    suggestions: new SuggestionService(deps.store.talk, deps.store.access, hub, access, feed, notifier, clock),
    visits,
  };
  const talkEvents = talkEventRoutes(deps.store, feed, hub);
  // Connections closed by a shutdown are not visits ending: marking them would reload rooms being unloaded.
  let closing = false;
  hub.on('left', (id, principal) => {
    if (closing) return;
    visits.left(id, principal).catch((error: unknown) => deps.log.error('recording the end of a visit failed', { declaration: id, error }));
  });
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

  const apiBodyLimit = bodyLimit({
    maxSize: limits.maxBodyBytes,
    onError: (c) => apiError(c, 413, 'body_too_large', `request bodies are limited to ${limits.maxBodyBytes} bytes`),
  });
  // An import carries whole files (a DOCX in base64): it has a limit of its own (docs/import.md, I3).
  const importBodyLimit = bodyLimit({
    maxSize: MAX_IMPORT_BODY_BYTES,
    onError: (c) => apiError(c, 413, 'body_too_large', `an import is limited to ${MAX_IMPORT_BODY_BYTES} bytes`),
  });
  app.use('/api/*', (c, next) => (c.req.path === IMPORT_PATH || IMPORT_INTO_PATH.test(c.req.path) ? importBodyLimit(c, next) : apiBodyLimit(c, next)));
  app.get('/api/health', (c) => c.json({ ok: true, loadedDeclarations: hub.loadedCount }));
  app.route('/api', sessionRoutes(access, deps.store, hub));
  // Before the routes of one declaration: "import" is no declaration id.
  app.route(IMPORT_PATH, importRoutes(deps.store, access, deps.log));
  // Everything under one declaration needs a credential for it (A4); the routes check roles.
  app.use('/api/declarations/:id', requireMember(access, auditRefusal));
  app.use('/api/declarations/:id/*', requireMember(access, auditRefusal), auditForbidden(auditRefusal));
  app.route('/api/declarations', declarationRoutes(deps.store, hub, access, deps.log));
  app.route('/api/declarations', importIntoRoutes(hub, access, deps.log));
  app.route('/api/declarations', versionRoutes(versions, hub, access));
  app.route('/api/declarations', memberRoutes(access, hub));
  app.route(
    '/api/declarations',
    workflowRoutes(workflow, (id, sectionId, actor, action, comment) => {
      notifier.workflowActed(id, sectionId, actor, action, comment).catch((error: unknown) => deps.log.error('workflow notification failed', { declaration: id, error }));
    }),
  );
  app.route('/api/declarations', talkRoutes(deps.store, talk));
  app.route('/api/declarations', talkEvents.routes);
  app.route('/api/declarations', checkRoutes(new ReviewService(hub, access, clock)));
  app.route('/api/declarations', exportRoutes(exports));
  app.all('/api/*', (c) => apiError(c, 404, 'not_found', `no API route ${c.req.method} ${c.req.path}`));
  access.on('revoked', (memberId, declarationId) => hub.revoke(declarationId, memberId));
  access.on('roleChanged', (memberId, declarationId) => hub.roleChanged(declarationId, memberId));
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
      closing = true;
      for (const client of wss.clients) client.close(CloseCode.goingAway, 'server shutting down');
      talkEvents.close();
      // Pending checkpoints are saved before the documents leave memory: no state unreachable.
      await checkpoints.flush();
      await hub.close();
      await exports.close();
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
