import type { Context } from 'hono';
import type { z } from 'zod';
import { apiError } from '../http/apiError';

export type BodyResult<T> = { ok: true; value: T } | { ok: false; response: Response };

/**
 * Parses and validates a JSON request body. Invalid JSON and schema violations are expected
 * failures, returned as a 400 response that names the problem (the first issue's path).
 */
export async function readJsonBody<T>(c: Context, schema: z.ZodType<T>): Promise<BodyResult<T>> {
  let raw: unknown;
  try {
    raw = JSON.parse(await c.req.text());
  } catch {
    return { ok: false, response: apiError(c, 400, 'invalid_json', 'the request body is not valid JSON') };
  }
  return validateBody(c, schema, raw);
}

/** Validates an already parsed body: a schema violation is a 400 naming the first issue's path. */
export function validateBody<T>(c: Context, schema: z.ZodType<T>, raw: unknown): BodyResult<T> {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? issue.path.join('.') : 'body';
    return { ok: false, response: apiError(c, 400, 'invalid_body', `${where}: ${issue?.message ?? 'invalid'}`) };
  }
  return { ok: true, value: parsed.data };
}
