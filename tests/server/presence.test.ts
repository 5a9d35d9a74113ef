/**
 * Presence carries who the session says, within limits (docs/access-and-workflow.md A15): real
 * y-websocket clients and raw sockets crafting awareness frames, on a server on port 0.
 */
import * as encoding from 'lib0/encoding';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createDeclarationViaApi, getJson, joinAs } from '../support/api';
import { type InProcessAccord, startInProcess } from '../support/startInProcess';
import { connectClient, socketUrl, synced, type YClient } from '../support/yClient';

let server: InProcessAccord;
let id: string;
let hanako: { token: string; memberId: string };
let kenji: { token: string; memberId: string };
const clients: YClient[] = [];
const client = (token: string) => {
  const c = connectClient(server.collabUrl, id, { token });
  clients.push(c);
  return c;
};

beforeAll(async () => {
  server = await startInProcess();
  id = await createDeclarationViaApi(server.url);
  hanako = await joinAs(server.url, id, { role: 'rapporteur', name: 'Hanako', sections: ['workshop-1'], language: 'ja' });
  kenji = await joinAs(server.url, id, { role: 'committee-ja', name: 'Kenji' });
});
afterAll(async () => {
  clients.forEach((c) => c.destroy());
  await server.close();
});

type State = Record<string, unknown>;

/** An awareness frame speaking for `entries` (client id, clock, state), encoded by hand as y-protocols does. */
function awarenessFrame(entries: [clientId: number, clock: number, state: State | null][]): Uint8Array {
  const update = encoding.createEncoder();
  encoding.writeVarUint(update, entries.length);
  for (const [clientId, clock, state] of entries) {
    encoding.writeVarUint(update, clientId);
    encoding.writeVarUint(update, clock);
    encoding.writeVarString(update, JSON.stringify(state));
  }
  const frame = encoding.createEncoder();
  encoding.writeVarUint(frame, 1);
  encoding.writeVarUint8Array(frame, encoding.toUint8Array(update));
  return encoding.toUint8Array(frame);
}

/** A raw connection as `token`: frames out, and how it closed. Presence is watched through a real client. */
async function rawPeer(token: string) {
  const ws = new WebSocket(socketUrl(server.collabUrl, id, {}, token));
  const closed = new Promise<{ code: number; reason: string }>((resolve) => ws.once('close', (code, reason) => resolve({ code, reason: reason.toString() })));
  await new Promise((resolve) => ws.once('open', resolve));
  return { closed, send: (frame: Uint8Array) => ws.send(frame), close: () => ws.close() };
}

/** A real y-websocket client watching presence: what everyone sees of `clientId`. */
let watcher: YClient;
const seen = (clientId: number) => watcher.provider.awareness.getStates().get(clientId);

const auditEntries = async () =>
  ((await getJson(`${server.url}/api/declarations/${id}/audit`)).body as { entries: { action: string; actor: { name: string; role: string }; detail: State }[] }).entries;

beforeAll(async () => {
  watcher = client(kenji.token);
  await synced(watcher);
});

describe('presence identity (A15)', () => {
  it('shows a member as their session says, whatever name and role their client claims; keeps colour, location and caret', async () => {
    const mallory = client(hanako.token);
    await synced(mallory);
    mallory.provider.awareness.setLocalState({
      user: { name: 'Mairie de Cannes', role: 'mayor-office', color: '#b42318', badge: 'official' },
      location: { sectionId: 'workshop-1', lang: 'fr' },
      cursor: { anchor: 'a', head: 'b' },
    });
    await expect.poll(() => seen(mallory.doc.clientID)?.location).toBeTruthy();
    expect(seen(mallory.doc.clientID)).toEqual({
      user: { name: 'Hanako', role: 'rapporteur', color: '#b42318' },
      location: { sectionId: 'workshop-1', lang: 'fr' },
      cursor: { anchor: 'a', head: 'b' },
    });
  });

  it('names a client that announces nothing, and drops a colour that is not #rrggbb', async () => {
    const peer = await rawPeer(kenji.token);
    peer.send(awarenessFrame([[4242_0001, 1, { user: { color: 'red; background: url(https://x.example)' } }], [4242_0002, 1, {}]]));
    await expect.poll(() => seen(4242_0001)).toEqual({ user: { name: 'Kenji', role: 'committee-ja' } });
    await expect.poll(() => seen(4242_0002)).toEqual({ user: { name: 'Kenji', role: 'committee-ja' } });
    peer.close();
  });
});

describe('presence limits (A15)', () => {
  it('accepts a state up to 4 KiB; closes a larger one with 4400 and audits it with the member', async () => {
    const peer = await rawPeer(hanako.token);
    peer.send(awarenessFrame([[7001, 1, { note: 'x'.repeat(4000) }]]));
    await expect.poll(() => seen(7001)).toMatchObject({ user: { name: 'Hanako' } });
    peer.send(awarenessFrame([[7001, 2, { note: 'x'.repeat(4100) }]]));
    const closed = await peer.closed;
    expect(closed.code).toBe(4400);
    expect(closed.reason).toMatch(/presence refused: a presence state of \d+ bytes \(at most 4096\)/);
    await expect
      .poll(async () => (await auditEntries()).find((e) => e.action === 'presence-refused' && String(e.detail.reason).includes('bytes')))
      .toMatchObject({ actor: { name: 'Hanako', role: 'rapporteur' }, detail: { actorMemberId: hanako.memberId } });
  });

  it('closes a message speaking for more than 8 clients, and a connection holding more than 8', async () => {
    const many = (from: number, n: number) => Array.from({ length: n }, (_, i): [number, number, State] => [from + i, 1, {}]);
    const wide = await rawPeer(kenji.token);
    wide.send(awarenessFrame(many(8000, 9)));
    expect(await wide.closed).toMatchObject({ code: 4400, reason: expect.stringMatching(/9 clients in one message \(at most 8\)/) });

    const hoarder = await rawPeer(kenji.token);
    hoarder.send(awarenessFrame(many(8100, 8)));
    await expect.poll(() => many(8100, 8).every(([c]) => seen(c) !== undefined)).toBe(true);
    hoarder.send(awarenessFrame(many(8200, 1)));
    expect(await hoarder.closed).toMatchObject({ code: 4400, reason: expect.stringMatching(/9 clients on one connection \(at most 8\)/) });
    await expect.poll(async () => (await auditEntries()).filter((e) => e.action === 'presence-refused' && e.actor.name === 'Kenji').length).toBe(2);
  });

  it('does not count the presence of others that a standard client sends back: a full room keeps its connections', async () => {
    const echoer = client(kenji.token);
    await synced(echoer);
    const closes: number[] = [];
    echoer.provider.on('connection-close', (event: CloseEvent | null) => closes.push(event?.code ?? 0));
    // Twelve people arrive within one presence window: the echoer receives them in one frame and,
    // as every y-websocket client does, sends all twelve back in one message.
    const crowd = await Promise.all(Array.from({ length: 12 }, () => rawPeer(hanako.token)));
    crowd.forEach((peer, i) => peer.send(awarenessFrame([[9500 + i, 1, { location: { sectionId: 'preamble', lang: 'fr' } }]])));
    await expect.poll(() => crowd.every((_, i) => echoer.provider.awareness.getStates().has(9500 + i))).toBe(true);
    // The echo came back before this marker of the echoer's own, which everyone then sees.
    echoer.provider.awareness.setLocalStateField('location', { sectionId: 'context', lang: 'ja' });
    await expect.poll(() => seen(echoer.doc.clientID)?.location).toEqual({ sectionId: 'context', lang: 'ja' });
    // They leave together: the echoer sends their removals back too.
    crowd.forEach((peer) => peer.close());
    await expect.poll(() => crowd.some((_, i) => echoer.provider.awareness.getStates().has(9500 + i))).toBe(false);
    echoer.provider.awareness.setLocalStateField('location', { sectionId: 'preamble', lang: 'ja' });
    await expect.poll(() => seen(echoer.doc.clientID)?.location).toEqual({ sectionId: 'preamble', lang: 'ja' });
    expect(closes).toEqual([]);
    expect(echoer.provider.wsconnected).toBe(true);
  });

  it('ignores presence for a client id another connection speaks for, and lets the peer remove its own', async () => {
    const owner = await rawPeer(hanako.token);
    owner.send(awarenessFrame([[9001, 1, { location: { sectionId: 'workshop-1', lang: 'fr' } }]]));
    await expect.poll(() => seen(9001)).toBeTruthy();
    const other = await rawPeer(kenji.token);
    other.send(awarenessFrame([[9001, 5, { location: { sectionId: 'preamble', lang: 'ja' } }], [9002, 1, {}]]));
    other.send(awarenessFrame([[9001, 6, null]]));
    // Presence is handled in order: once the marker shows, the forgeries before it had their chance.
    other.send(awarenessFrame([[9003, 1, { marker: true }]]));
    await expect.poll(() => seen(9003)).toBeTruthy();
    expect(seen(9001)).toEqual({ user: { name: 'Hanako', role: 'rapporteur' }, location: { sectionId: 'workshop-1', lang: 'fr' } });
    // What was its own in the same message was applied.
    expect(seen(9002)).toEqual({ user: { name: 'Kenji', role: 'committee-ja' } });
    owner.send(awarenessFrame([[9001, 2, null]]));
    await expect.poll(() => seen(9001)).toBeUndefined();
    owner.close();
    other.close();
  });
});
