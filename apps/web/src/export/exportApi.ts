import type { ExportLang } from '@accord/export/ExportFrame';
import type { ExportFormat } from '@accord/export/exportFilename';
import { apiErrorBody } from '@accord/protocol/rest/apiError';
import { type ExportQuery, exportQuery } from '@accord/protocol/rest/export';
import { ApiError, declarationUrl } from '../api/apiRequest';

/** The API address of an export; the query is checked against the contract the server applies. */
export function exportUrl(id: string, query: { format: ExportFormat; lang: ExportLang; version: string; comments?: boolean }): string {
  const { comments, ...rest } = query;
  const valid: ExportQuery = exportQuery.parse({ ...rest, ...(comments ? { comments: '1' } : {}) });
  // Without comments the address stays as it always was (no `comments=0`).
  const { comments: flag, ...plain } = valid;
  return `${declarationUrl(id)}/export?${new URLSearchParams(flag === '1' ? valid : plain)}`;
}

/**
 * Downloads an export as a file, under the name the server gives it (`filename*`, RFC 5987).
 * Fetched rather than linked, so that a refusal (a 503 without Chromium, a 409) is shown in the
 * dialog instead of being saved as a file of JSON. Throws an `ApiError` with the server's code.
 */
export async function downloadExport(url: string): Promise<void> {
  const response = await fetch(url, { credentials: 'same-origin' });
  if (!response.ok) {
    const parsed = apiErrorBody.safeParse(await response.json().catch(() => null));
    if (parsed.success) throw new ApiError(response.status, parsed.data.error.code, parsed.data.error.message);
    throw new ApiError(response.status, 'http_error', `HTTP ${response.status}`);
  }
  const blob = await response.blob();
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = filenameOf(response.headers.get('content-disposition')) ?? 'declaration';
  document.body.append(link);
  link.click();
  link.remove();
  // The click has started the download; the address can go once the event loop moves on.
  setTimeout(() => URL.revokeObjectURL(link.href), 0);
}

/** The file name of a Content-Disposition header: `filename*` (UTF-8) when present, else `filename`. */
export function filenameOf(header: string | null): string | null {
  if (!header) return null;
  const star = /filename\*=UTF-8''([^;]+)/i.exec(header);
  if (star?.[1]) {
    try {
      return decodeURIComponent(star[1]);
    } catch {
      // fall back to the plain name
    }
  }
  return /filename="([^"]*)"/i.exec(header)?.[1] ?? null;
}
