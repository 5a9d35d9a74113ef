import type { VersionKind, VersionRecord } from './Store';

/** A row of the `versions` table as both SQL stores read it. */
export interface VersionRow {
  id: string;
  kind: string;
  label: string | null;
  author: string | null;
  created_at: string | Date;
  hash: string;
}

const KINDS: readonly VersionKind[] = ['named', 'automatic', 'before-restore', 'before-removal'];

export function toVersionRecord(row: VersionRow): VersionRecord {
  if (!(KINDS as readonly string[]).includes(row.kind)) throw new Error(`versions: unknown kind ${JSON.stringify(row.kind)} for ${row.id}`);
  return {
    id: row.id,
    kind: row.kind as VersionKind,
    label: row.label,
    author: row.author,
    createdAt: typeof row.created_at === 'string' ? row.created_at : row.created_at.toISOString(),
    hash: row.hash,
  };
}
