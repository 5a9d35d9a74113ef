import type { Bilingual } from '@accord/model/declarationLayout';

export interface DeclarationSummary {
  id: string;
  title: Bilingual;
  /** ISO timestamps, as the server stores them. */
  createdAt: string;
  updatedAt: string;
}

/** An API failure, with the server's `{ error: { code, message } }` when it sent one. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export async function listDeclarations(signal?: AbortSignal): Promise<DeclarationSummary[]> {
  const body = await request('/api/declarations', { signal });
  const list = (body as { declarations?: unknown }).declarations;
  if (!Array.isArray(list)) throw new ApiError(200, 'bad_response', 'unexpected response from the server');
  return list.filter(isSummary);
}

export async function createDeclaration(title: Bilingual): Promise<string> {
  const body = await request('/api/declarations', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ title }),
  });
  const id = (body as { id?: unknown }).id;
  if (typeof id !== 'string') throw new ApiError(201, 'bad_response', 'unexpected response from the server');
  return id;
}

async function request(url: string, init: RequestInit): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(url, { ...init, headers: { accept: 'application/json', ...init.headers } });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, 'network', error instanceof Error ? error.message : String(error));
  }
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    // A proxy's HTML error page or an empty body: fall through with the status alone.
  }
  if (!response.ok) {
    const error = (body as { error?: { code?: unknown; message?: unknown } } | null)?.error;
    throw new ApiError(
      response.status,
      typeof error?.code === 'string' ? error.code : 'http_error',
      typeof error?.message === 'string' ? error.message : `HTTP ${response.status}`,
    );
  }
  return body;
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
