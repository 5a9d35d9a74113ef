import type { ImportBlock } from './ImportBlock';
import { blockLength, blockNumbers } from './anchors';
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
export const DEFAULT_VARIANCE = 9;

/** The prior probability of each kind of match (Gale and Church's, with 1–0 and 0–1 halved). */
const PRIOR = { oneOne: 0.89, oneZero: 0.005, merge: 0.045 } as const;

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
  const frLen = fr.map(blockLength);
  const jaLen = ja.map(blockLength);
  const frNum = fr.map(blockNumbers);
  const jaNum = ja.map(blockNumbers);
  const cost = new Float64Array((n + 1) * (m + 1)).fill(Infinity);
  const back = new Int8Array((n + 1) * (m + 1)).fill(-1);
  const at = (i: number, j: number) => i * (m + 1) + j;
  cost[0] = 0;
  for (let i = 0; i <= n; i++) {
    for (let j = 0; j <= m; j++) {
      const base = cost[at(i, j)]!;
      if (base === Infinity) continue;
      MOVES.forEach(([di, dj], k) => {
        if (i + di > n || j + dj > m) return;
        const c = base + matchCost(i, di, j, dj);
        if (c < cost[at(i + di, j + dj)]!) {
          cost[at(i + di, j + dj)] = c;
          back[at(i + di, j + dj)] = k;
        }
      });
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
  const single = (a: ImportBlock, b: ImportBlock) => evidenceOf(blockLength(a), blockLength(b), [a], [b], blockNumbers(a), blockNumbers(b), model);
  const { pairs: reordered, moved } = reorderListItems(pairs.reverse(), single, (a, b) => confidenceFrom(single(a, b), false));
  return { pairs: reordered, reordered: moved };

  function matchCost(i: number, di: number, j: number, dj: number): number {
    if (di === 0 || dj === 0) return -Math.log(PRIOR.oneZero) + lengthCost(di ? frLen[i]! : 0, dj ? jaLen[j]! : 0);
    const a = fr.slice(i, i + di);
    const b = ja.slice(j, j + dj);
    if ((di === 2 && !mergeable(a)) || (dj === 2 && !mergeable(b))) return Infinity;
    const prior = di === 1 && dj === 1 ? PRIOR.oneOne : PRIOR.merge;
    return -Math.log(prior) + evidence(i, di, j, dj);
  }

  /** The cost of a pair apart from its prior: its lengths and its anchors. */
  function evidence(i: number, di: number, j: number, dj: number): number {
    return evidenceOf(sum(frLen, i, di), sum(jaLen, j, dj), fr.slice(i, i + di), ja.slice(j, j + dj), union(frNum, i, di), union(jaNum, j, dj), model);
  }

  function confidenceOf(i: number, di: number, j: number, dj: number): number {
    if (di === 0 || dj === 0) return 0;
    return confidenceFrom(evidence(i, di, j, dj), di + dj > 2);
  }

  function lengthCost(lf: number, lj: number): number {
    return lengthCostOf(lf, lj, model);
  }
}

function evidenceOf(lf: number, lj: number, a: readonly ImportBlock[], b: readonly ImportBlock[], na: Set<number>, nb: Set<number>, model: LengthModel): number {
  return Math.max(-4, lengthCostOf(lf, lj, model) + anchorCost(a, b, na, nb));
}

/** A pair's confidence from its evidence: 1 for lengths in ratio or certain anchors, falling off as they disagree. */
function confidenceFrom(evidence: number, merged: boolean): number {
  const sure = Math.exp(-Math.max(0, evidence) / 2.5);
  return round(merged ? sure * 0.9 : sure);
}

function lengthCostOf(lf: number, lj: number, model: LengthModel): number {
  const expected = lf * model.ratio;
  const delta = (lj - expected) / Math.sqrt(model.variance * Math.max(1, (expected + lj) / 2));
  return -Math.log(Math.max(1e-12, 2 * (1 - normalCdf(Math.abs(delta)))));
}

/** What anchors add to a pair's cost: negative when they make it certain, positive when they contradict it. */
function anchorCost(a: readonly ImportBlock[], b: readonly ImportBlock[], na: Set<number>, nb: Set<number>): number {
  let cost = 0;
  const typeA = a[0]!.type;
  const typeB = b[0]!.type;
  const heading = (t: string) => t === 'heading';
  const list = (t: string) => t === 'bullet' || t === 'ordered';
  if (heading(typeA) !== heading(typeB)) cost += 6;
  else if (heading(typeA)) cost -= 2;
  if ((typeA === 'table') !== (typeB === 'table')) cost += 8;
  else if (typeA === 'table') cost -= 3;
  if (list(typeA) !== list(typeB)) cost += 2;
  else if (list(typeA) && typeA !== typeB) cost += 1;
  const first = a[0]!;
  const firstB = b[0]!;
  if (first.type === 'ordered' && firstB.type === 'ordered') cost += first.number === firstB.number ? -3 : 3;
  if (na.size > 0 || nb.size > 0) {
    let shared = 0;
    for (const x of na) if (nb.has(x)) shared++;
    const jaccard = shared / (na.size + nb.size - shared);
    cost += shared > 0 ? -5 * jaccard : na.size > 0 && nb.size > 0 ? 3 : 1;
  }
  return cost;
}

function mergeable(blocks: readonly ImportBlock[]): boolean {
  const [a, b] = blocks;
  if (!a || !b || a.type === 'heading' || a.type === 'table') return false;
  return a.type === b.type;
}

function sum(lengths: readonly number[], from: number, count: number): number {
  let s = 0;
  for (let k = from; k < from + count; k++) s += lengths[k]!;
  return s;
}

function union(sets: readonly Set<number>[], from: number, count: number): Set<number> {
  return count === 1 ? sets[from]! : new Set([...sets[from]!, ...sets[from + 1]!]);
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
