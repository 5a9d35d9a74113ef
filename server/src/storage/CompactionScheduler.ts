import type { Bilingual } from '@accord/model/declarationLayout';
import type { Logger } from '../Logger';
import { compactDocument } from './compactDocument';
import type { Store } from './Store';

export interface CompactionPolicy {
  /** Fold the update log into a snapshot after this many updates (in the background)… */
  compactAfterUpdates: number;
  /**
   * …once their bytes are also at least this fraction of the snapshot's. A compaction re-encodes
   * the whole document, so waiting for the log to grow with the document keeps its cost, amortised,
   * a constant per byte written; a fixed count would make a long declaration compact ever more often.
   */
  compactAtLogFraction: number;
}

/** What is known of one loaded declaration's log since its last compaction. */
interface Log {
  updates: number;
  bytes: number;
  /** Size of the stored snapshot, as of the load or the last compaction: what the log is weighed against. */
  snapshotBytes: number;
}

/**
 * When a declaration's update log is folded into its snapshot (SPEC S3), and the folding: in the
 * background once the log is due by `CompactionPolicy`, never on a keystroke's path; and at once
 * when the declaration leaves memory. Rooms only report what they committed.
 */
export class CompactionScheduler {
  private readonly logs = new Map<string, Log>();
  private readonly running = new Set<string>();

  constructor(
    private readonly store: Store,
    private readonly policy: CompactionPolicy,
    private readonly log: Logger,
    /** A compaction folded `updates` updates of declaration `id`. */
    private readonly onCompacted: (id: string, updates: number) => void,
  ) {}

  /** A declaration was loaded with a snapshot of `snapshotBytes`. */
  loaded(id: string, snapshotBytes: number): void {
    this.logs.set(id, { updates: 0, bytes: 0, snapshotBytes });
  }

  /** An update of `bytes` was committed to `id`; `title` reads the title to record with the snapshot. */
  committed(id: string, bytes: number, title: () => Bilingual): void {
    const log = this.logs.get(id);
    if (!log) return;
    log.updates++;
    log.bytes += bytes;
    if (this.isDue(log)) this.compactSoon(id, title);
  }

  /** The declaration leaves memory: folds what it logged now (a failure is logged; the log is kept). */
  async unloaded(id: string, title: Bilingual): Promise<void> {
    this.logs.delete(id);
    try {
      await this.compact(id, title);
    } catch (error) {
      this.log.error('compaction at unload failed; the update log is kept', { declaration: id, error });
    }
  }

  /** The declaration was dropped without a compaction (its room failed): what it counted is void. */
  forget(id: string): void {
    this.logs.delete(id);
  }

  private isDue(log: Log): boolean {
    return log.updates >= this.policy.compactAfterUpdates && log.bytes >= log.snapshotBytes * this.policy.compactAtLogFraction;
  }

  private compactSoon(id: string, title: () => Bilingual): void {
    if (this.running.has(id)) return;
    this.running.add(id);
    const log = this.logs.get(id)!;
    log.updates = 0;
    log.bytes = 0;
    setImmediate(() => {
      this.compact(id, title())
        .then((snapshotBytes) => {
          const current = this.logs.get(id);
          if (current && snapshotBytes !== null) current.snapshotBytes = snapshotBytes;
        })
        .catch((error: unknown) => this.log.error('compaction failed; the update log is kept', { declaration: id, error }))
        .finally(() => {
          this.running.delete(id);
          // Updates that arrived while this compaction ran may already make up another batch.
          const current = this.logs.get(id);
          if (current && this.isDue(current)) this.compactSoon(id, title);
        });
    });
  }

  /** Records the title first (even if the folding then fails), then folds; the snapshot's size, `null` for an unknown id. */
  private async compact(id: string, title: Bilingual): Promise<number | null> {
    await this.store.setDeclarationTitle(id, title);
    const compacted = await compactDocument(this.store, id);
    if (compacted && compacted.folded > 0) this.onCompacted(id, compacted.folded);
    return compacted?.snapshotBytes ?? null;
  }
}
