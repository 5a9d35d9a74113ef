/**
 * Versions, restore and the aligned diff API (issue 3), over HTTP and real y-websocket clients.
 */
import { VersionService } from '@accord/server/versions/VersionService';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createDeclarationViaApi, getJson, joinAs, postJson } from '../support/api';
import { segmentText, textblock, typeAtEnd } from '../support/editText';
import { type InProcessAccord, startInProcess } from '../support/startInProcess';
import { connectClient, synced, waitForDoc, type YClient } from '../support/yClient';

interface Version {
  id: string;
  kind: string;
  label: string | null;
  author: string | null;
  createdAt: string;
  hash: string;
  changes: { passages: number; sections: number } | null;
}

describe('versions', () => {
  let server: InProcessAccord;
  const clients: YClient[] = [];
  const client = (id: string, doc?: Y.Doc) => {
    const c = connectClient(server.collabUrl, id, { doc });
    clients.push(c);
    return c;
  };
  const versionsOf = async (id: string) => ((await getJson(`${server.url}/api/declarations/${id}/versions`)).body as { versions: Version[] }).versions;
  const save = async (id: string, label: string) => {
    const { status, body } = await postJson(`${server.url}/api/declarations/${id}/versions`, { label, author: 'Claire Martin' });
    expect(status).toBe(201);
    return body as { id: string; hash: string };
  };

  beforeAll(async () => {
    // Checkpoints after 50 ms of quiet: the idle rule, at test speed.
    server = await startInProcess({ checkpoints: { idleMs: 50, maxIntervalMs: 60_000 } });
  });

  afterAll(async () => {
    for (const c of clients) c.destroy();
    await server.close();
  });

  it('saves a named version with author, time, label and a content hash; equal texts hash equally', async () => {
    const id = await createDeclarationViaApi(server.url);
    const first = await save(id, 'Projet n°1');
    expect(first.hash).toMatch(/^[0-9a-f]{64}$/);
    const writer = client(id);
    await synced(writer);
    typeAtEnd(writer.doc, 'context', 'fr', ' Ajout.');
    await waitForServerText(id, 'context', (t) => t.endsWith(' Ajout.'));
    const second = await save(id, 'Projet n°2 — envoyé au comité japonais');
    expect(second.hash).not.toBe(first.hash);

    // Undo the edit by hand: a different history, the same text, the same hash.
    const xmlText = textblock(writer.doc, 'context', 'fr').get(0) as Y.XmlText;
    xmlText.delete(xmlText.length - ' Ajout.'.length, ' Ajout.'.length);
    await waitForServerText(id, 'context', (t) => !t.endsWith(' Ajout.'));
    const third = await save(id, 'Retour au projet n°1');
    expect(third.hash).toBe(first.hash);

    const list = await versionsOf(id);
    expect(list.map((v) => v.label).filter((l) => l !== null)).toEqual(['Retour au projet n°1', 'Projet n°2 — envoyé au comité japonais', 'Projet n°1']);
    const named = list.find((v) => v.id === second.id)!;
    expect(named).toMatchObject({ kind: 'named', author: 'Claire Martin', hash: second.hash });
    expect(Date.now() - Date.parse(named.createdAt)).toBeLessThan(60_000);

    const read = await getJson(`${server.url}/api/declarations/${id}/versions/${second.id}`);
    expect(read.status).toBe(200);
    const json = (read.body as { declaration: { sections: { id: string; segments: { fr: string }[] }[] } }).declaration;
    expect(json.sections.find((s) => s.id === 'context')!.segments.map((s) => s.fr).join('')).toContain(' Ajout.');
  });

  it('checkpoints automatically once a declaration has been idle, and not again without a change', async () => {
    const id = await createDeclarationViaApi(server.url);
    const writer = client(id);
    await synced(writer);
    typeAtEnd(writer.doc, 'theme', 'ja', '自動保存');
    await expect.poll(async () => (await versionsOf(id)).filter((v) => v.kind === 'automatic').length).toBe(1);
    const [checkpoint] = await versionsOf(id);
    const read = await getJson(`${server.url}/api/declarations/${id}/versions/${checkpoint!.id}`);
    expect(JSON.stringify(read.body)).toContain('自動保存');
    // Not again without a change (S13): another automatic save of the same text returns the same version.
    const again = await new VersionService(server.store, server.accord.hub).save(id, { kind: 'automatic', label: null, author: null });
    expect(again?.id).toBe(checkpoint!.id);
    expect((await versionsOf(id)).filter((v) => v.kind === 'automatic')).toHaveLength(1);
  });

  it('says who an automatic version holds the edits of, and what it changed since the one before', async () => {
    const id = await createDeclarationViaApi(server.url);
    const base = await save(id, 'Avant l’atelier');
    const claire = await joinAs(server.url, id, { role: 'committee-fr', name: 'Claire Martin' });
    const hanako = await joinAs(server.url, id, { role: 'committee-ja', name: '佐藤 花子' });
    const fr = connectClient(server.collabUrl, id, { token: claire.token });
    const ja = connectClient(server.collabUrl, id, { token: hanako.token });
    clients.push(fr, ja);
    await Promise.all([synced(fr), synced(ja)]);
    // Three edits: two passages of two sections (the theme's French and Japanese are one passage).
    typeAtEnd(fr.doc, 'context', 'fr', ' Ajout.');
    typeAtEnd(fr.doc, 'theme', 'fr', ' Ajout.');
    typeAtEnd(ja.doc, 'theme', 'ja', '追加。');
    await expect.poll(async () => (await versionsOf(id)).filter((v) => v.kind === 'automatic').length).toBe(1);
    const [automatic] = await versionsOf(id);
    expect(automatic).toMatchObject({ kind: 'automatic', label: null, changes: { passages: 2, sections: 2 } });
    expect(automatic!.author?.split(', ').sort()).toEqual(['Claire Martin', '佐藤 花子']);
    // The first version of a declaration has nothing before it to count against.
    expect((await versionsOf(id)).find((v) => v.id === base.id)).toMatchObject({ changes: null });
    // The next one holds only who wrote since.
    typeAtEnd(ja.doc, 'context', 'ja', '追記。');
    await expect.poll(async () => (await versionsOf(id)).filter((v) => v.kind === 'automatic').length).toBe(2);
    expect((await versionsOf(id))[0]).toMatchObject({ author: '佐藤 花子', changes: { passages: 1, sections: 1 } });
  });

  it('S14: restores a version as a new change that every connected client sees at once', async () => {
    const id = await createDeclarationViaApi(server.url);
    const [a, b] = [client(id), client(id)];
    await Promise.all([synced(a), synced(b)]);
    const v1 = await save(id, 'avant');
    typeAtEnd(a.doc, 'closing', 'fr', ' APRÈS');
    await waitForDoc(b.doc, (doc) => segmentText(doc, 'closing', 'fr').endsWith(' APRÈS'));

    const restored = await postJson(`${server.url}/api/declarations/${id}/versions/${v1.id}/restore`, { author: 'Hanako' });
    expect(restored.status).toBe(200);
    await Promise.all([a, b].map((c) => waitForDoc(c.doc, (doc) => !segmentText(doc, 'closing', 'fr').includes('APRÈS'))));
    const list = await versionsOf(id);
    // The text it replaced stays reachable: a checkpoint was taken just before.
    const before = list.find((v) => v.kind === 'before-restore')!;
    expect(before.author).toBe('Hanako');
    const saved = await getJson(`${server.url}/api/declarations/${id}/versions/${before.id}`);
    expect(JSON.stringify(saved.body)).toContain('APRÈS');
    // The live text hashes like the restored version again.
    expect((await save(id, 'après restauration')).hash).toBe(v1.hash);
  });

  it('S14: a client coming back with an old offline copy neither undoes nor duplicates a restore', async () => {
    const id = await createDeclarationViaApi(server.url);
    const online = client(id);
    await synced(online);
    const v1 = await save(id, 'avant');
    typeAtEnd(online.doc, 'preamble', 'fr', ' HORS-LIGNE');
    await waitForServerText(id, 'preamble', (t) => t.endsWith(' HORS-LIGNE'));

    // A laptop that had the edit, then lost the network before the restore.
    const laptop = new Y.Doc();
    Y.applyUpdate(laptop, Y.encodeStateAsUpdate(online.doc));
    await postJson(`${server.url}/api/declarations/${id}/versions/${v1.id}/restore`, {});
    await waitForServerText(id, 'preamble', (t) => !t.includes('HORS-LIGNE'));

    client(id, laptop);
    await waitForDoc(laptop, (doc) => !segmentText(doc, 'preamble', 'fr').includes('HORS-LIGNE'));
    await waitForDoc(online.doc, () => segmentText(online.doc, 'preamble', 'fr') === segmentText(laptop, 'preamble', 'fr'));
    const text = await serverText(id, 'preamble');
    // Exactly the restored text: not the laptop's (undone), not both (duplicated).
    const version = (await getJson(`${server.url}/api/declarations/${id}/versions/${v1.id}`)).body as {
      declaration: { sections: { id: string; segments: { fr: string }[] }[] };
    };
    expect(text).toBe(version.declaration.sections.find((s) => s.id === 'preamble')!.segments[0]!.fr);
    expect(text).toBe(segmentText(laptop, 'preamble', 'fr'));
  });

  it('diffs two versions, or a version and now, segment by segment in both languages', async () => {
    const id = await createDeclarationViaApi(server.url);
    const writer = client(id);
    await synced(writer);
    const v1 = await save(id, 'v1');
    typeAtEnd(writer.doc, 'theme', 'fr', ' Nouveau.');
    await waitForServerText(id, 'theme', (t) => t.endsWith(' Nouveau.'));
    const v2 = await save(id, 'v2');

    for (const to of [v2.id, 'current']) {
      const { status, body } = await getJson(`${server.url}/api/declarations/${id}/diff?from=${v1.id}&to=${to}`);
      expect(status).toBe(200);
      const diff = body as {
        sections: { id: string; status: string; segments: { status: string; languages: string; ops: { fr: { op: string; text: string }[] } }[] }[];
      };
      const theme = diff.sections.find((s) => s.id === 'theme')!;
      expect(theme.status).toBe('changed');
      const changed = theme.segments.find((s) => s.status === 'changed')!;
      expect(changed.languages).toBe('fr-only');
      expect(changed.ops.fr.filter((op) => op.op === 'insert').map((op) => op.text).join('')).toContain('Nouveau');
      expect(diff.sections.find((s) => s.id === 'closing')!.status).toBe('unchanged');
    }
  });

  it('answers bad requests with clear errors', async () => {
    const id = await createDeclarationViaApi(server.url);
    const v = await save(id, 'ok');
    const expectError = async (response: Promise<{ status: number; body: unknown }>, status: number, code: string) => {
      const r = await response;
      expect(r.status).toBe(status);
      expect((r.body as { error: { code: string } }).error.code).toBe(code);
    };
    await expectError(postJson(`${server.url}/api/declarations/${id}/versions`, { label: '' }), 400, 'invalid_body');
    await expectError(postJson(`${server.url}/api/declarations/${id}/versions`, '{"label":'), 400, 'invalid_json');
    await expectError(postJson(`${server.url}/api/declarations/${id}/versions`, { label: 'x', extra: 1 }), 400, 'invalid_body');
    await expectError(postJson(`${server.url}/api/declarations/nope/versions`, { label: 'x' }), 404, 'not_found');
    await expectError(getJson(`${server.url}/api/declarations/nope/versions`), 404, 'not_found');
    await expectError(getJson(`${server.url}/api/declarations/${id}/versions/vUnknown`), 404, 'not_found');
    await expectError(getJson(`${server.url}/api/declarations/${id}/versions/..%2F..%2Fetc`), 404, 'not_found');
    await expectError(postJson(`${server.url}/api/declarations/${id}/versions/vUnknown/restore`, {}), 404, 'not_found');
    await expectError(getJson(`${server.url}/api/declarations/${id}/diff?to=${v.id}`), 400, 'invalid_query');
    await expectError(getJson(`${server.url}/api/declarations/${id}/diff?from=vUnknown`), 404, 'not_found');
  });

  async function serverText(id: string, sectionId: string): Promise<string> {
    const { body } = await getJson(`${server.url}/api/declarations/${id}`);
    const json = body as { sections: { id: string; segments: { fr: string; ja: string }[] }[] };
    // The first segment: where `typeAtEnd` types.
    return json.sections.find((s) => s.id === sectionId)!.segments[0]!.fr;
  }

  async function waitForServerText(id: string, sectionId: string, predicate: (text: string) => boolean): Promise<void> {
    await expect.poll(async () => predicate(await serverText(id, sectionId))).toBe(true);
  }
});
