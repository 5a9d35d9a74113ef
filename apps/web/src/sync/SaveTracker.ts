/**
 * How many of this page's own changes the server has not yet confirmed as stored.
 *
 * The server acknowledges update messages by count, per connection (docs/sync-protocol.md). The
 * tracker remembers, for each update message sent on the current connection, how many local
 * changes had been made when it left; an acknowledgement of message n therefore confirms every
 * local change made before it. A new connection starts counting afresh: its first message (the
 * sync step 2) carries every change the server lacks, so its acknowledgement confirms them all.
 */
export class SaveTracker {
  private local = 0;
  private savedThrough = 0;
  private marks: number[] = [];

  /** Call on each change made in this page, before the provider sends it. */
  localChange(): void {
    this.local++;
  }

  /** Call for each sync step 2 or update message sent to the server. */
  sent(): void {
    this.marks.push(this.local);
  }

  /** The server has stored the first `count` messages of this connection. */
  acknowledged(count: number): void {
    const mark = this.marks[count - 1];
    if (mark !== undefined && mark > this.savedThrough) this.savedThrough = mark;
  }

  /** A new connection: message counts start again from zero on both sides. */
  connectionReset(): void {
    this.marks = [];
  }

  /** Local changes not yet known to be stored. */
  get unsaved(): number {
    return this.local - this.savedThrough;
  }
}
