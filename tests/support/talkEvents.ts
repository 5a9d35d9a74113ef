import { type TalkEvent, talkEvent } from '@accord/protocol/rest/talkEvents';

export interface EventStream {
  /** Every event received so far, in order. */
  events: TalkEvent[];
  /** Resolves with the first event (received already or next) for which `predicate` holds. */
  next(predicate: (event: TalkEvent) => boolean): Promise<TalkEvent>;
  close(): void;
}

/**
 * Opens `GET /api/declarations/:id/events` (Server-Sent Events, C12) as `token` and resolves once
 * the server said the stream is live (its `ready` event): what happens after is delivered.
 */
export async function openEvents(baseUrl: string, declarationId: string, token: string): Promise<EventStream> {
  const abort = new AbortController();
  const response = await fetch(`${baseUrl}/api/declarations/${declarationId}/events`, {
    headers: { authorization: `Bearer ${token}`, accept: 'text/event-stream' },
    signal: abort.signal,
  });
  if (response.status !== 200 || !response.body) throw new Error(`events: ${response.status} ${await response.text()}`);
  const events: TalkEvent[] = [];
  const waiters: { predicate: (e: TalkEvent) => boolean; resolve: (e: TalkEvent) => void }[] = [];
  let readyResolve!: () => void;
  const ready = new Promise<void>((r) => (readyResolve = r));
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  void (async () => {
    let buffer = '';
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buffer += value;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const lines = block.split('\n');
          if (lines.some((l) => l === 'event: ready')) {
            readyResolve();
            continue;
          }
          const data = lines.filter((l) => l.startsWith('data: ')).map((l) => l.slice(6)).join('\n');
          if (data === '') continue;
          const event = talkEvent.parse(JSON.parse(data));
          events.push(event);
          for (const w of [...waiters]) {
            if (w.predicate(event)) {
              waiters.splice(waiters.indexOf(w), 1);
              w.resolve(event);
            }
          }
        }
      }
    } catch {
      // Aborted by close().
    }
  })();
  await ready;
  return {
    events,
    next: (predicate) => {
      const found = events.find(predicate);
      if (found) return Promise.resolve(found);
      return new Promise((resolve) => waiters.push({ predicate, resolve }));
    },
    close: () => abort.abort(),
  };
}
