/** The app's pages. The server answers every other path with the app shell, so this decides. */
export type Route = { page: 'home' } | { page: 'declaration'; id: string } | { page: 'notFound' };

export function parseRoute(pathname: string): Route {
  if (pathname === '/' || pathname === '') return { page: 'home' };
  const match = /^\/d\/([^/]+)\/?$/.exec(pathname);
  if (match?.[1]) return { page: 'declaration', id: decodeURIComponent(match[1]) };
  return { page: 'notFound' };
}

export function declarationPath(id: string): string {
  return `/d/${encodeURIComponent(id)}`;
}
