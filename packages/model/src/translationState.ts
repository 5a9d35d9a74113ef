import * as Y from 'yjs';
import type { Lang } from './declarationLayout';
import type { SectionJson, Segment } from './readDeclaration';

/**
 * Root map of translation confirmations: segment id → the French and Japanese texts (as hashes)
 * that a committee member last confirmed as matching, who did, and when. One plain value per
 * segment: a confirmation is atomic, and the later of two concurrent ones wins.
 */
export const TRANSLATIONS = 'translations';

export interface Confirmation {
  fr: string;
  ja: string;
  by: string;
  /** ISO time. */
  at: string;
}

/**
 * - `in-sync`: both texts are as they were when last confirmed (or both are empty);
 * - `untranslated`: one side has text, the other has none (`missing` says which);
 * - `needs-review`: a side changed since the confirmation, or the pair was never confirmed;
 *   `review` says which side to look at: the side that did *not* change is the stale translation.
 */
export type TranslationState = 'in-sync' | 'untranslated' | 'needs-review';

export interface SegmentTranslation {
  sid: string;
  state: TranslationState;
  review: Lang | 'both' | null;
  missing: Lang | null;
}

export interface TranslationCounts {
  inSync: number;
  stale: number;
  untranslated: number;
}

/**
 * A short, synchronous fingerprint of a text (53-bit cyrb53 over its NFC form, as hex). It detects
 * change, it is not a security hash: the browser computes it on every keystroke, where WebCrypto's
 * SHA-256 would be asynchronous. NFC so that an IME's composed and decomposed forms compare equal.
 */
export function textHash(text: string): string {
  const s = text.normalize('NFC');
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16);
}

export function getTranslations(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap(TRANSLATIONS);
}

/** The confirmations in the document; entries of a foreign shape are ignored. */
export function readConfirmations(doc: Y.Doc): Map<string, Confirmation> {
  const out = new Map<string, Confirmation>();
  getTranslations(doc).forEach((value, sid) => {
    if (isConfirmation(value)) out.set(sid, value);
  });
  return out;
}

/** Records that the two texts of `segment` match, as they are now. */
export function confirmTranslation(doc: Y.Doc, segment: Segment, by: string, at: Date = new Date()): void {
  const confirmation: Confirmation = { fr: textHash(segment.fr), ja: textHash(segment.ja), by, at: at.toISOString() };
  getTranslations(doc).set(segment.sid, confirmation);
}

export function segmentTranslation(segment: Segment, confirmation: Confirmation | undefined): SegmentTranslation {
  const { sid, fr, ja } = segment;
  const frEmpty = fr.trim() === '';
  const jaEmpty = ja.trim() === '';
  if (frEmpty && jaEmpty) return { sid, state: 'in-sync', review: null, missing: null };
  if (frEmpty || jaEmpty) return { sid, state: 'untranslated', review: null, missing: frEmpty ? 'fr' : 'ja' };
  if (!confirmation) return { sid, state: 'needs-review', review: 'both', missing: null };
  const frChanged = textHash(fr) !== confirmation.fr;
  const jaChanged = textHash(ja) !== confirmation.ja;
  if (!frChanged && !jaChanged) return { sid, state: 'in-sync', review: null, missing: null };
  return { sid, state: 'needs-review', review: frChanged && jaChanged ? 'both' : frChanged ? 'ja' : 'fr', missing: null };
}

/** How many of `states` are in sync, stale (needing review) and untranslated. */
export function tallyStates(states: Iterable<TranslationState>): TranslationCounts {
  const counts: TranslationCounts = { inSync: 0, stale: 0, untranslated: 0 };
  for (const state of states) counts[state === 'in-sync' ? 'inSync' : state === 'untranslated' ? 'untranslated' : 'stale']++;
  return counts;
}

export function addCounts(a: TranslationCounts, b: TranslationCounts): TranslationCounts {
  return { inSync: a.inSync + b.inSync, stale: a.stale + b.stale, untranslated: a.untranslated + b.untranslated };
}

/** Segments in sync, stale and untranslated, per section and for the whole declaration. */
export function translationCounts(
  sections: readonly SectionJson[],
  confirmations: ReadonlyMap<string, Confirmation>,
): { total: TranslationCounts; sections: Record<string, TranslationCounts> } {
  let total = tallyStates([]);
  const perSection: Record<string, TranslationCounts> = {};
  for (const section of sections) {
    const counts = tallyStates(section.segments.map((segment) => segmentTranslation(segment, confirmations.get(segment.sid)).state));
    perSection[section.id] = counts;
    total = addCounts(total, counts);
  }
  return { total, sections: perSection };
}

function isConfirmation(value: unknown): value is Confirmation {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.fr === 'string' && typeof v.ja === 'string' && typeof v.by === 'string' && typeof v.at === 'string';
}
