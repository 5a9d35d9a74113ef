/**
 * Merges the segment ids of the French and the Japanese fragment of a section into one reading
 * order. French order leads (the declaration is drafted in French first, by convention of the
 * Rencontres); an id present only in Japanese is placed right after the nearest id that precedes
 * it in Japanese and is already placed, so a block added on the Japanese side shows up next to its
 * neighbour rather than at the end.
 *
 * When the two languages order shared ids differently (someone moved a paragraph on one side
 * only), the French order wins; each shared id still appears exactly once.
 */
export function alignSegmentOrder(fr: readonly string[], ja: readonly string[]): string[] {
  const order = [...new Set(fr)];
  const placed = new Set(order);
  let anchor = -1; // index in `order` after which the next Japanese-only id goes
  for (const sid of ja) {
    if (placed.has(sid)) {
      anchor = order.indexOf(sid);
      continue;
    }
    order.splice(anchor + 1, 0, sid);
    placed.add(sid);
    anchor += 1;
  }
  return order;
}
