import type { ImportBlock } from './ImportBlock';
import { type BlockFeatures, blockFeatures } from './blockFeatures';
import { reorderListItems } from './reorderListItems';

/** One aligned pair: the blocks of each side it joins (none on a side that has no counterpart). */
export interface BlockPair {
  fr: ImportBlock[];
  ja: ImportBlock[];
  /** 0–1: how sure the aligner is that these blocks translate each other. */
  confidence: number;
}

/** The FR:JA length model: JA characters per FR character, and the variance per character. */
export interface LengthModel {
  ratio: number;
  variance: number;
}

/** Variance of the length difference per character. Gale and Church measured 6.8 between English,
 * French and German; French and Japanese differ more (tuned on tests/bench/import.bench.ts). */
export const DEFAULT_VARIANCE = 2;

/** The prior probability of each kind of match (Gale and Church's, as NLTK's reference has them). */
const PRIOR = { oneOne: 0.89, oneZero: 0.0099, merge: 0.089 } as const;

type Move = [number, number];
const MOVES: readonly Move[] = [
  [1, 1],
  [1, 0],
  [0, 1],
  [2, 1],
  [1, 2],
];

/**
 * Aligns the blocks of one section, French with Japanese, by a dynamic programme over 1–1, 1–0,
 * 0–1, 2–1 and 1–2 matches (Gale & Church 1993): each match costs −log of the probability of its
 * length difference under `model` and of its kind, plus what the anchors say — shared numbers
 * (dates, counts, editions, list numbering) and heading facing heading make a pair certain;
 * conflicting numbers or a heading facing a paragraph make it unlikely. Merges join only blocks
 * of one type (two paragraphs, two list items), never headings or tables.
 */
export function alignBlocks(fr: readonly ImportBlock[], ja: readonly ImportBlock[], model: LengthModel): { pairs: BlockPair[]; reordered: boolean } {
  const n = fr.length;
  const m = ja.length;
  // The programme tells pairs apart with the text's own variance; a pair's confidence judges it
  // alone, where one short block may stray from the text's average more: four times the variance.
  const loose: LengthModel = { ratio: model.ratio, variance: model.variance * 4 };
  const frF = fr.map(blockFeatures);
  const jaF = ja.map(blockFeatures);
  const cost = new Float64Array((n + 1) * (m + 1)).fill(Infinity);
  const back = new Int8Array((n + 1) * (m + 1)).fill(-1);
  const at = (i: number, j: number) => i * (m + 1) + j;
  cost[0] = 0;
  for (let i = 0; i <= n; i++) {
    for (let j = 0; j <= m; j++) {
      const base = cost[at(i, j)]!;
      if (base === Infinity) continue;
      for (let k = 0; k < MOVES.length; k++) {
        const [di, dj] = MOVES[k]!;
        if (i + di > n || j + dj > m) continue;
        const c = base + matchCost(i, di, j, dj);
        if (c < cost[at(i + di, j + dj)]!) {
          cost[at(i + di, j + dj)] = c;
          back[at(i + di, j + dj)] = k;
        }
      }
    }
  }
  const pairs: BlockPair[] = [];
  for (let i = n, j = m; i > 0 || j > 0; ) {
    const [di, dj] = MOVES[back[at(i, j)]!]!;
    i -= di;
    j -= dj;
    pairs.push({ fr: fr.slice(i, i + di), ja: ja.slice(j, j + dj), confidence: confidenceOf(i, di, j, dj) });
  }
  // The programme is monotone; a list whose items the translator put in another order is
  // repaired afterwards, by content.
  const single = (a: ImportBlock, b: ImportBlock, lengths: LengthModel = model) => evidenceOf([a], [b], [blockFeatures(a)], [blockFeatures(b)], lengths);
  const { pairs: reordered, moved } = reorderListItems(
    pairs.reverse(),
    (a, b) => -Math.log(PRIOR.oneOne) + single(a, b),
    (a, b) => confidenceFrom(single(a, b, loose), false),
    -Math.log(PRIOR.oneZero),
  );
  return { pairs: reordered, reordered: moved };

  function matchCost(i: number, di: number, j: number, dj: number): number {
    // A block without counterpart costs its prior alone: its length says nothing of a translation
    // that is not there (counting it would make the programme join a dropped paragraph to its
    // neighbour rather than leave it alone).
    if (di === 0 || dj === 0) return -Math.log(PRIOR.oneZero);
    const a = fr.slice(i, i + di);
    const b = ja.slice(j, j + dj);
    if ((di === 2 && !mergeable(a)) || (dj === 2 && !mergeable(b))) return Infinity;
    const prior = di === 1 && dj === 1 ? PRIOR.oneOne : PRIOR.merge;
    return -Math.log(prior) + evidence(i, di, j, dj);
  }

  /** The cost of a pair apart from its prior: its lengths and its anchors. */
  function evidence(i: number, di: number, j: number, dj: number, lengths: LengthModel = model): number {
    // The hot path of the programme: sums over one or two blocks, without building arrays.
    const a = frF[i]!;
    const b = jaF[j]!;
    const a2 = di === 2 ? frF[i + 1]! : null;
    const b2 = dj === 2 ? jaF[j + 1]! : null;
    return combine(
      a.length + (a2?.length ?? 0),
      b.length + (b2?.length ?? 0),
      a.sentences + (a2?.sentences ?? 0) - b.sentences - (b2?.sentences ?? 0),
      a.quotes + (a2?.quotes ?? 0) - b.quotes - (b2?.quotes ?? 0),
      anchorCost(fr[i]!, ja[j]!) + numberCost(a.numbers, a2?.numbers ?? null, b.numbers, b2?.numbers ?? null),
      lengths,
    );
  }

  function confidenceOf(i: number, di: number, j: number, dj: number): number {
    if (di === 0 || dj === 0) return 0;
    return confidenceFrom(evidence(i, di, j, dj, loose), di + dj > 2);
  }

}

/** The cost of pairing blocks `a` with blocks `b`, apart from the prior: their lengths and anchors. */
export function evidenceOf(a: readonly ImportBlock[], b: readonly ImportBlock[], fa: readonly BlockFeatures[], fb: readonly BlockFeatures[], model: LengthModel): number {
  return combine(
    total(fa, 'length'),
    total(fb, 'length'),
    total(fa, 'sentences') - total(fb, 'sentences'),
    total(fa, 'quotes') - total(fb, 'quotes'),
    anchorCost(a[0]!, b[0]!) + numberCost(fa[0]!.numbers, fa[1]?.numbers ?? null, fb[0]!.numbers, fb[1]?.numbers ?? null),
    model,
  );
}

function total(f: readonly BlockFeatures[], key: 'length' | 'sentences' | 'quotes'): number {
  let t = 0;
  for (const x of f) t += x[key];
  return t;
}

/**
 * Lengths under the model, plus the anchors. Translators keep sentences and quotations (« … »
 * becomes 「…」): each one more on a side makes the pair less likely.
 */
function combine(lf: number, lj: number, sentenceGap: number, quoteGap: number, anchors: number, model: LengthModel): number {
  return lengthCostOf(lf, lj, model) + anchors + Math.min(3, Math.abs(sentenceGap)) + Math.min(3, Math.abs(quoteGap));
}

/** A pair's confidence from its evidence: 1 for lengths in ratio or certain anchors, falling off as they disagree. */
function confidenceFrom(evidence: number, merged: boolean): number {
  const sure = Math.exp(-Math.max(0, evidence) / 3.5);
  return round(merged ? sure * 0.9 : sure);
}

function lengthCostOf(lf: number, lj: number, model: LengthModel): number {
  const expected = lf * model.ratio;
  const delta = (lj - expected) / Math.sqrt(model.variance * Math.max(1, (expected + lj) / 2));
  return -Math.log(Math.max(1e-12, 2 * (1 - normalCdf(Math.abs(delta)))));
}

/** What anchors add to a pair's cost: negative when they make it certain, positive when they contradict it. */
function anchorCost(first: ImportBlock, firstB: ImportBlock): number {
  let cost = 0;
  const typeA = first.type;
  const typeB = firstB.type;
  const headingA = typeA === 'heading';
  const listA = typeA === 'bullet' || typeA === 'ordered';
  const listB = typeB === 'bullet' || typeB === 'ordered';
  if (headingA !== (typeB === 'heading')) cost += 6;
  else if (headingA) cost -= 2;
  if ((typeA === 'table') !== (typeB === 'table')) cost += 8;
  else if (typeA === 'table') cost -= 3;
  if (listA !== listB) cost += 2;
  else if (listA && typeA !== typeB) cost += 1;
  if (first.type === 'ordered' && firstB.type === 'ordered') cost += first.number === firstB.number ? -3 : 3;
  return cost;
}

/**
 * Shared numbers make a pair certain; numbers on both sides that differ all but rule it out.
 * Each side is one block's numbers or two (a merge), read without building their union.
 */
function numberCost(a: Set<number>, a2: Set<number> | null, b: Set<number>, b2: Set<number> | null): number {
  let sizeA = a.size;
  let shared = 0;
  for (const x of a) if (b.has(x) || (b2 !== null && b2.has(x))) shared++;
  if (a2) {
    for (const x of a2) {
      if (a.has(x)) continue;
      sizeA++;
      if (b.has(x) || (b2 !== null && b2.has(x))) shared++;
    }
  }
  let sizeB = b.size;
  if (b2) for (const x of b2) if (!b.has(x)) sizeB++;
  if (sizeA === 0 && sizeB === 0) return 0;
  return shared > 0 ? (-3 * shared) / (sizeA + sizeB - shared) : sizeA > 0 && sizeB > 0 ? 3 : 1;
}

function mergeable(blocks: readonly ImportBlock[]): boolean {
  const [a, b] = blocks;
  if (!a || !b || a.type === 'heading' || a.type === 'table') return false;
  return a.type === b.type;
}


/** Φ, the standard normal distribution function (Abramowitz–Stegun 26.2.17, error < 7.5e-8). */
function normalCdf(z: number): number {
  const t = 1 / (1 + 0.2316419 * Math.abs(z));
  const d = 0.3989422804014327 * Math.exp((-z * z) / 2);
  const p = d * t * (0.31938153 + t * (-0.356563782 + t * (1.781477937 + t * (-1.821255978 + t * 1.330274429))));
  return z > 0 ? 1 - p : p;
}

function round(x: number): number {
  return Math.round(Math.min(1, Math.max(0, x)) * 100) / 100;
}
