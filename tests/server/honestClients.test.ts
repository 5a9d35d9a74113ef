/**
 * What honest clients do that the write check must never refuse (docs/access-and-workflow.md
 * A11, A12), with the real y-websocket client and members' own sessions: typing that overtakes a
 * reconnection's sync step 2, content one tab of a member got from another, a session that comes
 * back after a restart with its old client id.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createDeclarationViaApi, joinAs } from '../support/api';
import { segmentText, typeAtEnd } from '../support/editText';
import { type InProcessAccord, startInProcess } from '../support/startInProcess';
import { syncUpdateMessage } from '@accord/protocol/frames';
import { connectClient, synced, waitForDoc, type YClient } from '../support/yClient';

let server: InProcessAccord;
let id: string;
let claire: { token: string };
let hanako: { token: string };
const clients: YClient[] = [];
const closes: number[] = [];

function connect(token: string, doc?: Y.Doc): YClient {
  const client = connectClient(server.collabUrl, id, { token, ...(doc ? { doc } : {}) });
  client.provider.on('connection-close', (event) => {
    // `null` when this side disconnected on purpose.
    if (event) closes.push(event.code);
  });
  clients.push(client);
  return client;
}

beforeAll(async () => {
  server = await startInProcess();
  id = await createDeclarationViaApi(server.url);
  claire = await joinAs(server.url, id, { role: 'committee-fr', name: 'Claire' });
  hanako = await joinAs(server.url, id, { role: 'rapporteur', name: 'Hanako', sections: ['workshop-1'] });
});

beforeEach(() => {
  // Each test looks at its own clients' closes only.
  clients.splice(0).forEach((c) => c.destroy());
  closes.length = 0;
});

afterAll(async () => {
  clients.forEach((c) => c.destroy());
  await server.close();
});

describe('honest clients are never refused', () => {
  it('A12: typing sent on reconnection before the sync step 2 that carries the offline edits waits for it, and both are stored', async () => {
    const reader = connect(claire.token);
    const writer = connect(hanako.token);
    await Promise.all([synced(reader), synced(writer)]);
    typeAtEnd(writer.doc, 'workshop-1', 'fr', 'en ligne');
    await waitForDoc(reader.doc, (doc) => segmentText(doc, 'workshop-1', 'fr').endsWith('en ligne'));
    writer.provider.disconnect();
    typeAtEnd(writer.doc, 'workshop-1', 'fr', ', hors ligne');
    // y-websocket sends live updates as soon as the socket opens, before it answers the server's
    // sync step 1: this keystroke reaches the server before the offline text it follows.
    const onStatus = ({ status }: { status: string }) => {
      if (status !== 'connected') return;
      writer.provider.off('status', onStatus);
      typeAtEnd(writer.doc, 'workshop-1', 'fr', ', reconnectée');
    };
    writer.provider.on('status', onStatus);
    writer.provider.connect();
    await waitForDoc(reader.doc, (doc) => segmentText(doc, 'workshop-1', 'fr').endsWith('en ligne, hors ligne, reconnectée'));
    expect(closes).toEqual([]);
  });

  it('A11: a tab sends what another tab of the same member typed (as a BroadcastChannel brings it), new id or known one', async () => {
    const reader = connect(claire.token);
    const first = connect(hanako.token);
    const second = connect(hanako.token);
    await Promise.all([synced(reader), synced(first), synced(second)]);
    // The second tab writes once online (its id is claimed), then loses its connection.
    typeAtEnd(second.doc, 'workshop-1', 'ja', '第二のタブ');
    await waitForDoc(reader.doc, (doc) => segmentText(doc, 'workshop-1', 'ja').endsWith('第二のタブ'));
    second.provider.disconnect();
    const before = Y.encodeStateVector(second.doc);
    typeAtEnd(second.doc, 'workshop-1', 'ja', '、オフライン');
    // A third tab that never connected: its id is new to the server.
    const third = new Y.Doc();
    Y.applyUpdate(third, Y.encodeStateAsUpdate(second.doc));
    typeAtEnd(third, 'workshop-1', 'ja', '、三つ目');
    // The first tab receives both over the channel and is the one that sends them.
    Y.applyUpdate(first.doc, Y.encodeStateAsUpdate(second.doc, before));
    Y.applyUpdate(first.doc, Y.encodeStateAsUpdate(third, Y.encodeStateVector(first.doc)));
    await waitForDoc(reader.doc, (doc) => segmentText(doc, 'workshop-1', 'ja').endsWith('第二のタブ、オフライン、三つ目'));
    expect(closes).toEqual([]);
  });

  it('A11: after a restart, a session comes back with its old client id and offline edits, and goes on typing', async () => {
    const writer = connect(hanako.token);
    await synced(writer);
    typeAtEnd(writer.doc, 'workshop-1', 'fr', ' avant');
    const reader = connect(claire.token);
    await waitForDoc(reader.doc, (doc) => segmentText(doc, 'workshop-1', 'fr').endsWith(' avant'));
    const doc = writer.doc;
    writer.provider.destroy();
    reader.destroy();
    const dbFile = server.dbFile;
    await server.close();
    server = await startInProcess({ dbFile });
    typeAtEnd(doc, 'workshop-1', 'fr', ' pendant');
    const back = connect(hanako.token, doc);
    await synced(back);
    typeAtEnd(doc, 'workshop-1', 'fr', ' après');
    const fresh = connect(claire.token);
    await waitForDoc(fresh.doc, (d) => segmentText(d, 'workshop-1', 'fr').endsWith(' avant pendant après'));
    expect(closes.filter((code) => code !== 1001 && code !== 1006)).toEqual([]);
  });

  it('A12: an update waiting for a tab nobody has seen yet keeps waiting across later groups, then lands with that tab’s content', async () => {
    const reader = connect(claire.token);
    const writer = connect(hanako.token);
    await Promise.all([synced(reader), synced(writer)]);
    // A tab that never connected types; its text reaches this tab (as over a BroadcastChannel)
    // without being sent yet…
    const tab = new Y.Doc();
    Y.applyUpdate(tab, Y.encodeStateAsUpdate(writer.doc));
    typeAtEnd(tab, 'workshop-1', 'ja', '、別のタブ');
    const tabUpdate = Y.encodeStateAsUpdate(tab, Y.encodeStateVector(writer.doc));
    Y.applyUpdate(writer.doc, tabUpdate, writer.provider);
    // …and this tab types after it: its keystroke goes out at once and waits for the other tab's text.
    typeAtEnd(writer.doc, 'workshop-1', 'ja', '、続き');
    // Updates with nothing new, each in a group of its own, make the server check it again each time.
    for (let i = 0; i < 2; i++) {
      writer.provider.ws!.send(syncUpdateMessage(Y.encodeStateAsUpdate(new Y.Doc())));
      await answered(writer);
    }
    writer.provider.ws!.send(syncUpdateMessage(tabUpdate));
    await waitForDoc(reader.doc, (doc) => segmentText(doc, 'workshop-1', 'ja').endsWith('、別のタブ、続き'));
    expect(closes).toEqual([]);
  });
});

/** Resolves once the server has answered a sync step 1 sent now: everything sent before it was handled (S2). */
function answered(client: YClient): Promise<void> {
  const ws = client.provider.ws!;
  return new Promise((resolve) => {
    const onMessage = (event: MessageEvent) => {
      const decoder = decoding.createDecoder(new Uint8Array(event.data as ArrayBuffer));
      if (decoding.readVarUint(decoder) !== 0 || decoding.readVarUint(decoder) !== syncProtocol.messageYjsSyncStep2) return;
      ws.removeEventListener('message', onMessage);
      resolve();
    };
    ws.addEventListener('message', onMessage);
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, 0);
    syncProtocol.writeSyncStep1(encoder, client.doc);
    ws.send(encoding.toUint8Array(encoder));
  });
}
