import { type TalkEvent, talkEvent } from '@accord/protocol/rest/talkEvents';
import type { Fanout } from '../fanout/Fanout';
import type { Logger } from '../Logger';

/** One live listener: a member's event stream (notifications are delivered to their recipient only). */
export interface TalkListener {
  memberId: string | null;
  send(event: TalkEvent): void;
}

/**
 * Live events about comments, suggestions and notifications (C12), for the event streams open on
 * this instance and, through the fan-out, on the others. An instance listens to a declaration's
 * talk channel (`talk/<id>`) while it has a stream open for it; what it publishes reaches the
 * others' streams. Delivery is best-effort like the document's (S10): when the broker comes back,
 * every stream is told `resync` and reads the lists again, which are the record.
 */
export class TalkFeed {
  private readonly listeners = new Map<string, Set<TalkListener>>();

  constructor(
    private readonly fanout: Fanout | null,
    private readonly log: Logger,
  ) {
    fanout?.onReconnect(() => {
      for (const set of this.listeners.values()) for (const listener of set) listener.send({ type: 'resync' });
    });
  }

  /** Starts delivering a declaration's events to `listener`; the returned function stops it. */
  async subscribe(declarationId: string, listener: TalkListener): Promise<() => void> {
    let set = this.listeners.get(declarationId);
    if (!set) {
      this.listeners.set(declarationId, (set = new Set()));
      await this.fanout?.join(channel(declarationId), (kind, payload) => {
        if (kind === 'talk') this.deliverLocally(declarationId, payload);
      });
    }
    set.add(listener);
    return () => {
      const current = this.listeners.get(declarationId);
      if (!current?.delete(listener) || current.size > 0) return;
      this.listeners.delete(declarationId);
      this.fanout?.leave(channel(declarationId)).catch((error: unknown) => this.log.warn('talk unsubscribe failed', { declaration: declarationId, error }));
    };
  }

  /** Tells this instance's streams and the other instances. */
  publish(declarationId: string, event: TalkEvent): void {
    const payload = new TextEncoder().encode(JSON.stringify(event));
    this.deliverLocally(declarationId, payload);
    this.fanout?.publish(channel(declarationId), 'talk', payload);
  }

  private deliverLocally(declarationId: string, payload: Uint8Array): void {
    const set = this.listeners.get(declarationId);
    if (!set) return;
    let raw: unknown;
    try {
      raw = JSON.parse(new TextDecoder().decode(payload));
    } catch {
      raw = null;
    }
    const parsed = talkEvent.safeParse(raw);
    if (!parsed.success) {
      this.log.warn('malformed talk event ignored', { declaration: declarationId });
      return;
    }
    const event = parsed.data;
    for (const listener of set) {
      if (event.type === 'notification' && event.memberId !== listener.memberId) continue;
      listener.send(event);
    }
  }
}

/** Declaration ids never hold `/`, so this channel never meets a declaration's own. */
const channel = (declarationId: string) => `talk/${declarationId}`;
