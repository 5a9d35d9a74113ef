import type { ChangeCounts } from '@accord/diff/changeCounts';
import type { VersionKind, VersionRecord } from './Store';

/** A row of the `versions` table as both SQL stores read it. */
export interface VersionRow {
  id: string;
  kind: string;
  label: string | null;
  author: string | null;
  created_at: string | Date;
  hash: string;
  /** `ChangeCounts` as JSON, or null. */
  changes: string | null;
}

const KINDS: readonly VersionKind[] = ['named', 'automatic', 'before-restore', 'before-removal', 'adopted'];

export function toVersionRecord(row: VersionRow): VersionRecord {
  if (!(KINDS as readonly string[]).includes(row.kind)) throw new Error(`versions: unknown kind ${JSON.stringify(row.kind)} for ${row.id}`);
  return {
    id: row.id,
    kind: row.kind as VersionKind,
    label: row.label,
    author: row.author,
    createdAt: typeof row.created_at === 'string' ? row.created_at : row.created_at.toISOString(),
    hash: row.hash,
    changes: readChanges(row.changes),
  };
}

/** The counts if the column holds two counts; anything else reads as not recorded. */
function readChanges(column: string | null): ChangeCounts | null {
  if (column === null) return null;
  try {
    const value: unknown = JSON.parse(column);
    if (typeof value !== 'object' || value === null) return null;
    const { passages, sections } = value as Record<string, unknown>;
    return Number.isInteger(passages) && Number.isInteger(sections) ? { passages: passages as number, sections: sections as number } : null;
  } catch {
    return null;
  }
}

/** What the `changes` column stores. */
export function changesColumn(changes: ChangeCounts | null): string | null {
  return changes === null ? null : JSON.stringify({ passages: changes.passages, sections: changes.sections });
}
