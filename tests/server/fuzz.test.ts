/**
 * Hostile and broken peers (issue 5): random frames (fast-check), odd but well-formed updates,
 * floods, impersonated presence, a client that never reads, and random REST input. Each bad
 * connection is closed or answered with a clear error; the server stays up, honest clients keep
 * editing, and the stored document only ever changes through honest edits.
 */
import fc from 'fast-check';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { createDeclarationViaApi, getJson, postJson } from '../support/api';
import { segmentText, typeAtEnd } from '../support/editText';
import { type AccordProcess, startAccord } from '../support/startAccord';
import { connectClient, synced, waitForDoc } from '../support/yClient';

let server: AccordProcess;
let id: string;

beforeAll(async () => {
  // A small queue limit, so the client that never reads is dropped after a few hundred KB.
  server = await startAccord({ env: { MAX_BUFFERED_BYTES: String(256 * 1024) } });
  id = await createDeclarationViaApi(server.url);
});
afterAll(() => server.kill());

const stored = async () => JSON.stringify((await getJson(`${server.url}/api/declarations/${id}`)).body);

const syncStep1 = (() => {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 0);
  syncProtocol.writeSyncStep1(e, new Y.Doc());
  return encoding.toUint8Array(e);
})();

/**
 * Sends `frames`, then a sync step 1 as a probe: the server answers it (through the room's queue,
 * after everything before it) unless it closed the connection first. Resolves with what happened.
 */
function probe(frames: Uint8Array[]): Promise<{ closed: number | null }> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`${server.collabUrl}/${id}`);
    ws.on('open', () => {
      for (const f of frames) ws.send(f);
      ws.send(syncStep1);
    });
    ws.on('message', (data: Buffer) => {
      const d = decoding.createDecoder(new Uint8Array(data));
      if (decoding.readVarUint(d) === 0 && decoding.readVarUint(d) === syncProtocol.messageYjsSyncStep2) {
        ws.close();
        resolve({ closed: null });
      }
    });
    ws.on('close', (code) => resolve({ closed: code }));
    ws.on('error', reject);
  });
}

function updateFrame(update: Uint8Array): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 0);
  syncProtocol.writeUpdate(e, update);
  return encoding.toUint8Array(e);
}

async function honestClientsStillEdit(): Promise<void> {
  const [writer, reader] = [connectClient(server.collabUrl, id), connectClient(server.collabUrl, id)];
  try {
    await Promise.all([synced(writer), synced(reader)]);
    const mark = ` ok-${Math.random().toString(36).slice(2)}`;
    typeAtEnd(writer.doc, 'plenary', 'fr', mark);
    await waitForDoc(reader.doc, (doc) => segmentText(doc, 'plenary', 'fr').endsWith(mark));
  } finally {
    writer.destroy();
    reader.destroy();
  }
}

describe('fuzzing the WebSocket endpoint', () => {
  it('survives random frames: each is refused or harmless, and nothing is stored', async () => {
    const before = await stored();
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ minLength: 1, maxLength: 96 }), async (bytes) => {
        const { closed } = await probe([bytes]);
        // Either the frame was refused with a clear code, or it decoded to something harmless.
        expect(closed === null || closed === 4400).toBe(true);
      }),
      { numRuns: 80, seed: 20261123 },
    );
    expect(await stored()).toBe(before);
    expect((await getJson(`${server.url}/api/health`)).status).toBe(200);
    await honestClientsStillEdit();
  });

  it('takes an empty update and an update whose structs reference missing items without harm', async () => {
    const before = await stored();
    // An update from a client whose earlier edits the server never received: its structs wait
    // for their origins and change nothing visible.
    const stranger = new Y.Doc();
    stranger.getText('x').insert(0, 'first');
    const base = Y.encodeStateVector(stranger);
    stranger.getText('x').insert(5, ' second');
    const dangling = Y.encodeStateAsUpdate(stranger, base);
    for (const frame of [updateFrame(new Uint8Array(0)), updateFrame(new Uint8Array([0, 0])), updateFrame(dangling)]) {
      const { closed } = await probe([frame]);
      expect(closed === null || closed === 4400).toBe(true);
    }
    expect(await stored()).toBe(before);
    await honestClientsStillEdit();
  });

  it('closes a 10 MB update with 1009 and keeps serving', async () => {
    const big = new Y.Doc();
    big.getText('t').insert(0, 'x'.repeat(10 * 1024 * 1024));
    const { closed } = await probe([updateFrame(Y.encodeStateAsUpdate(big))]);
    expect(closed).toBe(1009);
    await honestClientsStillEdit();
  });

  it('closes a connection that floods thousands of awareness updates (4429) and keeps serving others', async () => {
    const flooder = new awarenessProtocol.Awareness(new Y.Doc());
    const frames: Uint8Array[] = [];
    for (let i = 0; i < 3000; i++) {
      flooder.setLocalState({ user: { name: `flood ${i}` } });
      const e = encoding.createEncoder();
      encoding.writeVarUint(e, 1);
      encoding.writeVarUint8Array(e, awarenessProtocol.encodeAwarenessUpdate(flooder, [flooder.clientID]));
      frames.push(encoding.toUint8Array(e));
    }
    const { closed } = await probe(frames);
    // 3000 at once is beyond the default rate limit's burst (200 a second for 5 s).
    expect(closed).toBe(4429);
    await honestClientsStillEdit();
  });

  it('ignores presence sent in the name of another participant', async () => {
    const claire = connectClient(server.collabUrl, id);
    const watcher = connectClient(server.collabUrl, id);
    try {
      await Promise.all([synced(claire), synced(watcher)]);
      claire.provider.awareness.setLocalStateField('user', { name: 'Claire' });
      const nameOf = () => (watcher.provider.awareness.getStates().get(claire.doc.clientID) as { user?: { name?: string } } | undefined)?.user?.name;
      await expect.poll(nameOf).toBe('Claire');

      // Every name the watcher ever shows for Claire, including for a moment: y-protocols makes
      // Claire's own client correct a forgery it receives, so only the transient would show it.
      const seen = new Set<string>();
      watcher.provider.awareness.on('change', () => {
        const name = nameOf();
        if (name) seen.add(name);
      });
      // Mallory forges an awareness update for Claire's client id, with a newer clock.
      const forged = new awarenessProtocol.Awareness(new Y.Doc());
      forged.clientID = claire.doc.clientID;
      for (let i = 0; i < 5; i++) forged.setLocalState({ user: { name: 'Mallory' }, i });
      const e = encoding.createEncoder();
      encoding.writeVarUint(e, 1);
      encoding.writeVarUint8Array(e, awarenessProtocol.encodeAwarenessUpdate(forged, [forged.clientID]));
      // Presence is handled in order, before the probe's answer: the forgery had its chance.
      expect((await probe([encoding.toUint8Array(e)])).closed).toBeNull();
      // Claire renews her presence; once the watcher has that, anything relayed before it arrived.
      claire.provider.awareness.setLocalStateField('user', { name: 'Claire', again: true });
      await expect.poll(() => (watcher.provider.awareness.getStates().get(claire.doc.clientID) as { user?: { again?: boolean } })?.user?.again).toBe(true);
      expect([...seen]).toEqual(['Claire']);
    } finally {
      claire.destroy();
      watcher.destroy();
    }
  });

  it('drops a client that never reads (1013) instead of queueing for it forever', async () => {
    const lazy = new WebSocket(`${server.collabUrl}/${id}`);
    await new Promise((resolve) => lazy.once('open', resolve));
    const closed = new Promise<number>((resolve) => lazy.once('close', (code) => resolve(code)));
    // Stop reading from the socket: what the server sends piles up in its buffers.
    (lazy as unknown as { _socket: { pause(): void; resume(): void } })._socket.pause();
    const writer = connectClient(server.collabUrl, id);
    const reader = connectClient(server.collabUrl, id);
    try {
      await Promise.all([synced(writer), synced(reader)]);
      const chunk = 'あ'.repeat(100_000);
      for (let i = 0; i < 60; i++) typeAtEnd(writer.doc, 'workshop-1', 'ja', `${chunk}${i}|`);
      await waitForDoc(reader.doc, (doc) => segmentText(doc, 'workshop-1', 'ja').endsWith('59|'));
      (lazy as unknown as { _socket: { resume(): void } })._socket.resume();
      expect(await closed).toBe(1013);
    } finally {
      writer.destroy();
      reader.destroy();
    }
  });
});

describe('fuzzing the REST API', () => {
  it('answers any JSON body to POST /api/declarations with 201 or a 400 that names the problem', async () => {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue(), async (body) => {
        const { status, body: answer } = await postJson(`${server.url}/api/declarations`, JSON.stringify(body));
        if (status === 201) return;
        expect(status).toBe(400);
        expect((answer as { error: { message: string } }).error.message).not.toBe('');
      }),
      { numRuns: 60, seed: 20261123 },
    );
  });

  it('answers any raw body with 201, 400 or 413, never a server error', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 200 }), async (raw) => {
        const { status } = await postJson(`${server.url}/api/declarations`, raw);
        expect([201, 400, 413]).toContain(status);
      }),
      { numRuns: 60, seed: 20261123 },
    );
  });

  it('answers path tricks and odd ids with 404 JSON', async () => {
    for (const path of ['..%2F..%2Fetc%2Fpasswd', '%00', 'a'.repeat(5000), '%E0%A4%A', '..', 'x/versions/..%2F..', `${id}/versions/%2e%2e`]) {
      const { status } = await getJson(`${server.url}/api/declarations/${path}`).catch(() => ({ status: 404 }));
      expect(status).toBe(404);
    }
    expect((await getJson(`${server.url}/api/health`)).status).toBe(200);
  });
});
