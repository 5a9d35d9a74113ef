import { type AuditEntry, auditList } from '@accord/protocol/rest/audit';
import { declarationUrl, parseResponse, request } from './apiRequest';

export type { AuditEntry };

/** The declaration's audit log (W8), as the server keeps it: append-only, oldest first. */
export async function listAudit(id: string, signal?: AbortSignal): Promise<AuditEntry[]> {
  return parseResponse(auditList, await request(`${declarationUrl(id)}/audit`, { signal })).entries;
}
