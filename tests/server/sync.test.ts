/**
 * The sync server with real y-websocket clients (the npm `WebsocketProvider`) against the real
 * server process: convergence, late joiners, restarts and crashes. Rules cited are in SPEC.md.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createDeclarationViaApi, getJson } from '../support/api';
import { segmentText, typeAtEnd } from '../support/editText';
import { type AccordProcess, startAccord } from '../support/startAccord';
import { connectClient, synced, waitForDoc, type YClient } from '../support/yClient';

let servers: AccordProcess[] = [];
let clients: YClient[] = [];

afterEach(async () => {
  for (const client of clients) client.destroy();
  await Promise.all(servers.map((s) => s.kill()));
  clients = [];
  servers = [];
});

async function start(options: Parameters<typeof startAccord>[0] = {}) {
  const server = await startAccord(options);
  servers.push(server);
  return server;
}

function client(server: AccordProcess, id: string) {
  const c = connectClient(server.collabUrl, id);
  clients.push(c);
  return c;
}

describe('live co-editing (rule S2)', () => {
  it('two clients converge on concurrent edits in both languages', async () => {
    const server = await start();
    const id = await createDeclarationViaApi(server.url);
    const a = client(server, id);
    const b = client(server, id);
    await Promise.all([synced(a), synced(b)]);
    expect(segmentText(a.doc, 'preamble', 'fr')).toMatch(/^Nous, représentants/);

    typeAtEnd(a.doc, 'theme', 'fr', ' Texte de A.');
    typeAtEnd(b.doc, 'theme', 'ja', '（Bの追記）');
    const done = (doc: typeof a.doc) =>
      segmentText(doc, 'theme', 'fr').endsWith(' Texte de A.') && segmentText(doc, 'theme', 'ja').endsWith('（Bの追記）');
    await Promise.all([waitForDoc(a.doc, done), waitForDoc(b.doc, done)]);
    expect(segmentText(a.doc, 'theme', 'fr')).toBe(segmentText(b.doc, 'theme', 'fr'));
    expect(segmentText(a.doc, 'theme', 'ja')).toBe(segmentText(b.doc, 'theme', 'ja'));
  });

  it('a client joining late receives the full state, and the REST reading shows the live text', async () => {
    const server = await start();
    const id = await createDeclarationViaApi(server.url);
    const a = client(server, id);
    await synced(a);
    for (let i = 0; i < 20; i++) typeAtEnd(a.doc, 'context', 'fr', ` ${i}`);
    const expected = segmentText(a.doc, 'context', 'fr');
    // Every update is relayed only after it is stored, so a second client's view proves storage.
    const b = client(server, id);
    await synced(b);
    await waitForDoc(b.doc, (doc) => segmentText(doc, 'context', 'fr') === expected);
    const c = client(server, id);
    await synced(c);
    await waitForDoc(c.doc, (doc) => segmentText(doc, 'context', 'fr') === expected);
    const { body } = await getJson(`${server.url}/api/declarations/${id}`);
    const context = (body as { sections: Array<{ id: string; segments: Array<{ fr: string }> }> }).sections.find((s) => s.id === 'context');
    expect(context?.segments[0]?.fr).toBe(expected);
  });
});

describe('durability (rule S1)', () => {
  it('keeps the text across a graceful restart', async () => {
    const first = await start();
    const id = await createDeclarationViaApi(first.url);
    const a = client(first, id);
    await synced(a);
    typeAtEnd(a.doc, 'closing', 'ja', '再会を楽しみにしている。');
    const b = client(first, id);
    await waitForDoc(b.doc, (doc) => segmentText(doc, 'closing', 'ja').endsWith('再会を楽しみにしている。'));
    a.destroy();
    b.destroy();
    await first.stop();

    const second = await start({ dataDir: first.dataDir });
    const c = client(second, id);
    await synced(c);
    expect(segmentText(c.doc, 'closing', 'ja')).toMatch(/再会を楽しみにしている。$/);
  });

  it('keeps an edit that a second client received, when the server is killed with SIGKILL right after', async () => {
    const first = await start();
    const id = await createDeclarationViaApi(first.url);
    const writer = client(first, id);
    const reader = client(first, id);
    await Promise.all([synced(writer), synced(reader)]);
    typeAtEnd(writer.doc, 'workshop-2', 'fr', ' Amendement reçu par le lecteur.');
    await waitForDoc(reader.doc, (doc) => segmentText(doc, 'workshop-2', 'fr').endsWith('Amendement reçu par le lecteur.'));
    await first.kill('SIGKILL');
    writer.destroy();
    reader.destroy();

    const second = await start({ dataDir: first.dataDir });
    // A fresh client with no copy of its own: the text can only come from the server's storage.
    const fresh = client(second, id);
    await synced(fresh);
    expect(segmentText(fresh.doc, 'workshop-2', 'fr')).toMatch(/Amendement reçu par le lecteur\.$/);
  });

  it('clients reconnect to a restarted server on the same port and converge, with offline edits merged', async () => {
    const first = await start();
    const id = await createDeclarationViaApi(first.url);
    const a = client(first, id);
    const b = client(first, id);
    await Promise.all([synced(a), synced(b)]);
    await first.kill('SIGKILL');
    // Both keep editing while the server is down.
    typeAtEnd(a.doc, 'plenary', 'fr', ' [A hors ligne]');
    typeAtEnd(b.doc, 'plenary', 'ja', '［B オフライン］');
    await start({ dataDir: first.dataDir, port: first.port });
    const done = (doc: typeof a.doc) =>
      segmentText(doc, 'plenary', 'fr').endsWith('[A hors ligne]') && segmentText(doc, 'plenary', 'ja').endsWith('［B オフライン］');
    await Promise.all([waitForDoc(a.doc, done), waitForDoc(b.doc, done)]);
  });
});
