import type { ImportBlock } from './ImportBlock';
import type { BlockPair } from './alignBlocks';

/**
 * Lists a translator reordered. The programme is monotone, so it pairs such items by position or
 * leaves them one-sided; here, within a run of pairs made only of single list items with as many
 * items on each side, the items are paired by the cheapest assignment (greedy on `cost`) when it
 * is clearly cheaper (by `margin`) than what the programme did (`oneSided` for an item alone).
 * The Japanese items then face their French items, so the Japanese list takes the French order.
 */
export function reorderListItems(
  pairs: readonly BlockPair[],
  cost: (fr: ImportBlock, ja: ImportBlock) => number,
  confidence: (fr: ImportBlock, ja: ImportBlock) => number,
  oneSided: number,
  margin = 2,
): { pairs: BlockPair[]; moved: boolean } {
  const isItem = (b: ImportBlock) => b.type === 'bullet' || b.type === 'ordered';
  const inRun = (p: BlockPair | undefined) => p !== undefined && p.fr.length <= 1 && p.ja.length <= 1 && [...p.fr, ...p.ja].every(isItem);
  const out: BlockPair[] = [];
  let moved = false;
  for (let start = 0; start < pairs.length; ) {
    let end = start;
    while (inRun(pairs[end])) end++;
    if (end === start) {
      out.push(pairs[start++]!);
      continue;
    }
    const run = pairs.slice(start, end);
    const frItems = run.flatMap((p) => p.fr);
    const jaItems = run.flatMap((p) => p.ja);
    start = end;
    if (frItems.length < 2 || frItems.length !== jaItems.length) {
      out.push(...run);
      continue;
    }
    const current = run.reduce((t, p) => t + (p.fr[0] && p.ja[0] ? cost(p.fr[0], p.ja[0]) : oneSided), 0);
    const c = frItems.map((a) => jaItems.map((b) => cost(a, b)));
    const assigned = greedyAssignment(c);
    const total = assigned.reduce((t, j, i) => t + c[i]![j]!, 0);
    if (total + margin < current) {
      moved ||= assigned.some((j, i) => j !== i);
      frItems.forEach((a, i) => {
        const b = jaItems[assigned[i]!]!;
        out.push({ fr: [a], ja: [b], confidence: confidence(a, b) });
      });
    } else out.push(...run);
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
