import type { Bilingual } from '@accord/model/declarationLayout';
import type { DeclarationJson } from '@accord/model/readDeclaration';
import { badResponse, declarationUrl, request } from './apiRequest';
import { jsonBody } from './jsonBody';

export interface DeclarationSummary {
  id: string;
  title: Bilingual;
  /** ISO timestamps, as the server stores them. */
  createdAt: string;
  updatedAt: string;
}

/** The declarations this browser may open, and whether it is signed in as administrator. */
export async function listDeclarations(signal?: AbortSignal): Promise<{ declarations: DeclarationSummary[]; admin: boolean }> {
  const body = await request('/api/declarations', { signal });
  const list = (body as { declarations?: unknown }).declarations;
  if (!Array.isArray(list)) throw badResponse();
  return { declarations: list.filter(isSummary), admin: (body as { admin?: unknown }).admin === true };
}

export async function createDeclaration(title: Bilingual): Promise<string> {
  const body = await request('/api/declarations', jsonBody({ title }));
  const id = (body as { id?: unknown }).id;
  if (typeof id !== 'string') throw badResponse(201);
  return id;
}

/** The live declaration as plain JSON (docs/document-model.md). */
export async function getDeclaration(id: string, signal?: AbortSignal): Promise<DeclarationJson> {
  const body = await request(`${declarationUrl(id)}`, { signal });
  const json = body as { meta?: { title?: unknown }; sections?: unknown } | null;
  if (typeof json?.meta?.title !== 'object' || json.meta.title === null || !Array.isArray(json.sections)) {
    throw badResponse();
  }
  return body as DeclarationJson;
}

function isSummary(value: unknown): value is DeclarationSummary {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  const title = v.title as Record<string, unknown> | undefined;
  return (
    typeof v.id === 'string' &&
    typeof title === 'object' &&
    title !== null &&
    typeof title.fr === 'string' &&
    typeof title.ja === 'string' &&
    typeof v.createdAt === 'string' &&
    typeof v.updatedAt === 'string'
  );
}
