/*
 * Accord's service worker: keeps the app shell (index.html and its assets) so that a page reloaded
 * while the server is unreachable still opens; the declaration itself then comes from IndexedDB
 * (y-indexeddb) and edits wait there until the connection returns. The API and the WebSocket are
 * never cached: they are the live text.
 */
const CACHE = 'accord-shell-v2';

/**
 * index.html and every asset of the build. The pages are split into chunks loaded on demand, so
 * the list comes from `shell.json`, which the build writes (apps/web/build/precompressAssets.ts):
 * a page reloaded offline may need the editor's chunk although this visit only saw the home page.
 */
async function cacheShell() {
  const cache = await caches.open(CACHE);
  const [page, list] = await Promise.all([fetch('/index.html', { cache: 'no-store' }), fetch('/shell.json', { cache: 'no-store' })]);
  if (!page.ok || !list.ok) return;
  const { assets } = await list.json();
  await cache.addAll(assets);
  await cache.put('/index.html', page);
}

self.addEventListener('install', (event) => {
  event.waitUntil(cacheShell().then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((key) => key !== CACHE).map((key) => caches.delete(key))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  if (event.request.method !== 'GET' || url.origin !== self.location.origin) return;
  if (url.pathname.startsWith('/api/') || url.pathname.startsWith('/collab/')) return;
  if (event.request.mode === 'navigate') {
    // Network first, so a new version is picked up at once; the kept shell when offline.
    event.respondWith(
      fetch(event.request)
        .then((response) => {
          if (response.ok) {
            const copy = response.clone();
            void caches.open(CACHE).then((cache) => cache.put('/index.html', copy));
          }
          return response;
        })
        .catch(() => caches.match('/index.html').then((cached) => cached ?? Response.error())),
    );
    return;
  }
  if (url.pathname.startsWith('/assets/')) {
    // Hashed file names never change content: the cache is as good as the network.
    event.respondWith(
      caches.match(event.request).then(
        (cached) =>
          cached ??
          fetch(event.request).then((response) => {
            if (response.ok) {
              const copy = response.clone();
              void caches.open(CACHE).then((cache) => cache.put(event.request, copy));
            }
            return response;
          }),
      ),
    );
  }
});
