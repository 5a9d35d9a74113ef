import {
  type ImportedLanguage,
  type ImportIntoPreviewBody,
  type ImportPreviewBody,
  type ImportSourcesBody,
  importedDeclaration,
  importedLanguage,
  importIntoPreviewBody,
  importPreviewBody,
} from '@accord/protocol/rest/import';
import { declarationUrl, parseResponse, request } from '../api/apiRequest';
import { jsonBody } from '../api/jsonBody';

const IMPORT_URL = '/api/declarations/import';
const importIntoUrl = (id: string) => `${declarationUrl(id)}/import`;

/** The server's preview of the texts: sections and aligned pairs, nothing stored (docs/import.md). */
export async function previewImport(sources: ImportSourcesBody): Promise<ImportPreviewBody> {
  return parseResponse(importPreviewBody, await request(IMPORT_URL, jsonBody(sources)));
}

/** Creates the declaration from the reviewed preview: its id. */
export async function createFromPreview(preview: ImportPreviewBody): Promise<string> {
  return parseResponse(importedDeclaration, await request(IMPORT_URL, jsonBody(preview)), 201).id;
}

/** The preview of one language's text aligned with declaration `id`'s segments (I5), nothing stored. */
export async function previewImportInto(id: string, sources: ImportSourcesBody): Promise<ImportIntoPreviewBody> {
  return parseResponse(importIntoPreviewBody, await request(importIntoUrl(id), jsonBody(sources)));
}

/** Writes the reviewed preview into declaration `id`, as one change (I6–I8). */
export async function writeIntoDeclaration(id: string, preview: ImportIntoPreviewBody): Promise<ImportedLanguage> {
  return parseResponse(importedLanguage, await request(importIntoUrl(id), jsonBody(preview)));
}
