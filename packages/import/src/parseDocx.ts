import JSZip from 'jszip';
import mammoth from 'mammoth';
import type { ImportWarning, ParsedText } from './ImportBlock';
import { htmlBlocks } from './htmlBlocks';
import { joinContinuations } from './joinContinuations';
import { zipUncompressedSize } from './zipUncompressedSize';

/** Largest uncompressed DOCX accepted: a declaration with its images weighs far less. */
export const MAX_DOCX_UNCOMPRESSED = 50 * 1024 * 1024;

export type DocxResult = ({ ok: true } & ParsedText) | { ok: false; code: 'unreadable_docx' | 'docx_too_large'; message: string };

/**
 * Blocks of a DOCX (mammoth: heading styles, lists, tables, bold, italic, superscript). Tracked
 * changes are detected in `word/document.xml` itself (`w:ins`, `w:del`) and warned about, since
 * mammoth silently keeps insertions and drops deletions. An archive that is not a DOCX, or that
 * would inflate past `MAX_DOCX_UNCOMPRESSED`, is an expected failure, returned as a value.
 */
export async function parseDocx(bytes: Uint8Array): Promise<DocxResult> {
  const size = zipUncompressedSize(bytes);
  if (size === null) return { ok: false, code: 'unreadable_docx', message: 'the file is not a DOCX (no ZIP archive)' };
  if (size > MAX_DOCX_UNCOMPRESSED) return { ok: false, code: 'docx_too_large', message: `the DOCX would expand to ${size} bytes; at most ${MAX_DOCX_UNCOMPRESSED} are read` };
  let xml: string;
  try {
    const zip = await JSZip.loadAsync(bytes);
    const document = zip.file('word/document.xml');
    if (!document) return { ok: false, code: 'unreadable_docx', message: 'the archive has no word/document.xml: it is not a Word document' };
    xml = await document.async('string');
  } catch (error) {
    return { ok: false, code: 'unreadable_docx', message: `the DOCX could not be read: ${error instanceof Error ? error.message : String(error)}` };
  }
  const warnings: ImportWarning[] = [];
  const insertions = xml.match(/<w:ins\b/g)?.length ?? 0;
  const deletions = xml.match(/<w:del\b/g)?.length ?? 0;
  if (insertions + deletions > 0) {
    warnings.push({
      code: 'tracked-changes',
      message: `the document holds tracked changes (${insertions} insertions, ${deletions} deletions): they were read as if accepted; accept or reject them in Word and import again to be sure`,
    });
  }
  let html: string;
  try {
    // mammoth's Node build reads `buffer` (its `arrayBuffer` option is the browser build's).
    const result = await mammoth.convertToHtml({ buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) });
    html = result.value;
    const errors = result.messages.filter((m) => m.type === 'error');
    if (errors.length > 0) warnings.push({ code: 'docx-messages', message: errors.map((m) => m.message).join('; ').slice(0, 500) });
  } catch (error) {
    return { ok: false, code: 'unreadable_docx', message: `the DOCX could not be converted: ${error instanceof Error ? error.message : String(error)}` };
  }
  return { ok: true, blocks: joinContinuations(htmlBlocks(html)), warnings };
}
