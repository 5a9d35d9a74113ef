import { badResponse, declarationUrl, request } from './apiRequest';

export interface AuditEntry {
  seq: number;
  at: string;
  actor: { name: string; role: string };
  action: string;
  sectionId: string | null;
  /** What the server recorded with the action (a comment, a reason, a version…); any JSON. */
  detail: unknown;
  hash: string | null;
}

/** The declaration's audit log (W8), as the server keeps it: append-only, oldest first. */
export async function listAudit(id: string, signal?: AbortSignal): Promise<AuditEntry[]> {
  const body = await request(`${declarationUrl(id)}/audit`, { signal });
  const list = (body as { entries?: unknown } | null)?.entries;
  if (!Array.isArray(list)) throw badResponse();
  return list.flatMap((raw): AuditEntry[] => {
    if (typeof raw !== 'object' || raw === null) return [];
    const e = raw as Record<string, unknown>;
    const actor = e.actor as Record<string, unknown> | undefined;
    if (typeof e.seq !== 'number' || typeof e.at !== 'string' || typeof e.action !== 'string') return [];
    return [
      {
        seq: e.seq,
        at: e.at,
        actor: { name: typeof actor?.name === 'string' ? actor.name : '', role: typeof actor?.role === 'string' ? actor.role : '' },
        action: e.action,
        sectionId: typeof e.sectionId === 'string' ? e.sectionId : null,
        detail: e.detail ?? null,
        hash: typeof e.hash === 'string' ? e.hash : null,
      },
    ];
  });
}
