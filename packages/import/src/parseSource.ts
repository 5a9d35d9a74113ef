import type { ParsedText } from './ImportBlock';
import { parseDocx } from './parseDocx';
import { parseMarkdown } from './parseMarkdown';
import { parseText } from './parseText';

export type SourceFormat = 'markdown' | 'text' | 'docx';

/** One language's file as `POST /api/declarations/import` receives it: text, or base64 for DOCX. */
export interface ImportSource {
  format: SourceFormat;
  content: string;
}

export type SourceProblem = 'empty_text' | 'binary_content' | 'invalid_base64' | 'unreadable_docx' | 'docx_too_large';
export type SourceResult = ({ ok: true } & ParsedText) | { ok: false; code: SourceProblem; message: string };

/**
 * Parses one source. What a user may send by mistake — an empty text, a binary file sent as
 * text, a DOCX that is not one — is an expected failure, returned with a code and a sentence; a
 * text that yields no block at all counts as empty.
 */
export async function parseSource(source: ImportSource): Promise<SourceResult> {
  let parsed: ParsedText;
  if (source.format === 'docx') {
    const compact = source.content.replace(/\s+/g, '');
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(compact) || compact.length % 4 !== 0) {
      return { ok: false, code: 'invalid_base64', message: 'a DOCX is sent as base64, and this content is not base64' };
    }
    const bytes = Uint8Array.from(atob(compact), (c) => c.charCodeAt(0));
    const docx = await parseDocx(bytes);
    if (!docx.ok) return docx;
    parsed = docx;
  } else {
    if (looksBinary(source.content)) return { ok: false, code: 'binary_content', message: 'the content holds binary data, not text: send a DOCX as format "docx" in base64' };
    parsed = source.format === 'markdown' ? parseMarkdown(source.content) : parseText(source.content);
  }
  if (parsed.blocks.length === 0) return { ok: false, code: 'empty_text', message: 'the text is empty: there is nothing to import' };
  return { ok: true, ...parsed };
}

/** NUL characters, or more than 1 % of control characters other than tab and line breaks. */
function looksBinary(text: string): boolean {
  if (text.includes('\u0000')) return true;
  const controls = text.match(/[\u0001-\u0008\u000e-\u001f\ufffd]/g)?.length ?? 0;
  return text.length > 0 && controls / text.length > 0.01;
}
