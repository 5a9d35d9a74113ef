/**
 * The talk storage contract (rules of `TalkStore` in server/src/storage/TalkStore.ts), run against
 * every `Store` implementation, as `accessStoreContract` is.
 */
import { describe, expect, it } from 'vitest';
import type { MessageRecord, NotificationRecord, SuggestionRecord, ThreadRecord } from '../src/storage/TalkStore';
import type { Store } from '../src/storage/Store';

let counter = 0;
const freshId = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${(counter++).toString(36)}`;
const at = (minutes: number) => new Date(Date.UTC(2026, 10, 23, 9, minutes)).toISOString();

async function declaration(store: Store): Promise<string> {
  const id = freshId('talk');
  await store.createDeclaration({ id, title: { fr: 'a', ja: 'b' } }, new Uint8Array([0]));
  return id;
}

const anchor = { sectionId: 'theme', sid: 'sA', language: 'ja' as const, start: 'AAE=', end: 'AAI=', quote: '主体' };

function thread(declarationId: string): { thread: ThreadRecord; first: MessageRecord } {
  const id = freshId('t');
  return {
    thread: { id, declarationId, anchor, createdAt: at(0), resolved: null },
    first: { id: freshId('c'), threadId: id, declarationId, author: { memberId: 'm1', name: 'Aiko 愛子', role: 'observer' }, body: 'なぜ「主体」？', mentions: ['m2'], createdAt: at(0), editedAt: null },
  };
}

function suggestion(declarationId: string): SuggestionRecord {
  return {
    id: freshId('g'),
    declarationId,
    sectionId: 'theme',
    sid: 'sA',
    language: 'fr',
    baseText: 'Les acteurs locaux',
    text: 'Les parties prenantes locales',
    comment: 'plus proche du japonais',
    author: { memberId: 'm3', name: 'Mairie', role: 'mayor-office' },
    createdAt: at(1),
    status: 'open',
    decided: null,
  };
}

export function talkStoreContract(name: string, open: () => Promise<Store>): void {
  describe(`${name}: the TalkStore contract`, () => {
    it('rules 1–3: a thread is stored with its first message, replies follow in order, and another declaration sees none of it', async () => {
      const store = await open();
      const id = await declaration(store);
      const other = await declaration(store);
      const { thread: t, first } = thread(id);
      await store.talk.createThread(t, first);
      const reply: MessageRecord = { ...first, id: freshId('c'), author: { memberId: 'm2', name: 'Claire', role: 'committee-fr' }, body: 'Parce que…', mentions: [], createdAt: at(2) };
      expect(await store.talk.addMessage(reply)).toBe(true);
      expect(await store.talk.addMessage({ ...reply, id: freshId('c'), threadId: 'unknown' })).toBe(false);
      expect(await store.talk.addMessage({ ...reply, id: freshId('c'), declarationId: other })).toBe(false);
      expect(await store.talk.getThread(id, t.id)).toEqual({ ...t, messages: [first, reply] });
      expect(await store.talk.listThreads(id)).toEqual([{ ...t, messages: [first, reply] }]);
      expect(await store.talk.listThreads(other)).toEqual([]);
      expect(await store.talk.getThread(other, t.id)).toBeNull();

      expect(await store.talk.editMessage(id, t.id, first.id, 'Pourquoi « acteurs » ?', at(3))).toBe(true);
      expect(await store.talk.editMessage(other, t.id, first.id, 'x', at(3))).toBe(false);
      const resolved = { by: 'Claire', role: 'committee-fr' as const, at: at(4) };
      expect(await store.talk.setResolved(id, t.id, resolved)).toBe(true);
      const read = await store.talk.getThread(id, t.id);
      expect(read?.resolved).toEqual(resolved);
      expect(read?.messages[0]).toMatchObject({ body: 'Pourquoi « acteurs » ?', editedAt: at(3) });
      expect(await store.talk.setResolved(id, t.id, null)).toBe(true);
      expect((await store.talk.getThread(id, t.id))?.resolved).toBeNull();
      await store.close();
    });

    it('rule 2: deleting the last message deletes its thread, in the same transaction', async () => {
      const store = await open();
      const id = await declaration(store);
      const { thread: t, first } = thread(id);
      await store.talk.createThread(t, first);
      const reply: MessageRecord = { ...first, id: freshId('c'), createdAt: at(1) };
      await store.talk.addMessage(reply);
      expect(await store.talk.deleteMessage(id, t.id, first.id)).toEqual({ deleted: true, threadDeleted: false });
      expect(await store.talk.deleteMessage(id, t.id, first.id)).toEqual({ deleted: false, threadDeleted: false });
      expect(await store.talk.deleteMessage(id, t.id, reply.id)).toEqual({ deleted: true, threadDeleted: true });
      expect(await store.talk.getThread(id, t.id)).toBeNull();
      await store.close();
    });

    it('rule 4: of decisions racing on one suggestion exactly one wins; an acceptance undone reopens it', async () => {
      const store = await open();
      const id = await declaration(store);
      const s = suggestion(id);
      await store.talk.createSuggestion(s);
      expect(await store.talk.listSuggestions(id)).toEqual([s]);
      const decide = (by: string) => store.talk.decideSuggestion(id, s.id, 'accepted', { by, role: 'committee-fr', at: at(5), reason: '' });
      const results = await Promise.all([decide('Claire'), decide('Kenji'), decide('Paul'), decide('Yuki')]);
      expect(results.filter(Boolean)).toHaveLength(1);
      expect((await store.talk.getSuggestion(id, s.id))?.status).toBe('accepted');
      expect(await store.talk.decideSuggestion(id, s.id, 'rejected', { by: 'x', role: 'committee-ja', at: at(6), reason: 'no' })).toBe(false);
      expect(await store.talk.reopenSuggestion(id, s.id)).toBe(true);
      expect(await store.talk.getSuggestion(id, s.id)).toEqual(s);
      expect(await store.talk.decideSuggestion(id, s.id, 'rejected', { by: 'Kenji', role: 'committee-ja', at: at(6), reason: 'trop long' })).toBe(true);
      expect(await store.talk.reopenSuggestion(id, s.id)).toBe(false);
      expect((await store.talk.getSuggestion(id, s.id))?.decided).toEqual({ by: 'Kenji', role: 'committee-ja', at: at(6), reason: 'trop long' });
      expect(await store.talk.getSuggestion(await declaration(store), s.id)).toBeNull();
      await store.close();
    });

    it('notifications: per member, newest first, read one by one or all at once', async () => {
      const store = await open();
      const id = await declaration(store);
      const note = (member: string, minute: number): NotificationRecord => ({
        id: freshId('n'),
        declarationId: id,
        memberId: member,
        kind: 'sent-back',
        at: at(minute),
        actor: 'Mairie',
        sectionId: 'atelier-1',
        text: 'Merci de préciser les chiffres',
        ref: null,
        readAt: null,
      });
      const [a1, a2, b1] = [note('ma', 1), note('ma', 2), note('mb', 3)];
      await store.talk.addNotifications([a1, a2, b1]);
      expect(await store.talk.listNotifications(id, 'ma', 10)).toEqual([a2, a1]);
      expect(await store.talk.listNotifications(id, 'ma', 1)).toEqual([a2]);
      expect(await store.talk.countUnread(id, 'ma')).toBe(2);
      expect(await store.talk.markRead(id, 'ma', [a1.id, b1.id], at(9))).toBe(1);
      expect(await store.talk.countUnread(id, 'ma')).toBe(1);
      expect(await store.talk.countUnread(id, 'mb')).toBe(1);
      expect(await store.talk.markRead(id, 'ma', null, at(10))).toBe(1);
      expect(await store.talk.countUnread(id, 'ma')).toBe(0);
      expect((await store.talk.listNotifications(id, 'ma', 10)).map((n) => n.readAt)).toEqual([at(10), at(9)]);
      await store.close();
    });

    it('visits: one mark per member, replaced, acknowledged', async () => {
      const store = await open();
      const id = await declaration(store);
      expect(await store.talk.getVisit(id, 'ma')).toBeNull();
      expect(await store.talk.acknowledgeVisit(id, 'ma')).toBe(false);
      await store.talk.setVisit({ declarationId: id, memberId: 'ma', versionId: 'v1', at: at(1), acknowledged: false });
      await store.talk.setVisit({ declarationId: id, memberId: 'ma', versionId: 'v2', at: at(2), acknowledged: false });
      expect(await store.talk.getVisit(id, 'ma')).toEqual({ declarationId: id, memberId: 'ma', versionId: 'v2', at: at(2), acknowledged: false });
      expect(await store.talk.acknowledgeVisit(id, 'ma')).toBe(true);
      expect((await store.talk.getVisit(id, 'ma'))?.acknowledged).toBe(true);
      expect(await store.talk.getVisit(id, 'mb')).toBeNull();
      await store.close();
    });
  });
}
