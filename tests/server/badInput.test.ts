/**
 * Bad input gets a clear error and loses nothing: malformed frames, unknown ids, invalid JSON,
 * a corrupt stored document. The server keeps serving everyone else (rules S4–S6).
 */
import Database from 'better-sqlite3';
import * as encoding from 'lib0/encoding';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createDeclarationViaApi, getJson, postJson } from '../support/api';
import { segmentText, typeAtEnd } from '../support/editText';
import { type AccordProcess, startAccord } from '../support/startAccord';
import { connectClient, synced, waitForDoc, socketUrl } from '../support/yClient';

let server: AccordProcess;
let id: string;

beforeAll(async () => {
  server = await startAccord();
  id = await createDeclarationViaApi(server.url);
});
afterAll(async () => {
  await server.kill();
});

/** Opens a raw socket, sends `frames` once open, and resolves with how the server closed it. */
function rawSession(path: string, frames: Array<Uint8Array | string>): Promise<{ code: number; reason: string }> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(socketUrl(server.collabUrl, path));
    ws.on('open', () => frames.forEach((f) => ws.send(f)));
    ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() }));
    ws.on('error', reject);
  });
}

function frame(...parts: Array<(e: encoding.Encoder) => void>): Uint8Array {
  const e = encoding.createEncoder();
  for (const part of parts) part(e);
  return encoding.toUint8Array(e);
}

const uint = (n: number) => (e: encoding.Encoder) => encoding.writeVarUint(e, n);
const bytes = (b: Uint8Array) => (e: encoding.Encoder) => encoding.writeVarUint8Array(e, b);

describe('malformed WebSocket frames (rule S4)', () => {
  const cases: Array<[string, Array<Uint8Array | string>]> = [
    ['an unknown message type', [frame(uint(99))]],
    ['an unknown sync message type', [frame(uint(0), uint(7), bytes(new Uint8Array([0])))]],
    ['a truncated varint', [new Uint8Array([0x80])]],
    ['an absurd length prefix', [frame(uint(0), uint(2), uint(2 ** 31))]],
    ['an update that is not a Yjs update', [frame(uint(0), uint(2), bytes(new Uint8Array([1, 200, 3, 4, 5, 6, 7])))]],
    ['a malformed state vector', [frame(uint(0), uint(0), bytes(new Uint8Array([5, 255, 255])))]],
    ['a text frame', ['hello']],
  ];

  it.each(cases)('closes only the sender of %s with 4400, and others keep editing', async (_name, frames) => {
    const honest = connectClient(server.collabUrl, id);
    const witness = connectClient(server.collabUrl, id);
    await Promise.all([synced(honest), synced(witness)]);
    const closed = await rawSession(id, frames);
    expect(closed.code).toBe(4400);
    expect(closed.reason).not.toBe('');
    const mark = ` ok-${Math.random().toString(36).slice(2)}`;
    typeAtEnd(honest.doc, 'theme', 'fr', mark);
    await waitForDoc(witness.doc, (doc) => segmentText(doc, 'theme', 'fr').endsWith(mark));
    honest.destroy();
    witness.destroy();
  });

  it('closes a frame above the size limit with 1009 and keeps serving', async () => {
    const small = await startAccord({ env: { MAX_MESSAGE_BYTES: '1024' } });
    try {
      const smallId = await createDeclarationViaApi(small.url);
      const ws = new WebSocket(socketUrl(small.collabUrl, smallId));
      const closed = await new Promise<number>((resolve) => {
        ws.on('open', () => ws.send(frame(uint(0), uint(2), bytes(new Uint8Array(4096)))));
        ws.on('close', (code) => resolve(code));
        ws.on('error', () => {});
      });
      expect(closed).toBe(1009);
      expect((await getJson(`${small.url}/api/health`)).status).toBe(200);
    } finally {
      await small.kill();
    }
  });
});

describe('unknown and invalid ids (rule S5)', () => {
  it('closes a socket for an unknown declaration with 4404', async () => {
    expect((await rawSession('nosuchdeclaration', [])).code).toBe(4404);
    expect((await rawSession('..%2F..%2Fetc', [])).code).toBe(4404);
  });

  it('answers unknown ids and routes with 404 JSON', async () => {
    const unknown = await getJson(`${server.url}/api/declarations/nosuchdeclaration`);
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({ error: { code: 'not_found' } });
    expect((await getJson(`${server.url}/api/declarations/..%2F..%2Fetc%2Fpasswd`)).status).toBe(404);
    expect((await getJson(`${server.url}/api/nothing-here`)).status).toBe(404);
  });
});

describe('REST input validation (rule S6)', () => {
  it('creates a declaration from the template and lists it', async () => {
    const created = await postJson(`${server.url}/api/declarations`, { title: { fr: 'Déclaration de Lyon', ja: 'リヨン宣言' } });
    expect(created.status).toBe(201);
    const newId = (created.body as { id: string }).id;
    const list = await getJson(`${server.url}/api/declarations`);
    const entry = (list.body as { declarations: Array<{ id: string; title: { fr: string } }> }).declarations.find((d) => d.id === newId);
    expect(entry?.title.fr).toBe('Déclaration de Lyon');
    const json = await getJson(`${server.url}/api/declarations/${newId}`);
    expect(json.status).toBe(200);
    expect((json.body as { meta: { title: { ja: string } } }).meta.title.ja).toBe('リヨン宣言');
  });

  it('answers invalid JSON and invalid bodies with 400 naming the problem', async () => {
    const invalidJson = await postJson(`${server.url}/api/declarations`, '{"title": ');
    expect(invalidJson.status).toBe(400);
    expect(invalidJson.body).toMatchObject({ error: { code: 'invalid_json' } });

    const missingJa = await postJson(`${server.url}/api/declarations`, { title: { fr: 'Seulement en français' } });
    expect(missingJa.status).toBe(400);
    expect((missingJa.body as { error: { message: string } }).error.message).toMatch(/title\.ja/);

    const wrongType = await postJson(`${server.url}/api/declarations`, { title: 42 });
    expect(wrongType.status).toBe(400);
    expect((wrongType.body as { error: { message: string } }).error.message).toMatch(/^title/);

    const extra = await postJson(`${server.url}/api/declarations`, { title: { fr: 'a', ja: 'b' }, owner: 'x' });
    expect(extra.status).toBe(400);
  });

  it('refuses a huge body with 413', async () => {
    const huge = await postJson(`${server.url}/api/declarations`, { title: { fr: 'x'.repeat(2 * 1024 * 1024), ja: 'y' } });
    expect(huge.status).toBe(413);
  });
});

describe('a stored document that fails to load (rule S7)', () => {
  it('is never served as empty nor saved over', async () => {
    const own = await startAccord();
    const badId = await createDeclarationViaApi(own.url);
    await own.stop();
    const file = join(own.dataDir, 'accord.sqlite');
    const db = new Database(file);
    const garbage = Buffer.from([0, 1, 2, 250, 251, 252, 253, 254, 255, 9, 9, 9]);
    db.prepare('UPDATE snapshots SET state = ? WHERE declaration_id = ?').run(garbage, badId);
    db.close();

    const restarted = await startAccord({ dataDir: own.dataDir });
    try {
      const rest = await getJson(`${restarted.url}/api/declarations/${badId}`);
      expect(rest.status).toBe(500);
      expect(rest.body).toMatchObject({ error: { code: 'load_failed' } });
      // Every route that reads the document says the same, not a generic server error.
      const workflow = await getJson(`${restarted.url}/api/declarations/${badId}/workflow`);
      expect(workflow).toMatchObject({ status: 500, body: { error: { code: 'load_failed' } } });
      const ws = await new Promise<{ code: number; reason: string }>((resolve) => {
        const socket = new WebSocket(socketUrl(restarted.collabUrl, badId));
        socket.on('close', (code, reason) => resolve({ code, reason: reason.toString() }));
        socket.on('error', () => {});
      });
      expect(ws.code).toBe(4500);
      expect(ws.reason).toMatch(/could not be loaded/);
      // Another declaration on the same server is still served.
      const other = await createDeclarationViaApi(restarted.url);
      expect((await getJson(`${restarted.url}/api/declarations/${other}`)).status).toBe(200);
    } finally {
      await restarted.stop();
    }
    const after = new Database(file, { readonly: true });
    const row = after.prepare('SELECT state FROM snapshots WHERE declaration_id = ?').get(badId) as { state: Buffer };
    after.close();
    expect(Buffer.compare(row.state, garbage)).toBe(0);
  });
});
