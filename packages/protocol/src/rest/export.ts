import { EXPORT_LANGS } from '@accord/export/ExportFrame';
import { EXPORT_FORMATS } from '@accord/export/exportFilename';
import { z } from 'zod';

/** A version id as the server makes them (`v` + base64url). */
export const VERSION_ID_PATTERN = /^v[A-Za-z0-9_-]{1,40}$/;

/**
 * `GET /api/declarations/:id/export?format=…&lang=…&version=…` (docs/export.md, rule X1–X6).
 * `version` is a version id, `current` (the live text, the default) or `adopted` (the version the
 * adoption is bound to; 409 when the declaration is not adopted). `comments=1` adds the comment
 * threads (X7).
 */
export const exportQuery = z
  .object({
    format: z.enum(EXPORT_FORMATS),
    lang: z.enum(EXPORT_LANGS),
    /** `1`: with the comment threads (X7), for a member who may read them; absent or `0`: without. */
    comments: z.enum(['0', '1']).default('0'),
    version: z.union([z.literal('current'), z.literal('adopted'), z.string().regex(VERSION_ID_PATTERN, 'a version id, current or adopted')]).default('current'),
  })
  .strict();
export type ExportQuery = z.infer<typeof exportQuery>;
export type ExportVersionRef = ExportQuery['version'];
