import type { Bilingual } from '@accord/model/declarationLayout';
import type { DeclarationJson } from '@accord/model/readDeclaration';
import {
  createdDeclaration,
  type DeclarationList,
  declarationJson,
  declarationList,
  type DeclarationSummary,
} from '@accord/protocol/rest/declarations';
import { declarationUrl, parseResponse, request } from './apiRequest';
import { jsonBody } from './jsonBody';

export type { DeclarationSummary };

/** The declarations this browser may open, and whether it is signed in as administrator. */
export async function listDeclarations(signal?: AbortSignal): Promise<DeclarationList> {
  return parseResponse(declarationList, await request('/api/declarations', { signal }));
}

export async function createDeclaration(title: Bilingual): Promise<string> {
  return parseResponse(createdDeclaration, await request('/api/declarations', jsonBody({ title })), 201).id;
}

/** The live declaration as plain JSON (docs/document-model.md). */
export async function getDeclaration(id: string, signal?: AbortSignal): Promise<DeclarationJson> {
  return parseResponse(declarationJson, await request(`${declarationUrl(id)}`, { signal }));
}
