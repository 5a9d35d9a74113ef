/**
 * Comments and suggestions with two server processes sharing one PostgreSQL and one Redis (C8,
 * C12): a comment made through one instance reaches a stream open on the other, and two
 * committees accepting one suggestion at once, each through its own instance, change the text once.
 */
import { createPassageAnchor } from '@accord/model/commentAnchor';
import { readDeclaration } from '@accord/model/readDeclaration';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDeclarationViaApi, joinAs, postJson } from '../support/api';
import { segmentText } from '../support/editText';
import { type AccordProcess, startAccord } from '../support/startAccord';
import { openEvents } from '../support/talkEvents';
import { connectClient, synced, waitForDoc, type YClient } from '../support/yClient';

const databaseUrl = process.env.DATABASE_URL;
const redisUrl = process.env.REDIS_URL;
const run = `accord_talk_${process.pid}_${Date.now().toString(36)}`;

if (!databaseUrl || !redisUrl) {
  describe.skip(`talk on two instances (skipped: ${!databaseUrl ? 'DATABASE_URL' : 'REDIS_URL'} is not set)`, () => {
    it('needs PostgreSQL and Redis', () => {});
  });
} else {
  const schemaUrl = (() => {
    const u = new URL(databaseUrl);
    u.searchParams.set('options', `-c search_path=${run}`);
    return u.toString();
  })();
  const start = () => startAccord({ env: { DATABASE_URL: schemaUrl, REDIS_URL: redisUrl, REDIS_PREFIX: `${run}:` } });

  describe('talk on two instances sharing PostgreSQL and Redis', () => {
    const admin = new pg.Client({ connectionString: databaseUrl });
    let a: AccordProcess;
    let b: AccordProcess;
    const clients: YClient[] = [];

    beforeAll(async () => {
      await admin.connect();
      await admin.query(`CREATE SCHEMA ${run}`);
      [a, b] = await Promise.all([start(), start()]);
    });
    afterAll(async () => {
      for (const c of clients) c.destroy();
      await Promise.all([a?.stop(), b?.stop()]);
      await admin.query(`DROP SCHEMA ${run} CASCADE`);
      await admin.end();
    });

    it('C12: a comment posted through instance A reaches a stream open on instance B, with the mention for its recipient', async () => {
      const id = await createDeclarationViaApi(a.url);
      const claire = await joinAs(a.url, id, { role: 'committee-fr', name: 'Claire' });
      const kenji = await joinAs(a.url, id, { role: 'committee-ja', name: 'Kenji', language: 'ja' });
      const onA = connectClient(a.collabUrl, id, { token: claire.token });
      clients.push(onA);
      await synced(onA);
      const stream = await openEvents(b.url, id, kenji.token);
      try {
        const sid = readDeclaration(onA.doc).sections.find((s) => s.id === 'theme')!.segments[0]!.sid;
        const anchor = createPassageAnchor(onA.doc, { sectionId: 'theme', sid, language: 'ja' }, 0, 2)!;
        const made = await postJson(`${a.url}/api/declarations/${id}/comments`, { anchor, body: 'ここを見て', mentions: [kenji.memberId] }, { token: claire.token });
        expect(made.status).toBe(201);
        const threadId = (made.body as { id: string }).id;
        await stream.next((e) => e.type === 'thread' && e.thread.id === threadId);
        await stream.next((e) => e.type === 'notification' && e.notification.ref === threadId);
      } finally {
        stream.close();
      }
    });

    it('C8: two committees accepting one suggestion at once, each through its own instance, change the text once', async () => {
      const id = await createDeclarationViaApi(a.url);
      const claire = await joinAs(a.url, id, { role: 'committee-fr', name: 'Claire' });
      const kenji = await joinAs(a.url, id, { role: 'committee-ja', name: 'Kenji' });
      const mairie = await joinAs(a.url, id, { role: 'mayor-office', name: 'Mairie' });
      const onA = connectClient(a.collabUrl, id, { token: claire.token });
      const onB = connectClient(b.collabUrl, id, { token: kenji.token });
      clients.push(onA, onB);
      await Promise.all([synced(onA), synced(onB)]);
      const sid = readDeclaration(onA.doc).sections.find((s) => s.id === 'plenary')!.segments[0]!.sid;
      const fr = segmentText(onA.doc, 'plenary', 'fr');
      const text = `${fr} Ajout proposé par la mairie.`;
      const made = await postJson(`${b.url}/api/declarations/${id}/suggestions`, { sectionId: 'plenary', sid, language: 'fr', baseText: fr, text }, { token: mairie.token });
      expect(made.status).toBe(201);
      const path = `/api/declarations/${id}/suggestions/${(made.body as { id: string }).id}/accept`;
      const [onFirst, onSecond] = await Promise.all([postJson(a.url + path, {}, { token: claire.token }), postJson(b.url + path, {}, { token: kenji.token })]);
      expect([onFirst.status, onSecond.status].sort()).toEqual([200, 409]);
      await Promise.all([waitForDoc(onA.doc, () => segmentText(onA.doc, 'plenary', 'fr') === text), waitForDoc(onB.doc, () => segmentText(onB.doc, 'plenary', 'fr') === text)]);
      expect(segmentText(onB.doc, 'plenary', 'fr').split('Ajout proposé').length).toBe(2);
    });
  });
}
