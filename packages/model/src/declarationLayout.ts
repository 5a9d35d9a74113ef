/**
 * The layout of one declaration inside one Y.Doc. Every Yjs client (the web editor, the server,
 * an export script) reads and writes the document through these names, so they are the contract;
 * `docs/document-model.md` describes the same layout in prose.
 */
import * as Y from 'yjs';

export const LANGS = ['fr', 'ja'] as const;
export type Lang = (typeof LANGS)[number];

/** A string in both languages. */
export interface Bilingual {
  fr: string;
  ja: string;
}

export const SECTION_KINDS = [
  'preamble',
  'context',
  'theme',
  'plenary',
  'workshop',
  'conclusion',
  'closing',
  'other',
] as const;
export type SectionKind = (typeof SECTION_KINDS)[number];

/** Textblocks: the nodes whose text forms a segment and which carry a `sid` attribute. */
export const TEXTBLOCK_TYPES = ['paragraph', 'heading'] as const;

/** Root map of declaration-wide metadata. */
export const META = 'meta';
/** Root array of `Y.Map` sections, in reading order. */
export const SECTIONS = 'sections';

/** Name of the root `Y.XmlFragment` holding one section's text in one language (TipTap's `field`). */
export function fragmentName(sectionId: string, lang: Lang): string {
  return `section/${sectionId}/${lang}`;
}

/** The section and language of a root name `fragmentName` made; `null` for any other root. */
export function parseFragmentName(name: string): { sectionId: string; lang: Lang } | null {
  const match = /^section\/([^/]+)\/([^/]+)$/.exec(name);
  if (!match || !(LANGS as readonly string[]).includes(match[2]!)) return null;
  return { sectionId: match[1]!, lang: match[2] as Lang };
}

export function getMeta(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap(META);
}

export function getSections(doc: Y.Doc): Y.Array<Y.Map<unknown>> {
  return doc.getArray<Y.Map<unknown>>(SECTIONS);
}

export function getFragment(doc: Y.Doc, sectionId: string, lang: Lang): Y.XmlFragment {
  return doc.getXmlFragment(fragmentName(sectionId, lang));
}

export interface SectionEntry {
  id: string;
  kind: SectionKind;
  map: Y.Map<unknown>;
}

/**
 * The sections in reading order, as every reader sees them: whatever another Yjs client may have
 * written, entries that are not maps, lack an id or repeat one are skipped, and unknown kinds read
 * as `other`.
 *
 * Reading order is by each entry's `position` (a finite number), not by its place in the array, so
 * that moving a section only sets one key of its own map ("Sections array edits" in
 * docs/document-model.md). An entry without a valid position (an older declaration, a foreign
 * writer) reads right after the entry before it in the array; ties keep array order.
 */
export function sectionEntries(doc: Y.Doc): SectionEntry[] {
  const seen = new Set<string>();
  const entries: SectionEntry[] = [];
  for (const { map } of orderedSectionMaps(doc)) {
    const id = map.get('id');
    if (typeof id !== 'string' || id === '' || seen.has(id)) continue;
    seen.add(id);
    const kind = map.get('kind');
    entries.push({ id, kind: isSectionKind(kind) ? kind : 'other', map });
  }
  return entries;
}

/** Every map of the `sections` array with its effective position, in reading order (repeats included). */
export function orderedSectionMaps(doc: Y.Doc): Array<{ map: Y.Map<unknown>; position: number; index: number }> {
  const placed: Array<{ map: Y.Map<unknown>; position: number; index: number }> = [];
  let previous = Number.NEGATIVE_INFINITY;
  getSections(doc).forEach((map, index) => {
    if (!(map instanceof Y.Map)) return;
    const own = map.get('position');
    const position = typeof own === 'number' && Number.isFinite(own) ? own : previous;
    previous = position;
    placed.push({ map, position, index });
  });
  // Array.prototype.sort is stable: equal positions keep array order.
  return placed.sort((a, b) => (a.position < b.position ? -1 : a.position > b.position ? 1 : 0));
}

export function isSectionKind(value: unknown): value is SectionKind {
  return typeof value === 'string' && (SECTION_KINDS as readonly string[]).includes(value);
}

/** A `{fr, ja}` pair stored as a nested `Y.Map`, so the two languages can be edited concurrently. */
export function newBilingualMap(value: Bilingual): Y.Map<string> {
  const map = new Y.Map<string>();
  map.set('fr', value.fr);
  map.set('ja', value.ja);
  return map;
}

/**
 * Reads a `{fr, ja}` pair. Tolerates any shape another client may have written (a plain object,
 * a missing key): the result always has two strings, so readers never crash on foreign input.
 */
export function readBilingual(value: unknown): Bilingual {
  const get = (lang: Lang): unknown =>
    value instanceof Y.Map ? value.get(lang) : typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[lang] : undefined;
  const str = (v: unknown) => (typeof v === 'string' ? v : '');
  return { fr: str(get('fr')), ja: str(get('ja')) };
}
