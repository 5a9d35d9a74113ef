import type { ImportBlock } from './ImportBlock';
import type { BlockPair } from './alignBlocks';

/**
 * Lists a translator reordered: within a run of consecutive 1–1 pairs of list items, pairs the
 * items by the cheapest assignment (greedy on `cost`) instead of by position, when that is clearly
 * cheaper (by `margin`). Returns the pairs (Japanese items moved to face their French items, so
 * the Japanese list takes the French order) and whether anything moved.
 */
export function reorderListItems(
  pairs: readonly BlockPair[],
  cost: (fr: ImportBlock, ja: ImportBlock) => number,
  confidence: (fr: ImportBlock, ja: ImportBlock) => number,
  margin = 2,
): { pairs: BlockPair[]; moved: boolean } {
  const out = [...pairs];
  let moved = false;
  const isItem = (p: BlockPair | undefined) =>
    p !== undefined && p.fr.length === 1 && p.ja.length === 1 && p.fr[0]!.type !== 'heading' && p.fr[0]!.type !== 'table' && p.fr[0]!.type !== 'paragraph' && p.fr[0]!.type === p.ja[0]!.type;
  for (let start = 0; start < out.length; ) {
    let end = start;
    while (isItem(out[end])) end++;
    if (end - start >= 2) {
      const run = out.slice(start, end);
      const c = run.map((a) => run.map((b) => cost(a.fr[0]!, b.ja[0]!)));
      const identity = run.reduce((t, _, k) => t + c[k]![k]!, 0);
      const assigned = greedyAssignment(c);
      const total = assigned.reduce((t, j, k) => t + c[k]![j]!, 0);
      if (total + margin < identity) {
        moved = true;
        run.forEach((p, k) => {
          const ja = run[assigned[k]!]!.ja[0]!;
          out[start + k] = { fr: p.fr, ja: [ja], confidence: confidence(p.fr[0]!, ja) };
        });
      }
    }
    start = Math.max(end, start + 1);
  }
  return { pairs: out, moved };
}

/** For each row, the column it takes: cheapest cells first, each row and column used once. */
function greedyAssignment(c: number[][]): number[] {
  const cells = c.flatMap((row, i) => row.map((v, j) => ({ i, j, v }))).sort((a, b) => a.v - b.v);
  const row = new Array<number>(c.length).fill(-1);
  const used = new Set<number>();
  for (const { i, j } of cells) {
    if (row[i] !== -1 || used.has(j)) continue;
    row[i] = j;
    used.add(j);
  }
  return row;
}
