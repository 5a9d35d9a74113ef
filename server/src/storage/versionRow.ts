import type { ChangeCounts } from '@accord/diff/changeCounts';
import { VERSION_KINDS, type VersionKind, versionSummary } from '@accord/protocol/rest/versions';
import type { VersionRecord } from './Store';

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

export function toVersionRecord(row: VersionRow): VersionRecord {
  if (!(VERSION_KINDS as readonly string[]).includes(row.kind)) throw new Error(`versions: unknown kind ${JSON.stringify(row.kind)} for ${row.id}`);
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

/** The counts if the column holds two counts (the REST contract's shape); anything else reads as not recorded. */
function readChanges(column: string | null): ChangeCounts | null {
  if (column === null) return null;
  try {
    return versionSummary.shape.changes.parse(JSON.parse(column));
  } catch {
    // Not JSON at all: as the contract's `.catch(null)` reads a wrong shape.
    return null;
  }
}

/** What the `changes` column stores. */
export function changesColumn(changes: ChangeCounts | null): string | null {
  return changes === null ? null : JSON.stringify({ passages: changes.passages, sections: changes.sections });
}
