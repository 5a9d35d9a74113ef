/**
 * Configurable limits (README, docs/sync-protocol.md): document size, message rate and
 * connections per declaration. Each refuses with its own close code; nobody else is affected.
 */
import * as encoding from 'lib0/encoding';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createDeclarationViaApi, getJson } from '../support/api';
import { segmentText, typeAtEnd } from '../support/editText';
import { type AccordProcess, startAccord } from '../support/startAccord';
import { connectClient, nextClose, synced, waitForDoc, type YClient, socketUrl } from '../support/yClient';

let server: AccordProcess;
const clients: YClient[] = [];
const client = (id: string) => {
  const c = connectClient(server.collabUrl, id);
  clients.push(c);
  return c;
};

beforeAll(async () => {
  server = await startAccord({
    env: { MAX_DOCUMENT_BYTES: String(200_000), MAX_MESSAGES_PER_SECOND: '20', MAX_CONNECTIONS_PER_DECLARATION: '3' },
  });
});
afterAll(async () => {
  clients.forEach((c) => c.destroy());
  await server.kill();
});

describe('limits', () => {
  it('refuses an update that would make the declaration too large (4413), storing nothing of it', async () => {
    const id = await createDeclarationViaApi(server.url);
    const [big, other] = [client(id), client(id)];
    await Promise.all([synced(big), synced(other)]);
    const before = JSON.stringify((await getJson(`${server.url}/api/declarations/${id}`)).body);
    const closed = nextClose(big);
    typeAtEnd(big.doc, 'context', 'fr', 'x'.repeat(300_000));
    expect((await closed).code).toBe(4413);
    big.provider.disconnect();
    expect(JSON.stringify((await getJson(`${server.url}/api/declarations/${id}`)).body)).toBe(before);
    // Ordinary edits still go through for everyone else.
    const witness = client(id);
    await synced(witness);
    typeAtEnd(other.doc, 'theme', 'ja', '通常の編集');
    await waitForDoc(witness.doc, (doc) => segmentText(doc, 'theme', 'ja').endsWith('通常の編集'));
  });

  it('closes a connection sending faster than the rate limit (4429) after its burst', async () => {
    const id = await createDeclarationViaApi(server.url);
    const ws = new WebSocket(socketUrl(server.collabUrl, id));
    const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
    await new Promise((resolve) => ws.once('open', resolve));
    // 20 a second with a 5-second burst: 300 at once is well beyond.
    const queryAwareness = (() => {
      const e = encoding.createEncoder();
      encoding.writeVarUint(e, 3);
      return encoding.toUint8Array(e);
    })();
    for (let i = 0; i < 300; i++) ws.send(queryAwareness);
    expect(await closed).toBe(4429);
  });

  it('refuses connections beyond the limit per declaration (1013), and serves the others', async () => {
    const id = await createDeclarationViaApi(server.url);
    const first = [client(id), client(id), client(id)];
    await Promise.all(first.map(synced));
    const ws = new WebSocket(socketUrl(server.collabUrl, id));
    const refused = await new Promise<{ code: number; reason: string }>((resolve) =>
      ws.once('close', (code, reason) => resolve({ code, reason: reason.toString() })),
    );
    expect(refused.code).toBe(1013);
    expect(refused.reason).toMatch(/too many connections/);
    typeAtEnd(first[0]!.doc, 'closing', 'fr', ' fin');
    await waitForDoc(first[2]!.doc, (doc) => segmentText(doc, 'closing', 'fr').endsWith(' fin'));
  });
});
