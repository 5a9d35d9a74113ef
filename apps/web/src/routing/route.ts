/** The app's pages. The server answers every other path with the app shell, so this decides. */
export type Route =
  | { page: 'home' }
  | { page: 'declaration'; id: string }
  | { page: 'version'; id: string; versionId: string }
  | { page: 'compare'; id: string }
  /** `/join#<invite token>`: the token is in the fragment, so it never reaches a server log. */
  | { page: 'join' }
  /** `/admin` (or `/admin#<admin token>`): the administrator's sign-in. */
  | { page: 'admin' }
  | { page: 'members'; id: string }
  | { page: 'audit'; id: string }
  /** `/import`: bring a text in (docs/import.md). */
  | { page: 'import' }
  /** `/d/<id>/print?lang=…&version=…`: the print view of the declaration (issue 16). */
  | { page: 'print'; id: string }
  | { page: 'notFound' };

export function parseRoute(pathname: string): Route {
  if (pathname === '/' || pathname === '') return { page: 'home' };
  if (/^\/join\/?$/.test(pathname)) return { page: 'join' };
  if (/^\/admin\/?$/.test(pathname)) return { page: 'admin' };
  if (/^\/import\/?$/.test(pathname)) return { page: 'import' };
  const declaration = /^\/d\/([^/]+)\/?$/.exec(pathname);
  if (declaration?.[1]) return { page: 'declaration', id: decodeURIComponent(declaration[1]) };
  const version = /^\/d\/([^/]+)\/v\/([^/]+)\/?$/.exec(pathname);
  if (version?.[1] && version[2]) return { page: 'version', id: decodeURIComponent(version[1]), versionId: decodeURIComponent(version[2]) };
  const compare = /^\/d\/([^/]+)\/compare\/?$/.exec(pathname);
  if (compare?.[1]) return { page: 'compare', id: decodeURIComponent(compare[1]) };
  const members = /^\/d\/([^/]+)\/members\/?$/.exec(pathname);
  if (members?.[1]) return { page: 'members', id: decodeURIComponent(members[1]) };
  const print = /^\/d\/([^/]+)\/print\/?$/.exec(pathname);
  if (print?.[1]) return { page: 'print', id: decodeURIComponent(print[1]) };
  const audit = /^\/d\/([^/]+)\/audit\/?$/.exec(pathname);
  if (audit?.[1]) return { page: 'audit', id: decodeURIComponent(audit[1]) };
  return { page: 'notFound' };
}

export function declarationPath(id: string): string {
  return `/d/${encodeURIComponent(id)}`;
}

/** The editor, scrolled to a section and, when given, to the passage `sid` in it (in `lang` if it is there). */
export function passagePath(id: string, sectionAnchor: string, sid?: string, lang?: 'fr' | 'ja'): string {
  const query = sid ? `?${new URLSearchParams(lang ? { sid, lang } : { sid })}` : '';
  return `${declarationPath(id)}${query}#${sectionAnchor}`;
}

export function versionPath(id: string, versionId: string): string {
  return `${declarationPath(id)}/v/${encodeURIComponent(versionId)}`;
}

/** `to` is a version id or `current`, the live text. */
export function comparePath(id: string, from: string | null, to: string): string {
  const query = new URLSearchParams(from ? { from, to } : { to });
  return `${declarationPath(id)}/compare?${query}`;
}

export function membersPath(id: string): string {
  return `${declarationPath(id)}/members`;
}

export function auditPath(id: string): string {
  return `${declarationPath(id)}/audit`;
}

export const ADMIN_PATH = '/admin';
export const IMPORT_PAGE_PATH = '/import';

/** The import page set to add a text to declaration `id` (docs/import.md I5). */
export function importIntoPath(id: string): string {
  return `${IMPORT_PAGE_PATH}?${new URLSearchParams({ into: id })}`;
}

/** The print view of a declaration in `lang`, of `version` (a version id, `current` or `adopted`). */
export function printPath(id: string, lang: string, version: string, comments = false): string {
  return `${declarationPath(id)}/print?${new URLSearchParams({ lang, version, ...(comments ? { comments: '1' } : {}) })}`;
}
