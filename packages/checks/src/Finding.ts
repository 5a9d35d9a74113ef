import type { Lang } from '@accord/model/declarationLayout';

/** The rules of the review (docs/review-checks.md); a finding's `rule` is one of these, stable. */
export const RULES = [
  'numbers',
  'dates',
  'weekday',
  'ordinals',
  'edition',
  'outside-meeting',
  'counts',
  'untranslated',
  'typography-fr',
  'typography-ja',
  'glossary',
] as const;
export type Rule = (typeof RULES)[number];

export type Severity = 'error' | 'warning';

/** A message in each interface language. */
export interface Messages {
  fr: string;
  ja: string;
  en: string;
}

/**
 * One problem the review found. `id` is stable while the evidence is the same: a dismissal
 * (« not an error ») names it, and a change to the evidence makes a new finding.
 */
export interface Finding {
  id: string;
  rule: Rule;
  severity: Severity;
  /** The section of the passage; for a declaration-level finding, the first section it concerns. */
  sectionId: string;
  /** The segment flagged, or `null` for the declaration's metadata (the title). */
  sid: string | null;
  /** Which side is at fault, or `both` when it is the pair that disagrees. */
  lang: Lang | 'both';
  /** What was read on each side (the words or figures concerned). */
  evidence: { fr?: string; ja?: string };
  message: Messages;
}

/** FNV-1a, 32 bits, as base 36: a short fingerprint for finding ids (not a security hash). */
export function shortHash(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(36);
}

/** Builds a finding, its id derived from the rule, the place and the evidence. */
export function finding(
  rule: Rule,
  severity: Severity,
  place: { sectionId: string; sid: string | null },
  lang: Lang | 'both',
  evidence: { fr?: string; ja?: string },
  message: Messages,
  /** What distinguishes two findings of one rule on one segment (e.g. the kind of typography error). */
  detail = '',
): Finding {
  const id = `${rule}:${place.sid ?? place.sectionId}:${shortHash(`${detail}\u0000${evidence.fr ?? ''}\u0000${evidence.ja ?? ''}`)}`;
  return { id, rule, severity, sectionId: place.sectionId, sid: place.sid, lang, evidence, message };
}
