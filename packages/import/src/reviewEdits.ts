import type { Lang } from '@accord/model/declarationLayout';
import type { PairSegment, PairType, PreviewPair } from './ImportPreview';

/**
 * The review screen's edits of one section's pairs, pure: each returns new pairs and leaves its
 * input alone. A pair the user made or fixed counts as looked at: it is accepted when both sides
 * have text (`accepted: true`), and alone on one side when not.
 *
 * In the preview of an import into an existing declaration, `kept` is the language the
 * declaration already has: its blocks are segments of the declaration (`PreviewPair.segments`),
 * and those travel with their blocks wherever an edit moves them.
 */

interface Cell {
  text: string;
  type: PairType;
  table?: string[][];
  /** The table's first row is a header row. */
  header?: boolean;
  number?: number;
  segments?: PairSegment[];
}

const other = (lang: Lang): Lang => (lang === 'fr' ? 'ja' : 'fr');

/** Pair `i` and the next one become one (their blocks joined, in order, by `\n`). */
export function mergeWithNext(pairs: readonly PreviewPair[], i: number): PreviewPair[] {
  const a = pairs[i];
  const b = pairs[i + 1];
  if (!a || !b) return [...pairs];
  const join = (x: string, y: string) => [x, y].filter((s) => s !== '').join('\n');
  const merged: PreviewPair = { ...a, fr: join(a.fr, b.fr), ja: join(a.ja, b.ja), confidence: 1, accepted: true };
  const segments = [...(a.segments ?? []), ...(b.segments ?? [])];
  if (segments.length > 0) merged.segments = segments;
  if (a.type === 'table' || b.type === 'table') {
    merged.table = { fr: [...(a.table?.fr ?? []), ...(b.table?.fr ?? [])], ja: [...(a.table?.ja ?? []), ...(b.table?.ja ?? [])] };
    if (a.table?.header) merged.table.header = true;
  }
  return [...pairs.slice(0, i), settle(merged), ...pairs.slice(i + 2)];
}

/**
 * Pair `i` becomes two: each side is cut at its first join (`\n`), the part after it going to
 * the second pair; a pair with no join on either side is unpaired (French alone, then Japanese alone).
 */
export function splitPair(pairs: readonly PreviewPair[], i: number, kept?: Lang): PreviewPair[] {
  const p = pairs[i];
  if (!p) return [...pairs];
  const { segments, ...rest } = p;
  const withSegments = (x: PreviewPair, s: PairSegment[] | undefined): PreviewPair => (s && s.length > 0 ? { ...x, segments: s } : x);
  const cut = (s: string): [string, string] => {
    const at = s.indexOf('\n');
    return at < 0 ? [s, ''] : [s.slice(0, at), s.slice(at + 1)];
  };
  let first: PreviewPair;
  let second: PreviewPair;
  if (p.fr.includes('\n') || p.ja.includes('\n')) {
    const [fr1, fr2] = cut(p.fr);
    const [ja1, ja2] = cut(p.ja);
    // The declaration's side is cut at a join of its blocks: its first segment stays in front.
    const joined = kept !== undefined && p[kept].includes('\n') && p.type !== 'table';
    first = withSegments({ ...rest, fr: fr1, ja: ja1 }, joined ? segments?.slice(0, 1) : segments);
    second = withSegments({ ...rest, fr: fr2, ja: ja2 }, joined ? segments?.slice(1) : undefined);
  } else {
    first = withSegments({ ...rest, ja: '' }, kept === 'fr' ? segments : undefined);
    second = withSegments({ ...rest, fr: '' }, kept === 'ja' ? segments : undefined);
  }
  return [...pairs.slice(0, i), settle(first), settle(second), ...pairs.slice(i + 1)].filter((x) => x.fr !== '' || x.ja !== '');
}

/** Whether the `lang` block of pair `i` can move up: the cell above it on that side is empty. */
export function canShiftUp(pairs: readonly PreviewPair[], i: number, lang: Lang): boolean {
  return i > 0 && pairs[i - 1]![lang] === '' && pairs[i]![lang] !== '';
}

/**
 * Moves the `lang` blocks from pair `i` on by one pair, the other language staying put: `down`
 * leaves an empty cell at `i` (a block missing on the other side), `up` fills the empty cell
 * above (see `canShiftUp`). Pairs left empty on both sides disappear.
 */
export function shiftSide(pairs: readonly PreviewPair[], i: number, lang: Lang, direction: 'up' | 'down', kept?: Lang): PreviewPair[] {
  if (direction === 'up' && !canShiftUp(pairs, i, lang)) return [...pairs];
  const cellOf = (p: PreviewPair, side: Lang) => sideCell(p, side, side === kept);
  const cells = pairs.map((p) => cellOf(p, lang));
  if (direction === 'down') cells.splice(i, 0, { text: '', type: pairs[i]?.type ?? 'paragraph' });
  else cells.splice(i - 1, 1);
  const out: PreviewPair[] = [];
  const n = Math.max(cells.length, pairs.length);
  for (let k = 0; k < n; k++) {
    const fixed = pairs[k] ? cellOf(pairs[k]!, other(lang)) : { text: '', type: cells[k]!.type };
    const moved = cells[k] ?? { text: '', type: fixed.type };
    const changed = k >= Math.min(i, direction === 'up' ? i - 1 : i);
    const pair = pairOf(lang === 'fr' ? moved : fixed, lang === 'fr' ? fixed : moved, pairs[k]);
    out.push(changed ? settle(pair) : pair);
  }
  return out.filter((p) => p.fr !== '' || p.ja !== '');
}

/** The `lang` block of pair `i` has no translation: the other side's blocks from there on move down. */
export function markUntranslated(pairs: readonly PreviewPair[], i: number, lang: Lang, kept?: Lang): PreviewPair[] {
  return shiftSide(pairs, i, other(lang), 'down', kept);
}

/** One side of a pair; `declaration`: it is the declaration's own side, whose segments it carries. */
function sideCell(p: PreviewPair, lang: Lang, declaration: boolean): Cell {
  const cell: Cell = { text: p[lang], type: p.type };
  if (declaration && p.segments) cell.segments = p.segments;
  if (p.table) cell.table = p.table[lang];
  if (p.table?.header) cell.header = true;
  if (p.number !== undefined) cell.number = p.number;
  return cell;
}

function pairOf(fr: Cell, ja: Cell, was: PreviewPair | undefined): PreviewPair {
  const lead = fr.text !== '' ? fr : ja;
  const pair: PreviewPair = { type: lead.type, fr: fr.text, ja: ja.text, confidence: was?.confidence ?? 0 };
  if (was?.accepted !== undefined) pair.accepted = was.accepted;
  if (lead.number !== undefined) pair.number = lead.number;
  const segments = fr.segments ?? ja.segments;
  if (segments) pair.segments = segments;
  if (fr.table || ja.table) {
    pair.table = { fr: fr.table ?? [], ja: ja.table ?? [] };
    if (fr.header || ja.header) pair.table.header = true;
  }
  return pair;
}

/** A pair the user placed: certain when both sides have text, one-sided otherwise. */
function settle(p: PreviewPair): PreviewPair {
  const both = p.fr !== '' && p.ja !== '';
  return { ...p, confidence: both ? 1 : 0, accepted: both };
}
