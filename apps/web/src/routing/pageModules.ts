import type { Route } from './route';

/**
 * The pages of one declaration, loaded on demand: the home, join and sign-in pages, which a first
 * visit on conference wifi opens, do not wait for the editor (TipTap, Yjs) they do not use.
 * One loader per page, shared by `App` (React.lazy) and `main.tsx` (to know when the page's
 * code has arrived).
 */
export const pageModules = {
  declaration: () => import('../editor/EditorPage').then((m) => ({ default: m.EditorPage })),
  version: () => import('../versions/VersionPage').then((m) => ({ default: m.VersionPage })),
  compare: () => import('../versions/ComparePage').then((m) => ({ default: m.ComparePage })),
  members: () => import('../admin/MembersPage').then((m) => ({ default: m.MembersPage })),
  audit: () => import('../admin/AuditPage').then((m) => ({ default: m.AuditPage })),
};

/** Resolves once the code of `route`'s page is here (at once for the pages in the main chunk). */
export async function pageCodeLoaded(route: Route): Promise<void> {
  if (route.page in pageModules) await pageModules[route.page as keyof typeof pageModules]();
}
