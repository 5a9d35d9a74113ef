import { parseFragmentName } from '@accord/model/declarationLayout';
import type * as Y from 'yjs';

/** The root types a burst of transactions changed, by name (`doc.share`), or `all` for the first read. */
export type ChangedRoots = ReadonlySet<string> | 'all';

/**
 * A snapshot derived from a Y.Doc and shared by every component of the page (translation flags,
 * workflow badges), with `get`/`subscribe` for `useSyncExternalStore`.
 *
 * It is brought up to date lazily: once per burst of transactions (a microtask later) while
 * someone watches, or on the next `get` otherwise — never once per subscriber, and never when
 * nothing changed. `derive` learns which roots changed, so typing in one section re-reads only
 * that section. It listens to its document for as long as both live (the page makes one per
 * document), so it needs no teardown.
 */
export abstract class DerivedFromDoc<S> {
  private snapshot: S;
  private readonly listeners = new Set<() => void>();
  /** The snapshot subscribers were last told about: a `get` in between refreshes, but tells nobody. */
  private notified: S;
  private scheduled = false;
  private changed: Set<string> | 'all' = 'all';

  constructor(readonly doc: Y.Doc, initial: S) {
    this.snapshot = initial;
    this.notified = initial;
    doc.on('afterTransaction', this.onTransaction);
  }

  get = (): S => {
    this.refresh();
    return this.snapshot;
  };

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** The next snapshot, or `previous` itself when nothing a reader sees changed. */
  protected abstract derive(previous: S, changed: ChangedRoots): S;

  private refresh(): void {
    if (this.changed !== 'all' && this.changed.size === 0) return;
    const changed = this.changed;
    this.changed = new Set();
    this.snapshot = this.derive(this.snapshot, changed);
  }

  private readonly onTransaction = (transaction: Y.Transaction): void => {
    if (transaction.changed.size === 0) return;
    if (this.changed !== 'all') {
      for (const [name, type] of this.doc.share) {
        if (transaction.changed.has(type) || transaction.changedParentTypes.has(type)) this.changed.add(name);
      }
    }
    if (this.scheduled || this.listeners.size === 0) return;
    this.scheduled = true;
    queueMicrotask(() => {
      this.scheduled = false;
      this.refresh();
      if (this.snapshot === this.notified) return;
      this.notified = this.snapshot;
      for (const listener of [...this.listeners]) listener();
    });
  };
}

/**
 * The sections whose text is among `changed`, or `all` when every section must be read again:
 * on the first read, or when one of the roots `allWhen` changed.
 */
export function changedSections(changed: ChangedRoots, allWhen: readonly string[]): ReadonlySet<string> | 'all' {
  if (changed === 'all' || allWhen.some((root) => changed.has(root))) return 'all';
  const sections = new Set<string>();
  for (const root of changed) {
    const fragment = parseFragmentName(root);
    if (fragment) sections.add(fragment.sectionId);
  }
  return sections;
}
