import { SECTION_KINDS } from '@accord/model/declarationLayout';
import { z } from 'zod';

/**
 * `POST /api/declarations/import` (committees, administrators; docs/import.md). The body is either
 * the texts to import (`importSourcesBody`) — answered with a preview, or with the created
 * declaration under `?commit=1` — or a reviewed preview (`importPreviewBody`), which creates it.
 */

/** Characters of one text (Markdown or plain): a declaration is some 20,000; this is a hundred times that. */
export const MAX_IMPORT_TEXT_CHARS = 2_000_000;
/** Characters of one DOCX in base64: 9 MB of file. */
export const MAX_IMPORT_DOCX_BASE64 = 12_000_000;
/** Largest import request body, in bytes (both languages). */
export const MAX_IMPORT_BODY_BYTES = 2 * MAX_IMPORT_DOCX_BASE64 + 64 * 1024;

const source = z
  .object({
    format: z.enum(['markdown', 'text', 'docx']),
    content: z.string(),
  })
  .strict()
  .superRefine((s, ctx) => {
    const max = s.format === 'docx' ? MAX_IMPORT_DOCX_BASE64 : MAX_IMPORT_TEXT_CHARS;
    if (s.content.length > max) ctx.addIssue({ code: 'custom', path: ['content'], message: `at most ${max} characters for format "${s.format}"` });
  });

export const importSourcesBody = z
  .object({ fr: source.optional(), ja: source.optional() })
  .strict()
  .refine((b) => b.fr !== undefined || b.ja !== undefined, 'send a French text (fr), a Japanese text (ja), or both');
export type ImportSourcesBody = z.infer<typeof importSourcesBody>;

/** Inline text: characters, with `<sup>`, `<b>`, `<i>` as the only markup (docs/import.md). */
const inline = z.string().max(50_000);
const cells = z.array(z.array(z.string().max(5_000)).max(50)).max(500);
const bilingualText = (max: number) => z.object({ fr: z.string().max(max), ja: z.string().max(max) }).strict();
const isoDateOrEmpty = z.union([z.literal(''), z.iso.date()]);

export const previewPair = z
  .object({
    type: z.enum(['paragraph', 'heading', 'bullet', 'ordered', 'table']),
    fr: inline,
    ja: inline,
    confidence: z.number().min(0).max(1),
    table: z.object({ fr: cells, ja: cells, header: z.boolean().optional() }).strict().optional(),
    number: z.number().int().min(0).max(100_000).optional(),
    accepted: z.boolean().optional(),
    segments: z
      .array(z.object({ sid: z.string().min(1).max(64), was: z.string().max(50_000) }).strict())
      .max(5_000)
      .optional(),
  })
  .strict();

export const previewSection = z
  .object({
    kind: z.enum(SECTION_KINDS),
    title: bilingualText(300),
    pairs: z.array(previewPair).max(5_000),
    id: z.string().min(1).max(100).optional(),
  })
  .strict();

export const importWarning = z
  .object({
    code: z.enum(['tracked-changes', 'docx-messages', 'section-unmatched', 'list-reordered', 'language-missing']),
    lang: z.enum(['fr', 'ja']).optional(),
    message: z.string().max(2_000),
  })
  .strict();

export const importMeta = z
  .object({
    title: z.object({
      fr: z.string().trim().min(1, 'the French title is required').max(300),
      ja: z.string().trim().min(1, 'the Japanese title is required').max(300),
    }),
    edition: z.number().int().min(1).max(1_000).nullable(),
    hostCity: bilingualText(200),
    nextHostCity: bilingualText(200),
    startDate: isoDateOrEmpty,
    endDate: isoDateOrEmpty,
  })
  .strict();

/** The preview the server answers, and what a second call sends back once reviewed. */
export const importPreviewBody = z
  .object({
    meta: importMeta,
    sections: z.array(previewSection).min(1, 'a declaration needs at least one section').max(200),
    warnings: z.array(importWarning).max(1_000),
  })
  .strict();
export type ImportPreviewBody = z.infer<typeof importPreviewBody>;

/** `201` to a creating import: the new declaration, and for a committee member their session in it. */
export const importedDeclaration = z.object({ id: z.string(), token: z.string().optional() });
export type ImportedDeclaration = z.infer<typeof importedDeclaration>;

/**
 * `POST /api/declarations/:id/import` (docs/import.md, I5–I8): the text of one language to add to
 * an existing declaration, whose other language is already in it. Exactly one of `fr`, `ja`.
 */
export const importIntoSourcesBody = importSourcesBody.refine((b) => (b.fr === undefined) !== (b.ja === undefined), 'send the text of one language (fr or ja): the other is the declaration’s own');

/** The preview of an import into a declaration, and what a second call sends back reviewed: which language it brings. */
export const importIntoPreviewBody = z
  .object({
    language: z.enum(['fr', 'ja']),
    meta: importMeta,
    sections: z.array(previewSection).max(200),
    warnings: z.array(importWarning).max(1_000),
  })
  .strict();
export type ImportIntoPreviewBody = z.infer<typeof importIntoPreviewBody>;

/** `200` to an import into a declaration: what it wrote, and the passages it kept as others had changed them meanwhile. */
export const importedLanguage = z.object({
  id: z.string(),
  language: z.enum(['fr', 'ja']),
  written: z.number().int(),
  addedSegments: z.number().int(),
  addedSections: z.number().int(),
  kept: z.array(z.object({ sectionId: z.string(), sid: z.string() })),
});
export type ImportedLanguage = z.infer<typeof importedLanguage>;
