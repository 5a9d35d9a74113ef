/**
 * Acknowledgements (docs/sync-protocol.md): a client that connects with `?ack=1` learns when each
 * of its updates is stored; a standard client never receives the extra message type.
 */
import { MessageType } from '@accord/protocol/MessageType';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { socketUrl } from '../support/yClient';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { createDeclarationViaApi, getJson } from '../support/api';
import { typeAtEnd } from '../support/editText';
import { failingStore } from '../support/failingStore';
import { type AccordProcess, startAccord } from '../support/startAccord';
import { startInProcess } from '../support/startInProcess';

const SYNC = MessageType.sync;
const ACK = MessageType.ack;

/** A raw WebSocket peer that records every frame it receives, decoded down to its type. */
async function rawPeer(url: string) {
  const ws = new WebSocket(url);
  const frames: { type: number; decoder: decoding.Decoder }[] = [];
  const waiters: (() => void)[] = [];
  ws.on('message', (data: Buffer) => {
    const decoder = decoding.createDecoder(new Uint8Array(data));
    frames.push({ type: decoding.readVarUint(decoder), decoder });
    waiters.splice(0).forEach((w) => w());
  });
  await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
  const next = async (predicate: (f: { type: number; decoder: decoding.Decoder }) => boolean) => {
    for (;;) {
      const index = frames.findIndex(predicate);
      if (index >= 0) return frames.splice(index, 1)[0]!;
      await new Promise<void>((resolve) => waiters.push(resolve));
    }
  };
  const send = (write: (encoder: encoding.Encoder) => void) => {
    const encoder = encoding.createEncoder();
    write(encoder);
    ws.send(encoding.toUint8Array(encoder));
  };
  return { ws, frames, next, send };
}

describe('acknowledgements', () => {
  let server: AccordProcess;
  let id: string;
  beforeAll(async () => {
    server = await startAccord();
    id = await createDeclarationViaApi(server.url);
  });
  afterAll(() => server.stop());

  /** Joins as a Yjs peer: reads the server's step 1, answers with step 2 built from the state. */
  async function join(url: string) {
    const peer = await rawPeer(url);
    const doc = new Y.Doc();
    // Our own step 1 brings the document; the server answers it with step 2.
    peer.send((e) => {
      encoding.writeVarUint(e, SYNC);
      syncProtocol.writeSyncStep1(e, doc);
    });
    const step1 = await peer.next((f) => f.type === SYNC && decoding.peekVarUint(f.decoder) === syncProtocol.messageYjsSyncStep1);
    const reply = encoding.createEncoder();
    encoding.writeVarUint(reply, SYNC);
    syncProtocol.readSyncMessage(step1.decoder, reply, doc, null);
    peer.ws.send(encoding.toUint8Array(reply)); // our step 2: message 1 of this connection
    const step2 = await peer.next((f) => f.type === SYNC && decoding.peekVarUint(f.decoder) === syncProtocol.messageYjsSyncStep2);
    syncProtocol.readSyncMessage(step2.decoder, encoding.createEncoder(), doc, null);
    const sendUpdate = (update: Uint8Array) =>
      peer.send((e) => {
        encoding.writeVarUint(e, SYNC);
        syncProtocol.writeUpdate(e, update);
      });
    return { peer, doc, sendUpdate };
  }

  it('acknowledges every update message, by a growing count, once it is stored', async () => {
    const { peer, doc, sendUpdate } = await join(socketUrl(server.collabUrl, id, { ack: '1' }));
    const first = await peer.next((f) => f.type === ACK);
    expect(decoding.readVarUint(first.decoder)).toBe(1);
    for (let n = 0; n < 3; n++) {
      const before = Y.encodeStateVector(doc);
      typeAtEnd(doc, 'preamble', 'fr', ` ack${n}`);
      sendUpdate(Y.encodeStateAsUpdate(doc, before));
    }
    // Counts only grow; updates stored together (rule S16) are acknowledged by one count.
    let count = 1;
    while (count < 4) {
      const ack = await peer.next((f) => f.type === ACK);
      const next = decoding.readVarUint(ack.decoder);
      expect(next).toBeGreaterThan(count);
      count = next;
    }
    expect(count).toBe(4);
    // Acknowledged means stored: the server's reading has all three.
    const { body } = await getJson(`${server.url}/api/declarations/${id}`);
    expect(JSON.stringify(body)).toMatch(/ack0 ack1 ack2/);
    peer.ws.close();
  });

  it('never acknowledges an update the store refused', async () => {
    const { store, dbFile, setFailing } = failingStore();
    const own = await startInProcess({ store, dbFile });
    try {
      const ownId = await createDeclarationViaApi(own.url);
      const { peer, doc, sendUpdate } = await join(socketUrl(own.collabUrl, ownId, { ack: '1' }));
      expect(decoding.readVarUint((await peer.next((f) => f.type === ACK)).decoder)).toBe(1);
      setFailing(true);
      const closed = new Promise<number>((resolve) => peer.ws.once('close', (code) => resolve(code)));
      const before = Y.encodeStateVector(doc);
      typeAtEnd(doc, 'theme', 'fr', ' jamais enregistré');
      sendUpdate(Y.encodeStateAsUpdate(doc, before));
      expect(await closed).toBe(4503);
      // Acknowledging it would have told the web app "Enregistré" for an edit that is not on disk.
      expect(peer.frames.filter((f) => f.type === ACK)).toEqual([]);
    } finally {
      await own.close();
    }
  });

  it('never sends acknowledgements to a client that did not ask for them', async () => {
    const { peer, doc, sendUpdate } = await join(socketUrl(server.collabUrl, id));
    const before = Y.encodeStateVector(doc);
    typeAtEnd(doc, 'context', 'ja', '確認');
    sendUpdate(Y.encodeStateAsUpdate(doc, before));
    // A sync step 1 is answered through the same queue, after that update is processed: any
    // acknowledgement would have arrived before this answer.
    peer.send((e) => {
      encoding.writeVarUint(e, SYNC);
      syncProtocol.writeSyncStep1(e, doc);
    });
    await peer.next((f) => f.type === SYNC && decoding.peekVarUint(f.decoder) === syncProtocol.messageYjsSyncStep2);
    expect(peer.frames.filter((f) => f.type === ACK)).toEqual([]);
    peer.ws.close();
  });
});
