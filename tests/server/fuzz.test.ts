/**
 * Hostile and broken peers (issue 5): random frames (fast-check), odd but well-formed updates,
 * the crafted run-length update of yjs issue 687, floods, impersonated presence, a client that
 * never reads, and random REST input. Each bad connection is closed or answered with a clear
 * error; the server stays up, honest clients keep editing, and the stored document only ever
 * changes through honest edits.
 */
import fc from 'fast-check';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { createDeclarationViaApi, getJson, postJson } from '../support/api';
import { ISSUE_687_STRUCT_COUNT, issue687UpdateV2, structCountBombV1 } from '../support/craftedUpdates';
import { segmentText, typeAtEnd } from '../support/editText';
import { type AccordProcess, startAccord } from '../support/startAccord';
import { syncUpdateMessage } from '@accord/protocol/frames';
import { connectClient, synced, waitForDoc, socketUrl } from '../support/yClient';

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
 * after everything before it) unless it closed the connection first. Resolves with what happened:
 * `closed` is null if the probe was answered, else the close code, and `reason` its reason.
 */
function probe(frames: Uint8Array[]): Promise<{ closed: number | null; reason: string }> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(socketUrl(server.collabUrl, id));
    ws.on('open', () => {
      for (const f of frames) ws.send(f);
      ws.send(syncStep1);
    });
    ws.on('message', (data: Buffer) => {
      const d = decoding.createDecoder(new Uint8Array(data));
      if (decoding.readVarUint(d) === 0 && decoding.readVarUint(d) === syncProtocol.messageYjsSyncStep2) {
        ws.close();
        resolve({ closed: null, reason: '' });
      }
    });
    ws.on('close', (code, reason: Buffer) => resolve({ closed: code, reason: reason.toString() }));
    ws.on('error', reject);
  });
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

type YjsOperation = 'mergeUpdatesV2' | 'mergeUpdates' | 'applyUpdate';
type Outcome = 'returned' | `threw: ${string}` | 'still running';

/**
 * Runs a Yjs operation on `updates` in a worker thread, so that an input which locks the thread
 * locks only the worker: the test waits at most `ms` once the worker has loaded yjs, then
 * terminates it (which stops even a synchronous loop). `applyUpdate` applies them to a new Y.Doc.
 */
async function runInWorker(operation: YjsOperation, updates: Uint8Array[], ms = 2000): Promise<Outcome> {
  // The worker loads the very yjs these tests import (tests/node_modules), by absolute path.
  const yjs = createRequire(import.meta.url).resolve('yjs');
  const worker = new Worker(
    `const { parentPort, workerData } = require('node:worker_threads');
    const Y = require(workerData.yjs);
    const run = {
      mergeUpdatesV2: (updates) => Y.mergeUpdatesV2(updates),
      mergeUpdates: (updates) => Y.mergeUpdates(updates),
      applyUpdate: (updates) => { const doc = new Y.Doc(); for (const u of updates) Y.applyUpdate(doc, u); },
    }[workerData.operation];
    parentPort.postMessage('started');
    try {
      run(workerData.updates);
      parentPort.postMessage('returned');
    } catch (error) {
      parentPort.postMessage('threw: ' + error.message);
    }`,
    { eval: true, workerData: { yjs, operation, updates } },
  );
  let timer: NodeJS.Timeout | undefined;
  try {
    return await new Promise<Outcome>((resolve, reject) => {
      worker.on('message', (message: 'started' | Exclude<Outcome, 'still running'>) => {
        if (message === 'started') timer = setTimeout(() => resolve('still running'), ms);
        else resolve(message);
      });
      worker.on('error', reject);
    });
  } finally {
    clearTimeout(timer);
    await worker.terminate();
  }
}

describe('the crafted run-length update of yjs issue 687 (yjs 13.6.33: not fixed)', () => {
  it('declares 2^42 - 3 structs that the V2 columns supply without consuming any input', () => {
    const update = issue687UpdateV2();
    // Byte for byte the reproduction in the issue.
    expect(Buffer.from(update).toString('hex')).toBe('00010000000001000100010200001602000001fdffffffff7f0000');
    // Walk to the third client group the way yjs' struct reader does (count, client, clock, structs)…
    const decoder = new Y.UpdateDecoderV2(decoding.createDecoder(update));
    const rest = decoder.restDecoder;
    expect(decoding.readVarUint(rest)).toBe(22);
    for (let group = 0; group < 2; group++) {
      const count = decoding.readVarUint(rest);
      decoder.readClient();
      decoding.readVarUint(rest);
      for (let i = 0; i < count; i++) {
        decoder.readInfo();
        decoder.readLen();
      }
    }
    expect([decoding.readVarUint(rest), decoder.readClient(), decoding.readVarUint(rest)]).toEqual([ISSUE_687_STRUCT_COUNT, 0, 0]);
    // …whose structs are GCs (kind 0) of length 0, as many as asked for, and none reads a byte:
    // nothing but the declared count ends the loop.
    const position = rest.pos;
    let zeroLengthGcs = 0;
    for (let i = 0; i < 1_000_000; i++) if (decoder.readInfo() === 0 && decoder.readLen() === 0) zeroLengthGcs++;
    expect(zeroLengthGcs).toBe(1_000_000);
    expect(rest.pos).toBe(position);
  });

  it('keeps Y.mergeUpdatesV2 busy: still running after 2 s, where the same input with 1000 structs ends at once', async () => {
    const empty = Y.encodeStateAsUpdateV2(new Y.Doc());
    // The finite version runs out of input after its 1000 structs: the harness sees an ending.
    expect(await runInWorker('mergeUpdatesV2', [empty, issue687UpdateV2(1000)])).toBe('threw: Unexpected end of array');
    expect(await runInWorker('mergeUpdatesV2', [empty, issue687UpdateV2()])).toBe('still running');
  });

  it('has no V1 counterpart: V1 updates spell out every struct, so decoding stops when the bytes do', async () => {
    // What y-websocket carries and the server applies. The V2 bytes read as V1 are no structs and
    // an empty delete set (the rest is ignored); the V1 analogues throw at once.
    expect(await runInWorker('applyUpdate', [issue687UpdateV2()])).toBe('returned');
    expect(await runInWorker('applyUpdate', [structCountBombV1(ISSUE_687_STRUCT_COUNT)])).toBe('threw: Invalid array length');
    expect(await runInWorker('applyUpdate', [structCountBombV1(2 ** 32 - 1)])).toBe('threw: Unexpected end of array');
    // Even the lazy merge, which never allocates for the count, stops at the end of the bytes.
    const empty = Y.encodeStateAsUpdate(new Y.Doc());
    expect(await runInWorker('mergeUpdates', [empty, structCountBombV1(ISSUE_687_STRUCT_COUNT)])).toBe('threw: Unexpected end of array');
  });
});

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
    for (const frame of [syncUpdateMessage(new Uint8Array(0)), syncUpdateMessage(new Uint8Array([0, 0])), syncUpdateMessage(dangling)]) {
      const { closed } = await probe([frame]);
      expect(closed === null || closed === 4400).toBe(true);
    }
    expect(await stored()).toBe(before);
    await honestClientsStillEdit();
  });

  it('regression, yjs issue 687: ignores or refuses the crafted run-length update that hangs Y.mergeUpdatesV2', async () => {
    const before = await stored();
    // The server reads updates as V1 (Y.applyUpdate), never with the V2 decoders the issue abuses,
    // and merges only what Yjs itself encoded. So the issue's bytes are an empty update, answered
    // like any other…
    expect(await probe([syncUpdateMessage(issue687UpdateV2())])).toEqual({ closed: null, reason: '' });
    // …and their V1 analogues, which declare the same absurd struct count, fail to decode at once
    // (the write check reads every update with Y.decodeUpdate before anything is applied, and each
    // V1 struct costs input) and close the connection with 4400 and the decoder's error.
    expect(await probe([syncUpdateMessage(structCountBombV1(ISSUE_687_STRUCT_COUNT))])).toEqual({
      closed: 4400,
      reason: 'malformed update: Unexpected end of array',
    });
    expect(await probe([syncUpdateMessage(structCountBombV1(2 ** 32 - 1))])).toEqual({
      closed: 4400,
      reason: 'malformed update: Unexpected end of array',
    });
    // The room's queue was never blocked (each probe was answered or closed after its update),
    // and nothing reached the store.
    expect(await stored()).toBe(before);
    expect((await getJson(`${server.url}/api/health`)).status).toBe(200);
    await honestClientsStillEdit();
  });

  it('closes a 10 MB update with 1009 and keeps serving', async () => {
    const big = new Y.Doc();
    big.getText('t').insert(0, 'x'.repeat(10 * 1024 * 1024));
    const { closed } = await probe([syncUpdateMessage(Y.encodeStateAsUpdate(big))]);
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
      // The server names everyone as their session says (A15): the mark is what Claire's client says.
      claire.provider.awareness.setLocalStateField('mark', 'Claire');
      const markOf = () => (watcher.provider.awareness.getStates().get(claire.doc.clientID) as { mark?: string } | undefined)?.mark;
      await expect.poll(markOf).toBe('Claire');

      // Every mark the watcher ever shows for Claire, including for a moment: y-protocols makes
      // Claire's own client correct a forgery it receives, so only the transient would show it.
      const seen = new Set<string>();
      watcher.provider.awareness.on('change', () => {
        const mark = markOf();
        if (mark) seen.add(mark);
      });
      // Mallory forges an awareness update for Claire's client id, with a newer clock.
      const forged = new awarenessProtocol.Awareness(new Y.Doc());
      forged.clientID = claire.doc.clientID;
      for (let i = 0; i < 5; i++) forged.setLocalState({ mark: 'Mallory', i });
      const e = encoding.createEncoder();
      encoding.writeVarUint(e, 1);
      encoding.writeVarUint8Array(e, awarenessProtocol.encodeAwarenessUpdate(forged, [forged.clientID]));
      // Presence is handled in order, before the probe's answer: the forgery had its chance.
      expect((await probe([encoding.toUint8Array(e)])).closed).toBeNull();
      // Claire renews her presence; once the watcher has that, anything relayed before it arrived.
      claire.provider.awareness.setLocalStateField('again', true);
      await expect.poll(() => (watcher.provider.awareness.getStates().get(claire.doc.clientID) as { again?: boolean })?.again).toBe(true);
      expect([...seen]).toEqual(['Claire']);
    } finally {
      claire.destroy();
      watcher.destroy();
    }
  });

  it('drops a client that never reads (1013) instead of queueing for it forever', async () => {
    const lazy = new WebSocket(socketUrl(server.collabUrl, id));
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
      const { status, body } = await getJson(`${server.url}/api/declarations/${path}`);
      expect(status).toBe(404);
      expect(body).toMatchObject({ error: { code: 'not_found' } });
    }
    expect((await getJson(`${server.url}/api/health`)).status).toBe(200);
  });
});
