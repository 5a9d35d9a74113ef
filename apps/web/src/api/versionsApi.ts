import type { DeclarationJson } from '@accord/model/readDeclaration';
import { badResponse, declarationUrl, request } from './apiRequest';
import { jsonBody } from './jsonBody';
import type { DeclarationDiff } from '@accord/diff/diffDeclarations';

export type VersionKind = 'named' | 'automatic' | 'before-restore';

export interface VersionSummary {
  id: string;
  /** Given when saved by hand; null for automatic versions. */
  label: string | null;
  kind: VersionKind;
  author: string | null;
  /** ISO timestamp. */
  createdAt: string;
  /** SHA-256 of the version's plain JSON, hex. */
  hash: string;
}

export interface VersionContent {
  version: VersionSummary;
  declaration: DeclarationJson;
}

/** `to` of a comparison: a version id, or the live text. */
export const CURRENT = 'current';


/** Newest first, as the server lists them. */
export async function listVersions(id: string, signal?: AbortSignal): Promise<VersionSummary[]> {
  const body = await request(`${declarationUrl(id)}/versions`, { signal });
  const list = (body as { versions?: unknown } | null)?.versions;
  if (!Array.isArray(list)) throw badResponse(200);
  return list.filter(isVersionSummary);
}

export async function saveVersion(id: string, label: string, author: string): Promise<{ id: string; hash: string }> {
  const body = await request(`${declarationUrl(id)}/versions`, jsonBody({ label, author }));
  const saved = body as { id?: unknown; hash?: unknown } | null;
  if (typeof saved?.id !== 'string' || typeof saved.hash !== 'string') throw badResponse(201);
  return { id: saved.id, hash: saved.hash };
}

export async function getVersion(id: string, versionId: string, signal?: AbortSignal): Promise<VersionContent> {
  const body = await request(`${declarationUrl(id)}/versions/${encodeURIComponent(versionId)}`, { signal });
  const content = body as { version?: unknown; declaration?: unknown } | null;
  if (!isVersionSummary(content?.version) || !isDeclarationJson(content.declaration)) throw badResponse(200);
  return { version: content.version, declaration: content.declaration };
}

export async function restoreVersion(id: string, versionId: string, author: string): Promise<void> {
  await request(`${declarationUrl(id)}/versions/${encodeURIComponent(versionId)}/restore`, jsonBody({ author }));
}

export async function getDiff(id: string, from: string, to: string, signal?: AbortSignal): Promise<DeclarationDiff> {
  const query = new URLSearchParams({ from, to });
  const body = await request(`${declarationUrl(id)}/diff?${query}`, { signal });
  const diff = body as { sections?: unknown; summary?: unknown } | null;
  // The shape is the server's own type; checking the outline is enough to fail clearly on a proxy page.
  if (!Array.isArray(diff?.sections) || typeof diff.summary !== 'object' || diff.summary === null) throw badResponse(200);
  return body as DeclarationDiff;
}

function isVersionSummary(value: unknown): value is VersionSummary {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.id === 'string' &&
    (typeof v.label === 'string' || v.label === null) &&
    (v.kind === 'named' || v.kind === 'automatic' || v.kind === 'before-restore') &&
    (typeof v.author === 'string' || v.author === null) &&
    typeof v.createdAt === 'string' &&
    typeof v.hash === 'string'
  );
}

function isDeclarationJson(value: unknown): value is DeclarationJson {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.meta === 'object' && v.meta !== null && Array.isArray(v.sections);
}
