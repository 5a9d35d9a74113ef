/**
 * Which of this page's changed passages the server has not yet confirmed as stored.
 *
 * A person counts changes in passages, not keystrokes: fifteen letters typed into one paragraph
 * are one passage waiting. Each local change names the passages it touched (`passagesTouched` of
 * @accord/model); the tracker keeps, for each, the number of the last local change that touched it.
 *
 * The server acknowledges update messages by count, per connection (docs/sync-protocol.md). The
 * tracker remembers, for each update message sent on the current connection, how many local
 * changes had been made when it left; an acknowledgement of message n therefore confirms every
 * local change made before it, and a passage is saved once its last change is. A new connection
 * starts counting afresh: its first message (the sync step 2) carries every change the server
 * lacks, so its acknowledgement confirms them all — including passages restored from an earlier
 * visit (`restore`), whose changes are in the local copy the page loaded.
 */
export class SaveTracker {
  private local = 0;
  private savedThrough = 0;
  private marks: number[] = [];
  /** Passage → the number of the last local change that touched it; only unconfirmed ones. */
  private readonly waiting = new Map<string, number>();

  /** Call on each change made in this page, with the passages it touched, before the provider sends it. */
  localChange(passages: Iterable<string>): void {
    this.local++;
    for (const passage of passages) this.waiting.set(passage, this.local);
  }

  /**
   * Passages an earlier visit left unconfirmed (their changes are in this device's copy): they
   * count as one change made now, confirmed with the first message the server acknowledges.
   */
  restore(passages: Iterable<string>): void {
    this.localChange(passages);
  }

  /** Call for each sync step 2 or update message sent to the server. */
  sent(): void {
    this.marks.push(this.local);
  }

  /** The server has stored the first `count` messages of this connection. */
  acknowledged(count: number): void {
    const mark = this.marks[count - 1];
    if (mark === undefined || mark <= this.savedThrough) return;
    this.savedThrough = mark;
    for (const [passage, change] of this.waiting) if (change <= mark) this.waiting.delete(passage);
  }

  /** A new connection: message counts start again from zero on both sides. */
  connectionReset(): void {
    this.marks = [];
  }

  /** The passages changed here and not yet known to be stored, sorted. */
  get pending(): string[] {
    return [...this.waiting.keys()].sort();
  }

  /** How many passages changed here are not yet known to be stored. */
  get unsaved(): number {
    return this.waiting.size;
  }
}
