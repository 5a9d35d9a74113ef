import type { RemovedSection } from '@accord/model/removeSection';
import type * as Y from 'yjs';

/** A message about the section list that stays until dismissed: an undo offer, or a removal someone else made. */
export type StructureNotice =
  | { kind: 'removed-by-me'; key: number; removed: RemovedSection; title: string }
  | { kind: 'removed-under-you'; key: number; removed: RemovedSection; title: string; byClient: number | null };

/** A notice before the store numbers it. */
type NewNotice = StructureNotice extends infer N ? (N extends StructureNotice ? Omit<N, 'key'> : never) : never;

/**
 * What the outline, the section rows and the notices share about structure changes on one page:
 * the notices on screen, the sections this page removed itself (not announced as someone else's),
 * and the last sentence for screen readers (an aria-live region reads it).
 */
export class StructureNoticeStore {
  private notices: StructureNotice[] = [];
  private announcement = '';
  private readonly removedHere = new Set<string>();
  private readonly listeners = new Set<() => void>();
  private next = 1;

  get list(): readonly StructureNotice[] {
    return this.notices;
  }

  get said(): string {
    return this.announcement;
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  push(notice: NewNotice): void {
    // One notice per section: a newer one replaces the older.
    this.notices = [...this.notices.filter((n) => n.removed.id !== notice.removed.id), { ...notice, key: this.next++ } as StructureNotice];
    this.emit();
  }

  dismiss(key: number): void {
    this.notices = this.notices.filter((n) => n.key !== key);
    this.emit();
  }

  /** Drops the notices about a section that is back in the list. */
  forget(sectionId: string): void {
    if (!this.notices.some((n) => n.removed.id === sectionId)) return;
    this.notices = this.notices.filter((n) => n.removed.id !== sectionId);
    this.emit();
  }

  announce(text: string): void {
    this.announcement = text;
    this.emit();
  }

  markRemovedHere(sectionId: string): void {
    this.removedHere.add(sectionId);
  }

  /** Whether this page removed the section itself (asked once: the mark is consumed). */
  takeRemovedHere(sectionId: string): boolean {
    return this.removedHere.delete(sectionId);
  }

  private emit(): void {
    for (const listener of this.listeners) listener();
  }
}

const stores = new WeakMap<Y.Doc, StructureNoticeStore>();

/** The store of the page showing `doc` (one per document, like the other derived stores). */
export function structureNotices(doc: Y.Doc): StructureNoticeStore {
  let store = stores.get(doc);
  if (!store) stores.set(doc, (store = new StructureNoticeStore()));
  return store;
}
