import { Packer } from 'docx';
import { docxDocument } from './docxDocument';
import type { ExportThread } from './exportComments';
import type { ExportFrame } from './ExportFrame';
import type { ExportContent } from './readExportContent';

/** The `.docx` file of a declaration (a zip, packed in memory; works in Node and in browsers). */
export async function docxBytes(content: ExportContent, frame: ExportFrame, comments: readonly ExportThread[] = []): Promise<Uint8Array> {
  return new Uint8Array(await Packer.toArrayBuffer(docxDocument(content, frame, comments)));
}
