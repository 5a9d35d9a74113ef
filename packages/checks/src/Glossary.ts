import { GLOSSARY } from '@accord/permissions/writeTarget';
import type * as Y from 'yjs';

/** One pair of terms the two texts must translate consistently: « coopération décentralisée » ↔ 自治体間協力. */
export interface GlossaryEntry {
  id: string;
  fr: string;
  ja: string;
}

/** Longest terms on each side, so that an entry cannot be made to match everything. */
export const MAX_TERM_LENGTH = 120;

/** The glossary as plain entries, sorted by French term; entries of a foreign shape are skipped. */
export function readGlossary(doc: Y.Doc): GlossaryEntry[] {
  const entries: GlossaryEntry[] = [];
  doc.getMap(GLOSSARY).forEach((value, id) => {
    if (typeof value !== 'object' || value === null) return;
    const { fr, ja } = value as Record<string, unknown>;
    if (typeof fr !== 'string' || typeof ja !== 'string' || !fr.trim() || !ja.trim()) return;
    entries.push({ id, fr: fr.trim().slice(0, MAX_TERM_LENGTH), ja: ja.trim().slice(0, MAX_TERM_LENGTH) });
  });
  return entries.sort((a, b) => a.fr.localeCompare(b.fr, 'fr'));
}

/** Adds or replaces an entry (one map key per entry, so two committees adding terms never collide). */
export function writeGlossaryEntry(doc: Y.Doc, entry: GlossaryEntry): void {
  doc.getMap(GLOSSARY).set(entry.id, { fr: entry.fr, ja: entry.ja });
}

export function deleteGlossaryEntry(doc: Y.Doc, id: string): void {
  doc.getMap(GLOSSARY).delete(id);
}
