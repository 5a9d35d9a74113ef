import {
  type ImportPreviewBody,
  type ImportSourcesBody,
  importedDeclaration,
  importPreviewBody,
} from '@accord/protocol/rest/import';
import { parseResponse, request } from '../api/apiRequest';
import { jsonBody } from '../api/jsonBody';

const IMPORT_URL = '/api/declarations/import';

/** The server's preview of the texts: sections and aligned pairs, nothing stored (docs/import.md). */
export async function previewImport(sources: ImportSourcesBody): Promise<ImportPreviewBody> {
  return parseResponse(importPreviewBody, await request(IMPORT_URL, jsonBody(sources)));
}

/** Creates the declaration from the reviewed preview: its id. */
export async function createFromPreview(preview: ImportPreviewBody): Promise<string> {
  return parseResponse(importedDeclaration, await request(IMPORT_URL, jsonBody(preview)), 201).id;
}
