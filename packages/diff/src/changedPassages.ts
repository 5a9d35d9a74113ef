import type { DeclarationDiff } from './diffDeclarations';

/**
 * The segment ids whose French or Japanese text differs between the two versions of `diff` —
 * added, removed or rewritten; a passage only moved, with its text intact, is not counted — in
 * reading order, each once: what « N passages changed since your last visit » counts.
 */
export function changedPassages(diff: DeclarationDiff): string[] {
  const out: string[] = [];
  for (const section of diff.sections) for (const segment of section.segments) if (segment.textChanged) out.push(segment.sid);
  return [...new Set(out)];
}
