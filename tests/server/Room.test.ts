import * as decoding from 'lib0/decoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CloseCode } from '@accord/protocol/CloseCode';
import { MessageType } from '@accord/protocol/MessageType';
import type { Role } from '@accord/permissions/roles';
import { segmentText, typeAtEnd } from '../support/editText';
import { SqliteStore } from '@accord/server/storage/SqliteStore';
import { storeNewDeclaration } from '@accord/server/storage/storeNewDeclaration';
import { docFromStored } from '@accord/server/storage/docFromStored';
import { awarenessFrame, syncUpdateMessage } from '@accord/protocol/frames';
import type { Peer } from '@accord/server/sync/Peer';
import { Room } from '@accord/server/sync/Room';
import type { RoomEvents } from '@accord/server/sync/RoomEvents';

/** A peer that records what the room sends it, as a connection would receive it. */
interface RecordingPeer extends Peer {
  /** The sync updates received, in order (step 1 and 2 of the handshake are left out). */
  updates: Uint8Array[];
  acks: number[];
  /** The awareness updates received. */
  presence: Uint8Array[];
  closed: { code: number; reason: string } | null;
}

function recordingPeer(role: Role, sections: string[] = [], wantsAck = false): RecordingPeer {
  const peer: RecordingPeer = {
    principal: { role, sections, memberId: null, name: role, language: 'fr' },
    wantsAck,
    updates: [],
    acks: [],
    presence: [],
    closed: null,
    send(message) {
      const decoder = decoding.createDecoder(message);
      const type = decoding.readVarUint(decoder);
      if (type === MessageType.ack) peer.acks.push(decoding.readVarUint(decoder));
      if (type === MessageType.awareness) peer.presence.push(decoding.readVarUint8Array(decoder));
      if (type === MessageType.sync && decoding.readVarUint(decoder) === syncProtocol.messageYjsUpdate) peer.updates.push(decoding.readVarUint8Array(decoder));
    },
    close(code, reason) {
      peer.closed ??= { code, reason };
    },
  };
  return peer;
}

const ID = 'decl-room-test';
const noEvents: RoomEvents = { failed: () => {}, committed: () => {}, refused: () => {}, removingSections: async () => {}, restructured: () => {}, wrote: () => {} };

describe('Room: updates that arrive together are committed together (rule S16)', () => {
  let store: SqliteStore;
  let room: Room;

  beforeEach(async () => {
    store = new SqliteStore(':memory:');
    await storeNewDeclaration(store, ID, { title: { fr: 'Essai', ja: '試験' } });
    room = new Room(ID, await clientDoc(), store, noEvents);
  });

  afterEach(async () => {
    room.destroy();
    await store.close();
  });

  /** A copy of the declaration as stored, as a client that has just synced holds it. */
  const clientDoc = async () => docFromStored(ID, (await store.loadDocument(ID))!);

  /** An update typing `text` at the end of a section's first French paragraph in `doc`. */
  function typed(doc: Y.Doc, sectionId: string, text: string): Uint8Array {
    const before = Y.encodeStateVector(doc);
    typeAtEnd(doc, sectionId, 'fr', text);
    return syncUpdateMessage(Y.encodeStateAsUpdate(doc, before));
  }

  /** Waits until the room's queue has run everything received so far. */
  const settled = () => room.read(() => undefined);
  const storedRows = async () => (await store.loadDocument(ID))!.updates.length;
  /** Whose edits an update carries: the client ids it has structs of. */
  const writersIn = (update: Uint8Array) => [...Y.parseUpdateMeta(update).to.keys()].sort();

  it('stores updates received back to back as one row, relays them as one message, and acknowledges them by one count', async () => {
    const doc = await clientDoc();
    const writer = recordingPeer('committee-fr', [], true);
    const reader = recordingPeer('observer');
    room.addPeer(writer);
    room.addPeer(reader);
    await settled();
    for (const text of [' un', ' deux', ' trois']) room.receive(writer, typed(doc, 'preamble', text));
    await settled();

    expect(await storedRows()).toBe(1);
    expect(segmentText(await clientDoc(), 'preamble', 'fr')).toMatch(/ un deux trois$/);
    expect(reader.updates).toHaveLength(1);
    const readerDoc = await clientDoc();
    Y.applyUpdate(readerDoc, reader.updates[0]!);
    expect(segmentText(readerDoc, 'preamble', 'fr')).toMatch(/ un deux trois$/);
    // The writer has its own edits: none are sent back to it.
    expect(writer.updates).toHaveLength(0);
    expect(writer.acks).toEqual([3]);
  });

  it('relays a group with several writers to everyone, writers included, as one message', async () => {
    const [aliceDoc, brunoDoc] = [await clientDoc(), await clientDoc()];
    const [alice, bruno, reader] = [recordingPeer('committee-fr'), recordingPeer('committee-ja'), recordingPeer('observer')];
    for (const peer of [alice, bruno, reader]) room.addPeer(peer);
    await settled();
    room.receive(alice, typed(aliceDoc, 'theme', ' Alice'));
    room.receive(bruno, typed(brunoDoc, 'context', ' Bruno'));
    await settled();

    expect(await storedRows()).toBe(1);
    const both = [aliceDoc.clientID, brunoDoc.clientID].sort();
    for (const peer of [alice, bruno, reader]) expect(peer.updates.map(writersIn)).toEqual([both]);
    // Each writer's own part is skipped; the other's lands.
    Y.applyUpdate(aliceDoc, alice.updates[0]!);
    expect(segmentText(aliceDoc, 'context', 'fr')).toMatch(/ Bruno$/);
  });

  it('checks each update of a group in turn: a refused one closes its sender, drops what it sent after, and the others are stored (S15)', async () => {
    const [hanakoDoc, claireDoc] = [await clientDoc(), await clientDoc()];
    const hanako = recordingPeer('rapporteur', ['workshop-1']);
    const claire = recordingPeer('committee-fr');
    const reader = recordingPeer('observer');
    for (const peer of [hanako, claire, reader]) room.addPeer(peer);
    await settled();
    room.receive(hanako, typed(hanakoDoc, 'workshop-1', ' permis'));
    room.receive(claire, typed(claireDoc, 'theme', ' Claire'));
    // From a copy of its own, so that the next update does not depend on this one's structs.
    room.receive(hanako, typed(await clientDoc(), 'theme', ' interdit'));
    // Allowed on its own, but sent by a connection the room has just closed.
    room.receive(hanako, typed(hanakoDoc, 'workshop-1', ' après'));
    await settled();

    expect(hanako.closed?.code).toBe(CloseCode.forbiddenWrite);
    const stored = await clientDoc();
    expect(segmentText(stored, 'workshop-1', 'fr')).toMatch(/ permis$/);
    expect(segmentText(stored, 'theme', 'fr')).toMatch(/ Claire$/);
    expect(segmentText(stored, 'theme', 'fr')).not.toContain('interdit');
    expect(await storedRows()).toBe(1);
    expect(reader.updates.map(writersIn)).toEqual([[hanakoDoc.clientID, claireDoc.clientID].sort()]);
  });

  it('S17: relays to a crowded room at a bounded pace: what is stored meanwhile goes out together', async () => {
    const [writerDoc, readerDoc] = [await clientDoc(), await clientDoc()];
    const writer = recordingPeer('committee-fr');
    // 450 peers: a relay spends a whole burst's worth of frames (PacedRelay), so the next one waits for the bucket to refill.
    const readers = Array.from({ length: 449 }, () => recordingPeer('observer'));
    for (const peer of [writer, ...readers]) room.addPeer(peer);
    await settled();
    const relayed = new Promise<void>((resolve) => {
      const watched = readers[0]!;
      const send = watched.send.bind(watched);
      watched.send = (message) => {
        send(message);
        if (watched.updates.length === 2) resolve();
      };
    });
    // Three groups, each ended by a read: three rows, but the second and third come within the pace.
    for (const text of [' un', ' deux', ' trois']) {
      room.receive(writer, typed(writerDoc, 'theme', text));
      void room.read(() => undefined);
    }
    await settled();
    expect(await storedRows()).toBe(3);
    expect(readers[0]!.updates).toHaveLength(1);
    await relayed;
    expect(readers.every((r) => r.updates.length === 2)).toBe(true);
    for (const update of readers[0]!.updates) Y.applyUpdate(readerDoc, update);
    expect(segmentText(readerDoc, 'theme', 'fr')).toMatch(/ un deux trois$/);
  });

  it('S17: relays what other instances relay at the same pace, merged', async () => {
    const docs = [await clientDoc(), await clientDoc(), await clientDoc()];
    const writer = recordingPeer('committee-fr');
    const readers = Array.from({ length: 449 }, () => recordingPeer('observer'));
    for (const peer of [writer, ...readers]) room.addPeer(peer);
    await settled();
    const second = new Promise<void>((resolve) => {
      const send = readers[0]!.send.bind(readers[0]);
      readers[0]!.send = (message) => {
        send(message);
        if (readers[0]!.updates.length === 2) resolve();
      };
    });
    const fromElsewhere = (doc: Y.Doc, text: string) => {
      const before = Y.encodeStateVector(doc);
      typeAtEnd(doc, 'context', 'fr', text);
      return Y.encodeStateAsUpdate(doc, before);
    };
    // All in one turn: the writer's group is relayed at once, the two from elsewhere wait their turn.
    room.receive(writer, typed(docs[0]!, 'theme', ' ici'));
    const relayed = [room.receiveFromInstance('update', fromElsewhere(docs[1]!, ' là')), room.receiveFromInstance('update', fromElsewhere(docs[2]!, ' là-bas'))];
    await Promise.all(relayed);
    expect(readers[0]!.updates.map(writersIn)).toEqual([[docs[0]!.clientID]]);
    await second;
    expect(readers[0]!.updates.map(writersIn)[1]).toEqual([docs[1]!.clientID, docs[2]!.clientID].sort());
  });

  it('gathers presence changes: one frame per peer for everyone who moved within the window', async () => {
    const peers = [recordingPeer('committee-fr'), recordingPeer('committee-ja'), recordingPeer('observer')];
    for (const peer of peers) room.addPeer(peer);
    await settled();
    const first = new Promise<void>((resolve) => {
      const send = peers[2]!.send.bind(peers[2]);
      peers[2]!.send = (message) => {
        send(message);
        resolve();
      };
    });
    const clients = peers.slice(0, 2).map((peer, i) => {
      const awareness = new awarenessProtocol.Awareness(new Y.Doc());
      awareness.setLocalState({ user: { name: `personne ${i}` } });
      room.receive(peer, awarenessFrame(awarenessProtocol.encodeAwarenessUpdate(awareness, [awareness.clientID])));
      return awareness.clientID;
    });
    expect(peers[2]!.presence).toHaveLength(0);
    await first;
    for (const peer of peers) {
      expect(peer.presence).toHaveLength(1);
      const seen = new awarenessProtocol.Awareness(new Y.Doc());
      awarenessProtocol.applyAwarenessUpdate(seen, peer.presence[0]!, null);
      expect([...seen.getStates().keys()].filter((id) => id !== seen.clientID).sort()).toEqual([...clients].sort());
    }
  });
});
