import { serveStatic } from '@hono/node-server/serve-static';
import type { Context, Hono } from 'hono';
import type { AccordEnv } from './AccordEnv';

/**
 * Cache rules of the built web app, one per kind of file (docs/deployment.md, "The web app"):
 * - `/assets/*` carry a content hash in their name, so a name never changes content: cached for a
 *   year and never revalidated;
 * - everything else (index.html, sw.js, shell.json) names the current build: always revalidated,
 *   so a new deployment is picked up on the next visit.
 */
export function cacheControlFor(path: string): string {
  return path.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache';
}

/**
 * Serves the built web app from `root`: the precompressed `.br`/`.gz` files the build wrote beside
 * each text file when the browser accepts them (apps/web/build/precompressAssets.ts), with the
 * cache rules above; every other path that is not an API gets the app shell, whose router decides.
 * Source maps are not served even if a build left some: they are the whole source, for no visitor.
 */
export function serveWebApp(app: Hono<AccordEnv>, root: string): void {
  const setCache = (c: Context) => c.header('Cache-Control', cacheControlFor(c.req.path));
  app.get('/*.map', (c) => c.text('not found', 404));
  app.use('/*', serveStatic({ root, precompressed: true, onFound: (_path, c) => setCache(c) }));
  // Client-side routes (`/d/<id>`) get the app shell. An unknown `/assets/…` name is a 404, not
  // the shell: a stale page asking for an old chunk must fail loudly rather than parse HTML as script.
  app.get('/assets/*', (c) => c.text('not found', 404));
  app.get('*', serveStatic({ root, path: 'index.html', precompressed: true, onFound: (_path, c) => void c.header('Cache-Control', 'no-cache') }));
}
