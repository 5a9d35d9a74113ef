const key = (declarationId: string) => `accord.pending.${declarationId}`;

/**
 * The passages this device changed in a declaration and the server has not yet confirmed, kept
 * across reloads: a page reopened offline loads its edits from IndexedDB, and must still say how
 * many passages wait (`SaveTracker.restore`). Written synchronously on every change of the set,
 * so a reload right after a keystroke still finds it; cleared with the local copy it describes.
 * Without storage the count simply starts from zero after a reload, as before.
 */
export const pendingPassages = {
  get(declarationId: string): string[] {
    try {
      const parsed: unknown = JSON.parse(localStorage.getItem(key(declarationId)) ?? '[]');
      return Array.isArray(parsed) ? parsed.filter((entry): entry is string => typeof entry === 'string') : [];
    } catch {
      return [];
    }
  },
  set(declarationId: string, passages: readonly string[]): void {
    try {
      if (passages.length === 0) localStorage.removeItem(key(declarationId));
      else localStorage.setItem(key(declarationId), JSON.stringify(passages));
    } catch {
      // See above: only the count after a reload is lost.
    }
  },
};
