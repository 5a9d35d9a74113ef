import type { AuditEntry } from '../api/auditApi';

/** What the audit log is narrowed to; `''` for "any". */
export interface AuditFilter {
  actor: string;
  action: string;
  sectionId: string;
}

export const NO_AUDIT_FILTER: AuditFilter = { actor: '', action: '', sectionId: '' };

/** Entries a page of the audit log shows. */
export const AUDIT_PAGE_SIZE = 25;

/** The entries matching every set criterion, newest first. */
export function filterAudit(entries: readonly AuditEntry[], filter: AuditFilter): AuditEntry[] {
  return entries
    .filter((e) => (filter.actor === '' || e.actor.name === filter.actor) && (filter.action === '' || e.action === filter.action) && (filter.sectionId === '' || e.sectionId === filter.sectionId))
    .sort((a, b) => b.seq - a.seq);
}

/** The distinct values a filter can take, in the order a reader looks for them. */
export function auditChoices(entries: readonly AuditEntry[]): { actors: string[]; actions: string[]; sections: string[] } {
  const distinct = (values: Array<string | null>) => [...new Set(values.filter((v): v is string => v !== null && v !== ''))].sort((a, b) => a.localeCompare(b));
  return {
    actors: distinct(entries.map((e) => e.actor.name)),
    actions: distinct(entries.map((e) => e.action)),
    sections: [...new Set(entries.map((e) => e.sectionId).filter((v): v is string => !!v))],
  };
}
