import type { Logger } from '../Logger';
import type { VersionRecord } from '../storage/Store';
import type { VersionService } from './VersionService';

export interface CheckpointTiming {
  /** A checkpoint once a declaration has had no edit for this long. */
  idleMs: number;
  /** And at least this often while edits keep coming. */
  maxIntervalMs: number;
}

export const DEFAULT_CHECKPOINT_TIMING: CheckpointTiming = { idleMs: 2 * 60_000, maxIntervalMs: 15 * 60_000 };

/**
 * Automatic checkpoints, so that no state of a declaration is ever unreachable: after edits once
 * it has been idle for `idleMs`, and at least every `maxIntervalMs` of continuous editing. Fed by
 * the hub's `changed` events; `flush` saves whatever is pending (at shutdown).
 */
export class CheckpointScheduler {
  private readonly pending = new Map<string, { since: number; timer: NodeJS.Timeout }>();
  /** Per declaration, who wrote since its last checkpoint, in the order they first did. */
  private readonly authors = new Map<string, Set<string>>();

  constructor(
    private readonly versions: VersionService,
    private readonly timing: CheckpointTiming,
    private readonly log: Logger,
    private readonly now: () => number = Date.now,
  ) {}

  changed(declarationId: string): void {
    const entry = this.pending.get(declarationId);
    const now = this.now();
    if (entry) clearTimeout(entry.timer);
    const since = entry?.since ?? now;
    if (now - since >= this.timing.maxIntervalMs) {
      this.pending.delete(declarationId);
      void this.checkpoint(declarationId);
      return;
    }
    const timer = setTimeout(() => {
      this.pending.delete(declarationId);
      void this.checkpoint(declarationId);
    }, this.timing.idleMs);
    // A pending checkpoint must not keep a stopping process alive: `flush` saves it instead.
    timer.unref();
    this.pending.set(declarationId, { since, timer });
  }

  /** Members' edits were stored: their names go on the next automatic version (« by »). */
  wrote(declarationId: string, names: string[]): void {
    let set = this.authors.get(declarationId);
    if (!set) this.authors.set(declarationId, (set = new Set()));
    for (const name of names) if (name.trim() !== '') set.add(name.trim());
  }

  /** Saves every pending checkpoint now. */
  async flush(): Promise<void> {
    const ids = [...this.pending.keys()];
    for (const { timer } of this.pending.values()) clearTimeout(timer);
    this.pending.clear();
    await Promise.all(ids.map((id) => this.checkpoint(id)));
  }

  /**
   * Saves an automatic version of `declarationId` now, « by » whoever wrote since the last one:
   * a checkpoint, or the mark of a member's visit (C9), which is one too.
   */
  async saveNow(declarationId: string): Promise<VersionRecord | null> {
    // Whoever writes from now on belongs to the next checkpoint.
    const names = [...(this.authors.get(declarationId) ?? [])];
    this.authors.delete(declarationId);
    // Beyond a few names the line says nothing more useful: « A, B, C +4 ».
    const author = names.length === 0 ? null : names.length <= 3 ? names.join(', ') : `${names.slice(0, 3).join(', ')} +${names.length - 3}`;
    return this.versions.save(declarationId, { kind: 'automatic', label: null, author });
  }

  private async checkpoint(declarationId: string): Promise<void> {
    try {
      await this.saveNow(declarationId);
    } catch (error) {
      this.log.error('automatic checkpoint failed', { declaration: declarationId, error });
    }
  }
}
