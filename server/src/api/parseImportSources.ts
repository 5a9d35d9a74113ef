import type { ParsedText } from '@accord/import/ImportBlock';
import type { ImportSourcesBody } from '@accord/protocol/rest/import';
import type { Context } from 'hono';
import { apiError } from '../http/apiError';
import { loadImportMachinery } from './importMachinery';

/**
 * Reads the texts of an import body (docs/import.md, I3): a text that cannot be read is refused
 * whole, naming the language and the problem (413 for a DOCX that would inflate too far, else 400).
 */
export async function parseImportSources(c: Context, sources: ImportSourcesBody): Promise<{ ok: true; parsed: { fr?: ParsedText; ja?: ParsedText } } | { ok: false; response: Response }> {
  const { parseSource } = await loadImportMachinery();
  const parsed: { fr?: ParsedText; ja?: ParsedText } = {};
  for (const lang of ['fr', 'ja'] as const) {
    const source = sources[lang];
    if (!source) continue;
    const result = await parseSource(source);
    if (!result.ok) return { ok: false, response: apiError(c, result.code === 'docx_too_large' ? 413 : 400, result.code, `${lang}: ${result.message}`) };
    parsed[lang] = { blocks: result.blocks, warnings: result.warnings };
  }
  return { ok: true, parsed };
}
