/**
 * Two server processes sharing one PostgreSQL and one Redis, with real y-websocket clients on
 * each (issue 6). Runs when DATABASE_URL and REDIS_URL are set (CI sets both on this machine
 * kind); each run works in a PostgreSQL schema and a Redis channel prefix of its own.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createDeclarationViaApi, deleteJson, getJson, joinAs, postJson } from '../support/api';
import { segmentText, typeAtEnd } from '../support/editText';
import { type AccordProcess, startAccord } from '../support/startAccord';
import { connectClient, nextClose, synced, waitForDoc, type YClient } from '../support/yClient';

const databaseUrl = process.env.DATABASE_URL;
const redisUrl = process.env.REDIS_URL;
const run = `accord_scaleout_${process.pid}_${Date.now().toString(36)}`;

if (!databaseUrl || !redisUrl) {
  describe.skip(`two instances (skipped: ${!databaseUrl ? 'DATABASE_URL' : 'REDIS_URL'} is not set)`, () => {
    it('needs PostgreSQL and Redis', () => {});
  });
} else {
  const schemaUrl = (() => {
    const u = new URL(databaseUrl);
    u.searchParams.set('options', `-c search_path=${run}`);
    return u.toString();
  })();
  const start = () =>
    startAccord({ env: { DATABASE_URL: schemaUrl, REDIS_URL: redisUrl, REDIS_PREFIX: `${run}:` } });

  describe('two instances on one PostgreSQL and one Redis', () => {
    const admin = new pg.Client({ connectionString: databaseUrl });
    let a: AccordProcess;
    let b: AccordProcess;
    const clients: YClient[] = [];
    const client = (server: AccordProcess, id: string) => {
      const c = connectClient(server.collabUrl, id);
      clients.push(c);
      return c;
    };

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

    it('a member revoked through one instance is disconnected from the other at once (4401)', async () => {
      const id = await createDeclarationViaApi(a.url);
      const claire = await joinAs(a.url, id, { role: 'committee-fr', name: 'Claire' });
      const onB = connectClient(b.collabUrl, id, { token: claire.token });
      clients.push(onB);
      await synced(onB);
      // A has the declaration loaded too, as it would with its own clients: it then shares its channel.
      await synced(client(a, id));
      const closed = nextClose(onB);
      expect((await deleteJson(`${a.url}/api/declarations/${id}/members/${claire.memberId}`)).status).toBe(204);
      expect(await closed).toMatchObject({ code: 4401 });
      onB.provider.disconnect();
    });

    it('a member whose role changed through one instance is disconnected from the other at once (4100), and comes back with it', async () => {
      const id = await createDeclarationViaApi(a.url);
      const claire = await joinAs(a.url, id, { role: 'committee-fr', name: 'Claire' });
      const onB = connectClient(b.collabUrl, id, { token: claire.token });
      clients.push(onB);
      await synced(onB);
      await synced(client(a, id));
      const closed = nextClose(onB);
      const changed = await postJson(`${a.url}/api/declarations/${id}/members/${claire.memberId}`, { role: 'observer' }, { method: 'PATCH' });
      expect(changed.status).toBe(200);
      expect(await closed).toMatchObject({ code: 4100 });
      // Back on B, through PostgreSQL, as an observer: a write is refused.
      await new Promise<void>((resolve) => {
        const onSync = (isSynced: boolean) => {
          if (!isSynced) return;
          onB.provider.off('sync', onSync);
          resolve();
        };
        onB.provider.on('sync', onSync);
      });
      const refused = nextClose(onB);
      typeAtEnd(onB.doc, 'theme', 'fr', ' APRÈS');
      expect(await refused).toMatchObject({ code: 4403 });
      onB.provider.disconnect();
    });

    it('relays edits and presence between clients of different instances, presence with the identity of the session (A15)', async () => {
      const id = await createDeclarationViaApi(a.url);
      const claire = await joinAs(a.url, id, { role: 'committee-fr', name: 'Claire' });
      const onA = connectClient(a.collabUrl, id, { token: claire.token });
      clients.push(onA);
      const onB = client(b, id);
      await Promise.all([synced(onA), synced(onB)]);

      typeAtEnd(onA.doc, 'preamble', 'fr', ' [via A]');
      await waitForDoc(onB.doc, (doc) => segmentText(doc, 'preamble', 'fr').endsWith(' [via A]'));
      typeAtEnd(onB.doc, 'preamble', 'ja', '（B経由）');
      await waitForDoc(onA.doc, (doc) => segmentText(doc, 'preamble', 'ja').endsWith('（B経由）'));

      // Presence crosses too, as A rewrote it: A's client appears in B's client's awareness under
      // the session's name and role, not the one it claims, and leaves it.
      onA.provider.awareness.setLocalStateField('user', { name: 'Mairie de Cannes', role: 'mayor-office', color: '#2f6fb3' });
      const shown = await new Promise<unknown>((resolve) => {
        const check = () => {
          const state = onB.provider.awareness.getStates().get(onA.doc.clientID) as { user?: { color?: string } } | undefined;
          // The colour marks the state A's client set (its first one, on connecting, had none).
          if (state?.user?.color !== '#2f6fb3') return;
          onB.provider.awareness.off('change', check);
          resolve(state.user);
        };
        onB.provider.awareness.on('change', check);
        check();
      });
      expect(shown).toEqual({ name: 'Claire', role: 'committee-fr', color: '#2f6fb3' });
      const gone = new Promise<void>((resolve) => {
        onB.provider.awareness.on('change', () => {
          if (!onB.provider.awareness.getStates().has(onA.doc.clientID)) resolve();
        });
      });
      onA.provider.disconnect();
      await gone;
    });

    it('loses nothing when an instance is killed: its clients reconnect to the other', async () => {
      const id = await createDeclarationViaApi(a.url);
      const onA = client(a, id);
      const onB = client(b, id);
      await Promise.all([synced(onA), synced(onB)]);
      for (let i = 0; i < 20; i++) typeAtEnd(onA.doc, 'context', 'fr', ` a${i}`);
      await waitForDoc(onB.doc, (doc) => segmentText(doc, 'context', 'fr').endsWith(' a19'));

      await a.kill('SIGKILL');
      // Typed while A is gone: unacknowledged, kept by the client, sent on reconnection.
      typeAtEnd(onA.doc, 'context', 'fr', ' offline');
      onA.provider.destroy();
      // The same document, now on B: what the web app's reconnection to another instance does.
      const moved = connectClient(b.collabUrl, id, { doc: onA.doc });
      try {
        await waitForDoc(onB.doc, (doc) => segmentText(doc, 'context', 'fr').endsWith(' offline'));
        const expected = segmentText(onA.doc, 'context', 'fr');
        for (let i = 0; i < 20; i++) expect(expected).toContain(` a${i} `);
        await waitForDoc(onA.doc, () => segmentText(onB.doc, 'context', 'fr') === segmentText(onA.doc, 'context', 'fr'));
      } finally {
        moved.destroy();
      }
      a = await start();
    });

    it('keeps the text when both instances restart, and each serves the same text', async () => {
      const id = await createDeclarationViaApi(b.url);
      const onA = client(a, id);
      await synced(onA);
      typeAtEnd(onA.doc, 'theme', 'ja', '二〇二六年の約束');
      const reader = client(b, id);
      await waitForDoc(reader.doc, (doc) => segmentText(doc, 'theme', 'ja').endsWith('二〇二六年の約束'));
      onA.destroy();
      reader.destroy();

      await Promise.all([a.kill('SIGKILL'), b.stop()]);
      [a, b] = await Promise.all([start(), start()]);
      const [fromA, fromB] = await Promise.all([getJson(`${a.url}/api/declarations/${id}`), getJson(`${b.url}/api/declarations/${id}`)]);
      expect(fromA.status).toBe(200);
      expect(fromB.body).toEqual(fromA.body);
      const theme = (fromA.body as { sections: { id: string; segments: { ja: string }[] }[] }).sections.find((s) => s.id === 'theme')!;
      expect(theme.segments.map((s) => s.ja).join('')).toContain('二〇二六年の約束');
    });

    it('two instances appending to one declaration at once converge on every edit', async () => {
      const id = await createDeclarationViaApi(a.url);
      const writers = [client(a, id), client(b, id), client(a, id), client(b, id)];
      await Promise.all(writers.map(synced));
      writers.forEach((w, n) => {
        for (let i = 0; i < 25; i++) typeAtEnd(w.doc, 'closing', 'fr', ` w${n}.${i}`);
      });
      const complete = (doc: Y.Doc) => writers.every((_, n) => segmentText(doc, 'closing', 'fr').includes(` w${n}.24`));
      await Promise.all(writers.map((w) => waitForDoc(w.doc, complete)));
      const texts = writers.map((w) => segmentText(w.doc, 'closing', 'fr'));
      expect(new Set(texts).size).toBe(1);
      // What a fresh client of either instance loads from storage is the same converged text.
      const late = client(b, id);
      await synced(late);
      expect(segmentText(late.doc, 'closing', 'fr')).toBe(texts[0]);
    });


    it('A11, A12: a client moving to an instance that has not received another member’s edit yet brings it and is not refused', async () => {
      // A third instance whose relay never arrives (its own channel prefix): the store alone tells it.
      const deaf = await startAccord({ env: { DATABASE_URL: schemaUrl, REDIS_URL: redisUrl!, REDIS_PREFIX: `${run}-deaf:` } });
      try {
        const id = await createDeclarationViaApi(a.url);
        const claire = await joinAs(a.url, id, { role: 'committee-fr', name: 'Claire' });
        const kenji = await joinAs(a.url, id, { role: 'committee-ja', name: 'Kenji' });
        const onDeaf = connectClient(deaf.collabUrl, id, { token: claire.token });
        const claireOnA = connectClient(a.collabUrl, id, { token: claire.token });
        const kenjiOnA = connectClient(a.collabUrl, id, { token: kenji.token });
        clients.push(onDeaf, claireOnA, kenjiOnA);
        await Promise.all([synced(onDeaf), synced(claireOnA), synced(kenjiOnA)]);
        typeAtEnd(claireOnA.doc, 'theme', 'fr', ' (Claire, sur A)');
        await waitForDoc(kenjiOnA.doc, (doc) => segmentText(doc, 'theme', 'fr').endsWith(' (Claire, sur A)'));
        // Kenji's laptop moves to the deaf instance with Claire's text in its copy, and types on.
        const doc = kenjiOnA.doc;
        kenjiOnA.provider.destroy();
        const kenjiOnDeaf = connectClient(deaf.collabUrl, id, { token: kenji.token, doc });
        clients.push(kenjiOnDeaf);
        const closed: number[] = [];
        kenjiOnDeaf.provider.on('connection-close', (event) => event && closed.push(event.code));
        await synced(kenjiOnDeaf);
        typeAtEnd(doc, 'theme', 'ja', '（健二、移動後）');
        await waitForDoc(onDeaf.doc, (d) => segmentText(d, 'theme', 'fr').endsWith(' (Claire, sur A)') && segmentText(d, 'theme', 'ja').endsWith('（健二、移動後）'));
        expect(closed).toEqual([]);
      } finally {
        await deaf.stop();
      }
    });
  });
}
