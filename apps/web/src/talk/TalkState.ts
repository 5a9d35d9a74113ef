import type { Notification } from '@accord/protocol/rest/notifications';
import type { PeopleList } from '@accord/protocol/rest/comments';
import { talkEvent } from '@accord/protocol/rest/talkEvents';
import { type CommentThread, type Suggestion, talkApi, type VisitReport } from '../api/talkApi';

export interface TalkSnapshot {
  /** The lists have been read once the live stream was open: they are complete. */
  ready: boolean;
  threads: CommentThread[];
  suggestions: Suggestion[];
  observersMaySuggest: boolean;
  notifications: Notification[];
  unread: number;
  people: PeopleList['people'];
  visit: VisitReport | null;
}

const EMPTY: TalkSnapshot = { ready: false, threads: [], suggestions: [], observersMaySuggest: false, notifications: [], unread: 0, people: [], visit: null };

/**
 * The conversation about one open declaration, kept live (C12): the lists are read once the event
 * stream is open, then every event updates them in place; after a reconnection or a `resync`
 * they are read again. A store for `useSyncExternalStore`: components re-render when it changes,
 * never on a keystroke in the text.
 */
export class TalkState {
  private snapshot: TalkSnapshot = EMPTY;
  private readonly listeners = new Set<() => void>();
  private source: EventSource | null = null;

  constructor(readonly declarationId: string) {}

  /** Opens the stream; returns the function that closes it. */
  start(): () => void {
    const source = new EventSource(talkApi.eventsUrl(this.declarationId));
    this.source = source;
    source.addEventListener('ready', () => void this.reload());
    source.onmessage = (message: MessageEvent<string>) => {
      let raw: unknown;
      try {
        raw = JSON.parse(message.data);
      } catch {
        return;
      }
      const parsed = talkEvent.safeParse(raw);
      if (parsed.success) this.apply(parsed.data);
    };
    return () => {
      source.close();
      if (this.source === source) this.source = null;
    };
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): TalkSnapshot => this.snapshot;

  /** Reads every list again (after the stream opened, or when events may have been missed). */
  async reload(): Promise<void> {
    const id = this.declarationId;
    const [threads, suggestions, notifications, people, visit] = await Promise.all([
      talkApi.threads(id),
      talkApi.suggestions(id),
      talkApi.notifications(id),
      talkApi.people(id),
      talkApi.visit(id),
    ]);
    this.set({
      ready: true,
      threads,
      suggestions: suggestions.suggestions,
      observersMaySuggest: suggestions.observersMaySuggest,
      notifications: notifications.notifications,
      unread: notifications.unread,
      people,
      visit,
    });
    // Nothing to show since the last visit: start the next one from here.
    if (visit.since !== null && visit.changedPassages === 0 && visit.newComments === 0 && visit.newSuggestions === 0) void talkApi.seen(id);
  }

  /** The member saw what changed since their last visit (C10): the marks go. */
  async markVisitSeen(): Promise<void> {
    await talkApi.seen(this.declarationId);
    this.set({ ...this.snapshot, visit: null });
  }

  /** The administrator lets observers suggest, or not (C6). */
  async setObserversMaySuggest(allowed: boolean): Promise<void> {
    const observersMaySuggest = await talkApi.setObserversMaySuggest(this.declarationId, allowed);
    this.set({ ...this.snapshot, observersMaySuggest });
  }

  async readAllNotifications(): Promise<void> {
    const list = await talkApi.readAll(this.declarationId);
    this.set({ ...this.snapshot, notifications: list.notifications, unread: list.unread });
  }

  /** An answer of this client's own request, before (or without) its event. */
  putThread(thread: CommentThread): void {
    this.apply({ type: 'thread', thread });
  }

  putSuggestion(suggestion: Suggestion): void {
    this.apply({ type: 'suggestion', suggestion });
  }

  private apply(event: ReturnType<typeof talkEvent.parse>): void {
    const s = this.snapshot;
    switch (event.type) {
      case 'thread':
        this.set({ ...s, threads: upsert(s.threads, event.thread) });
        return;
      case 'thread-deleted':
        this.set({ ...s, threads: s.threads.filter((t) => t.id !== event.threadId) });
        return;
      case 'suggestion':
        this.set({ ...s, suggestions: upsert(s.suggestions, event.suggestion) });
        return;
      case 'notification':
        if (s.notifications.some((n) => n.id === event.notification.id)) return;
        this.set({ ...s, notifications: [event.notification, ...s.notifications], unread: s.unread + 1 });
        return;
      case 'resync':
        void this.reload();
    }
  }

  private set(next: TalkSnapshot): void {
    this.snapshot = next;
    for (const listener of this.listeners) listener();
  }
}

function upsert<T extends { id: string }>(list: readonly T[], item: T): T[] {
  const at = list.findIndex((x) => x.id === item.id);
  if (at < 0) return [...list, item];
  const next = [...list];
  next[at] = item;
  return next;
}
