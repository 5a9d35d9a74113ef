/**
 * The segment-id rule for one language fragment, given the `sid` of each textblock in document
 * order: the first block carrying an id keeps it; a block with no id, or with an id an earlier
 * block already carries, gets a fresh one.
 *
 * Why this rule: ProseMirror copies a node's attributes when it splits it, so after Enter both
 * halves carry the same id. Keeping the first occurrence means the text before the caret stays
 * matched to its translation and the new block starts unmatched ("untranslated" on the other
 * side). Joining two blocks keeps the first block's attributes, so the joined block stays matched
 * to the first one's translation and the second id disappears: its translation shows as a segment
 * present on one side only. Pasted blocks carrying ids from elsewhere in the fragment are
 * renumbered for the same reason.
 *
 * Returns the indices to change and their new ids; an empty list when the fragment is consistent.
 */
export function assignSids(
  sids: ReadonlyArray<string | null | undefined>,
  makeSid: () => string,
): Array<{ index: number; sid: string }> {
  const seen = new Set<string>();
  const changes: Array<{ index: number; sid: string }> = [];
  sids.forEach((sid, index) => {
    if (sid && !seen.has(sid)) {
      seen.add(sid);
      return;
    }
    let fresh = makeSid();
    while (seen.has(fresh) || sids.includes(fresh)) fresh = makeSid();
    seen.add(fresh);
    changes.push({ index, sid: fresh });
  });
  return changes;
}
