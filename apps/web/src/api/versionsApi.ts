import type { DeclarationDiff } from '@accord/diff/diffDeclarations';
import {
  declarationDiff,
  savedVersion,
  type SavedVersion,
  versionContent,
  type VersionContent,
  versionList,
  type VersionSummary,
} from '@accord/protocol/rest/versions';
import { declarationUrl, parseResponse, request } from './apiRequest';
import { jsonBody } from './jsonBody';

export type { VersionContent, VersionSummary };

/** `to` of a comparison: a version id, or the live text. */
export const CURRENT = 'current';

/** Newest first, as the server lists them. */
export async function listVersions(id: string, signal?: AbortSignal): Promise<VersionSummary[]> {
  return parseResponse(versionList, await request(`${declarationUrl(id)}/versions`, { signal })).versions;
}

export async function saveVersion(id: string, label: string, author: string): Promise<SavedVersion> {
  return parseResponse(savedVersion, await request(`${declarationUrl(id)}/versions`, jsonBody({ label, author })), 201);
}

export async function getVersion(id: string, versionId: string, signal?: AbortSignal): Promise<VersionContent> {
  return parseResponse(versionContent, await request(`${declarationUrl(id)}/versions/${encodeURIComponent(versionId)}`, { signal }));
}

export async function restoreVersion(id: string, versionId: string, author: string): Promise<void> {
  await request(`${declarationUrl(id)}/versions/${encodeURIComponent(versionId)}/restore`, jsonBody({ author }));
}

export async function getDiff(id: string, from: string, to: string, signal?: AbortSignal): Promise<DeclarationDiff> {
  const query = new URLSearchParams({ from, to });
  return parseResponse(declarationDiff, await request(`${declarationUrl(id)}/diff?${query}`, { signal }));
}
