import { apiErrorBody } from '@accord/protocol/rest/apiError';
import type { z } from 'zod';

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

/** A JSON request to the API: the parsed body, or an `ApiError` with the server's code and message. */
export async function request(url: string, init: RequestInit): Promise<unknown> {
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
    const error = apiErrorBody.safeParse(body);
    if (error.success) throw new ApiError(response.status, error.data.error.code, error.data.error.message);
    throw new ApiError(response.status, 'http_error', `HTTP ${response.status}`);
  }
  return body;
}

/** The API address of one declaration; paths below it are appended. */
export function declarationUrl(id: string): string {
  return `/api/declarations/${encodeURIComponent(id)}`;
}

/** A 2xx answer whose body is not what the API documents. */
export function badResponse(status = 200): ApiError {
  return new ApiError(status, 'bad_response', 'unexpected response from the server');
}

/** A 2xx body read with its schema from the REST contract (packages/protocol/src/rest): what it parses to, or `badResponse(status)`. */
export function parseResponse<Schema extends z.ZodType>(schema: Schema, body: unknown, status = 200): z.output<Schema> {
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw badResponse(status);
  return parsed.data;
}
