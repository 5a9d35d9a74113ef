/**
 * Crafted writes (docs/access-and-workflow.md A11–A14), sent as an attacker would: over the
 * connection of an ordinary member's real y-websocket client, with updates spelled struct by
 * struct. Every class is refused with 4403, a witness client receives nothing of it, and the
 * store is unchanged — read from the store after each attack, and after a restart at the end.
 */
import { readDeclaration } from '@accord/model/readDeclaration';
import { docFromStored } from '@accord/server/storage/docFromStored';
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { any, craftUpdate, element, text } from '../../packages/permissions/test/craftUpdate';
import { createDeclarationViaApi, getJson, joinAs, postJson } from '../support/api';
import { segmentText, textblock, typeAtEnd } from '../support/editText';
import { MAX_HELD_UPDATES } from '@accord/server/sync/UpdateGate';
import { type InProcessAccord, startInProcess } from '../support/startInProcess';
import { syncUpdateMessage } from '@accord/protocol/frames';
import { connectClient, nextClose, synced, waitForDoc, type YClient } from '../support/yClient';

let server: InProcessAccord;
let id: string;
const people: Record<'hanako' | 'obs' | 'mairie' | 'claire' | 'kenji', { token: string; memberId: string }> = {} as never;
const clients: YClient[] = [];
/** Strings only an attack writes: none may ever be stored. */
const MARKERS = ['FORGED', 'XYZXYZ', 'INJECTED'];

async function connect(token: string, declarationId = id): Promise<YClient> {
  const client = connectClient(server.collabUrl, declarationId, { token });
  clients.push(client);
  await synced(client);
  return client;
}

/** The stored document, rebuilt from the store. */
async function storedDoc(declarationId = id): Promise<Y.Doc> {
  return docFromStored(declarationId, (await server.store.loadDocument(declarationId))!);
}

/**
 * What a document holds, as a hash: the clocks it has of every client and the ranges it has
 * deleted, merged (so two copies split into different structs compare equal), and its plain JSON.
 * Nothing new stored means an equal hash.
 */
function summary(doc: Y.Doc): string {
  const clocks = [...Y.decodeStateVector(Y.encodeStateVector(doc))].sort(([a], [b]) => a - b);
  const deleted = [...Y.createDeleteSetFromStructStore(doc.store).clients.entries()]
    .sort(([a], [b]) => a - b)
    .map(([client, items]) => {
      const ranges: [number, number][] = [];
      for (const { clock, len } of [...items].sort((x, y) => x.clock - y.clock)) {
        const last = ranges.at(-1);
        if (last && last[0] + last[1] === clock) last[1] += len;
        else ranges.push([clock, len]);
      }
      return [client, ranges];
    });
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  const content = { declaration: readDeclaration(copy), workflow: copy.getMap('workflow').toJSON() };
  copy.destroy();
  return createHash('sha256').update(JSON.stringify({ clocks, deleted, content })).digest('hex');
}

/** Waits until everything sent so far by `writer` has reached `reader` (relayed, so stored: S1). */
async function roundTrip(writer: YClient, reader: YClient, sectionId = 'theme'): Promise<void> {
  typeAtEnd(writer.doc, sectionId, 'ja', '。');
  await waitForDoc(reader.doc, (doc) => segmentText(doc, sectionId, 'ja') === segmentText(writer.doc, sectionId, 'ja'));
}

/**
 * Sends `frames` on `attacker`'s own connection and expects it closed with 4403 and `reason`,
 * the store unchanged and the witness given nothing: an honest edit after the attack reaches the
 * witness alone, and relays keep store order, so a relayed attack would have come first.
 */
async function expectRefused(attacker: YClient, updates: Uint8Array[], reason: RegExp, witness: YClient, honestPart: Uint8Array[] = []): Promise<void> {
  // What the store must hold afterwards: what it holds now, plus only the honest part of `updates`.
  const expected = await storedDoc();
  for (const update of honestPart) Y.applyUpdate(expected, update);
  const received: Uint8Array[] = [];
  const onUpdate = (update: Uint8Array) => received.push(update);
  witness.doc.on('update', onUpdate);
  const closed = nextClose(attacker);
  for (const update of updates) attacker.provider.ws!.send(syncUpdateMessage(update));
  const close = await closed;
  attacker.destroy();
  expect(close.code).toBe(4403);
  expect(close.reason).toMatch(reason);
  expect(summary(await storedDoc())).toBe(summary(expected));
  const honest = await connect(people.kenji.token);
  await roundTrip(honest, witness);
  witness.doc.off('update', onUpdate);
  const clientsOf = (updates: Uint8Array[]) => updates.flatMap((update) => Y.decodeUpdate(update).structs.map((s) => s.id.client));
  expect(new Set(clientsOf(received))).toEqual(new Set([honest.doc.clientID, ...clientsOf(honestPart)]));
}

/** The server's own client id and next clock in a document a client has: its workflow records. */
function serverClient(doc: Y.Doc): { client: number; clock: number } {
  const record = doc.getMap('workflow')._map.get('section/workshop-1')!;
  return { client: record.id.client, clock: Y.getState(doc.store, record.id.client) };
}

/** The id of the item holding a workshop paragraph: where a crafted child claims to go. */
const paragraphId = (doc: Y.Doc, sectionId = 'workshop-1') => textblock(doc, sectionId, 'fr')._item!.id;

beforeAll(async () => {
  server = await startInProcess();
  id = await createDeclarationViaApi(server.url);
  people.hanako = await joinAs(server.url, id, { role: 'rapporteur', name: 'Hanako', sections: ['workshop-1'] });
  people.obs = await joinAs(server.url, id, { role: 'observer', name: 'Obs' });
  people.mairie = await joinAs(server.url, id, { role: 'mayor-office', name: 'Mairie de Cannes' });
  people.claire = await joinAs(server.url, id, { role: 'committee-fr', name: 'Claire' });
  people.kenji = await joinAs(server.url, id, { role: 'committee-ja', name: 'Kenji' });
  // A workflow record written by the server, so its client id is in everyone's copy.
  expect((await postJson(`${server.url}/api/declarations/${id}/sections/workshop-1/actions`, { action: 'submit' }, { token: people.hanako.token })).status).toBe(200);
});

afterAll(async () => {
  clients.forEach((c) => c.destroy());
  await server.close();
});

describe('A13: placement from what Yjs integrates', () => {
  it('refuses a rapporteur’s struct that restarts at a clock the server has, declared in meta (Yjs would link it after her own text)', async () => {
    const witness = await connect(people.claire.token);
    const hanako = await connect(people.hanako.token);
    typeAtEnd(hanako.doc, 'workshop-1', 'fr', 'abc');
    await waitForDoc(witness.doc, (doc) => segmentText(doc, 'workshop-1', 'fr').endsWith('abc'));
    const state = Y.getState(hanako.doc.store, hanako.doc.clientID);
    const cut = craftUpdate({ groups: [{ client: hanako.doc.clientID, items: [{ clock: 0, parent: 'meta', content: text('XYZXYZ'.padStart(state + 6, '-')) }] }] });
    await expectRefused(hanako, [cut], /crafted update: client \d+ continues its earlier content elsewhere/, witness);
  });
});

describe('A11: client ids belong to a member', () => {
  it('refuses every role writing under a committee member’s id at its next clocks; the owner’s own next edit then lands whole', async () => {
    const witness = await connect(people.claire.token);
    const kenji = await connect(people.kenji.token);
    await roundTrip(kenji, witness);
    const next = Y.getState(kenji.doc.store, kenji.doc.clientID);
    for (const [who, reason] of [
      ['hanako', /client id \d+ belongs to another member/],
      ['obs', /observer role reads/],
      ['mairie', /mayor-office role reads/],
    ] as const) {
      const attacker = await connect(people[who].token);
      const forged = craftUpdate({
        groups: [{ client: kenji.doc.clientID, items: [{ clock: next, parent: paragraphId(attacker.doc), content: newTextNode() }] }],
      });
      await expectRefused(attacker, [forged], reason, witness);
    }
    // The clocks the attackers tried to take are still Kenji's: his edit is stored in full.
    typeAtEnd(kenji.doc, 'theme', 'fr', ' — Kenji');
    await waitForDoc(witness.doc, (doc) => segmentText(doc, 'theme', 'fr').endsWith(' — Kenji'));
  });

  it('refuses writing under the server’s id (a forged workflow record) and under an id the document knows that nobody claimed', async () => {
    const witness = await connect(people.claire.token);
    const hanako = await connect(people.hanako.token);
    const { client, clock } = serverClient(hanako.doc);
    const record = { state: 'approved', validations: {}, approval: { by: 'FORGED', role: 'mayor-office', at: '2026-11-19T10:00:00Z', hash: 'x' } };
    const forged = craftUpdate({ groups: [{ client, items: [{ clock, parent: 'workflow', parentSub: 'section/workshop-1', content: any(record) }] }] });
    await expectRefused(hanako, [forged], /client id \d+ is the server's/, witness);
    // The template's items: written before anyone joined, claimed by nobody.
    const again = await connect(people.hanako.token);
    const template = textblock(again.doc, 'workshop-1', 'fr')._item!.id.client;
    const next = Y.getState(again.doc.store, template);
    const continued = craftUpdate({ groups: [{ client: template, items: [{ clock: next, parent: paragraphId(again.doc), content: newTextNode() }] }] });
    await expectRefused(again, [continued], /not yours to continue/, witness);
  });

  it('records each refusal in the audit log with the member and the reason', async () => {
    const audit = (await getJson(`${server.url}/api/declarations/${id}/audit`)).body as { entries: { action: string; actor: { name: string }; detail: unknown }[] };
    const refused = audit.entries.filter((e) => e.action === 'write-refused');
    expect(refused.map((e) => e.actor.name)).toEqual(expect.arrayContaining(['Hanako', 'Obs', 'Mairie de Cannes']));
    expect(JSON.stringify(refused.map((e) => e.detail))).toMatch(/belongs to another member/);
  });
});

describe('A12: no pending state from clients', () => {
  it('refuses a delete set naming another member’s future text; what he then writes stays', async () => {
    const witness = await connect(people.claire.token);
    const kenji = await connect(people.kenji.token);
    await roundTrip(kenji, witness);
    const next = Y.getState(kenji.doc.store, kenji.doc.clientID);
    for (const [who, reason] of [
      ['hanako', /refers to content the server does not have/],
      ['obs', /observer role reads/],
    ] as const) {
      const attacker = await connect(people[who].token);
      await expectRefused(attacker, [craftUpdate({ deletes: [{ client: kenji.doc.clientID, ranges: [[next, 1000]] }] })], reason, witness);
    }
    typeAtEnd(kenji.doc, 'theme', 'fr', ' INTACT');
    await waitForDoc(witness.doc, (doc) => segmentText(doc, 'theme', 'fr').endsWith(' INTACT'));
    await roundTrip(kenji, witness);
    expect(segmentText(witness.doc, 'theme', 'fr')).toMatch(/ INTACT$/);
  });

  it('refuses deleting the server’s next records (a workflow state or an adoption not written yet)', async () => {
    const witness = await connect(people.claire.token);
    const hanako = await connect(people.hanako.token);
    const { client, clock } = serverClient(hanako.doc);
    await expectRefused(hanako, [craftUpdate({ deletes: [{ client, ranges: [[clock, 50]] }] })], /refers to content the server does not have/, witness);
  });

  it('holds a rapporteur’s gap under her own id, then refuses it in full once her honest typing fills the gap', async () => {
    const witness = await connect(people.claire.token);
    const hanako = await connect(people.hanako.token);
    typeAtEnd(hanako.doc, 'workshop-1', 'fr', '.');
    await waitForDoc(witness.doc, (doc) => segmentText(doc, 'workshop-1', 'fr') === segmentText(hanako.doc, 'workshop-1', 'fr'));
    const own = hanako.doc.clientID;
    const next = Y.getState(hanako.doc.store, own);
    // Five clocks ahead, into the workflow map: Yjs would keep it pending until clocks next..next+4 exist.
    const ahead = craftUpdate({ groups: [{ client: own, items: [{ clock: next + 5, parent: 'workflow', parentSub: 'section/workshop-1', content: any({ state: 'approved', by: 'FORGED' }) }] }] });
    // Five characters after her last one, in one struct: exactly the clocks the forged record waits for.
    const honestTyping = craftUpdate({ groups: [{ client: own, items: [{ clock: next, origin: Y.createID(own, next - 1), content: text('vrai.') }] }] });
    await expectRefused(hanako, [ahead, honestTyping], /workflow/, witness, [honestTyping]);
    // The honest part was applied and stored before the held one was checked again and refused.
    await waitForDoc(witness.doc, (doc) => segmentText(doc, 'workshop-1', 'fr').endsWith('vrai.'));
  });

  it('closes with 1013 a connection whose held updates pass the bound, having stored and acknowledged none of them', async () => {
    const witness = await connect(people.claire.token);
    const hanako = await connect(people.hanako.token);
    typeAtEnd(hanako.doc, 'workshop-1', 'fr', ';');
    await waitForDoc(witness.doc, (doc) => segmentText(doc, 'workshop-1', 'fr') === segmentText(hanako.doc, 'workshop-1', 'fr'));
    const own = hanako.doc.clientID;
    const next = Y.getState(hanako.doc.store, own);
    const before = summary(await storedDoc());
    const closed = nextClose(hanako);
    // Each waits for the clock before it, which never comes.
    for (let i = 0; i <= MAX_HELD_UPDATES; i++) {
      hanako.provider.ws!.send(syncUpdateMessage(craftUpdate({ groups: [{ client: own, items: [{ clock: next + 1 + i, origin: Y.createID(own, next + i), content: text('x') }] }] })));
    }
    const close = await closed;
    hanako.destroy();
    expect(close.code).toBe(1013);
    expect(summary(await storedDoc())).toBe(before);
  });

  it('refuses at once a delete set over 100,000 unknown clients, and other declarations are unaffected', async () => {
    const witness = await connect(people.claire.token);
    const hanako = await connect(people.hanako.token);
    const flood = craftUpdate({ deletes: Array.from({ length: 100_000 }, (_, i) => ({ client: 1_000_000 + i, ranges: [[0, 1]] as [number, number][] })) });
    await expectRefused(hanako, [flood], /refers to content the server does not have/, witness);
    const other = await createDeclarationViaApi(server.url);
    const [writer, reader] = [connectClient(server.collabUrl, other), connectClient(server.collabUrl, other)];
    clients.push(writer, reader);
    await Promise.all([synced(writer), synced(reader)]);
    await roundTrip(writer, reader);
  });
});

describe('A14: only the editor’s schema inside a section', () => {
  it('refuses a script element, an embed, a subdocument and an attribute on the fragment, in the rapporteur’s own section', async () => {
    const witness = await connect(people.claire.token);
    const fragment = 'section/workshop-1/fr';
    const attacks: [(client: number, clock: number, doc: Y.Doc) => Uint8Array, RegExp][] = [
      [(client, clock) => craftUpdate({ groups: [{ client, items: [{ clock, parent: fragment, content: element('script') }] }] }), /"script" is not a node/],
      [
        (client, clock, doc) =>
          craftUpdate({ groups: [{ client, items: [{ clock, parent: paragraphId(doc), content: new Y.ContentType(new Y.XmlText()) }, { clock: clock + 1, parent: Y.createID(client, clock), content: new Y.ContentEmbed({ image: 'INJECTED' }) }] }] }),
        /only characters and marks/,
      ],
      [(client, clock) => craftUpdate({ groups: [{ client, items: [{ clock, parent: fragment, content: new Y.ContentDoc(new Y.Doc({ guid: 'INJECTED' })) }] }] }), /subdocuments/],
      [(client, clock) => craftUpdate({ groups: [{ client, items: [{ clock, parent: fragment, parentSub: 'onload', content: any('INJECTED') }] }] }), /no attribute "onload"/],
    ];
    for (const [attack, reason] of attacks) {
      const hanako = await connect(people.hanako.token);
      typeAtEnd(hanako.doc, 'workshop-1', 'ja', '。');
      await waitForDoc(witness.doc, (doc) => segmentText(doc, 'workshop-1', 'ja') === segmentText(hanako.doc, 'workshop-1', 'ja'));
      const own = hanako.doc.clientID;
      await expectRefused(hanako, [attack(own, Y.getState(hanako.doc.store, own), hanako.doc)], reason, witness);
    }
  });
});

describe('A10: the freeze of an adopted declaration', () => {
  it('refuses deleting the adoption record before it is written or after, and a committee’s change, with nothing stored or relayed', async () => {
    const adopted = await createDeclarationViaApi(server.url);
    const join = (role: string, name: string) => joinAs(server.url, adopted, { role, name });
    const [fr, ja, mayor, obs] = await Promise.all([join('committee-fr', 'Claire'), join('committee-ja', 'Kenji'), join('mayor-office', 'Mairie'), join('observer', 'Obs')]);
    const act = (token: string, sectionId: string, action: string) =>
      postJson(`${server.url}/api/declarations/${adopted}/sections/${sectionId}/actions`, { action }, { token });
    const { sections } = (await getJson(`${server.url}/api/declarations/${adopted}/workflow`)).body as { sections: { id: string }[] };
    for (const { id: sectionId } of sections) {
      for (const [token, action] of [[fr.token, 'submit'], [fr.token, 'validate'], [ja.token, 'validate'], [mayor.token, 'approve']] as const) {
        expect((await act(token, sectionId, action)).status).toBe(200);
      }
    }
    // Before the adoption: an observer deletes the records the server writes next, the adoption
    // among them. Kept pending, Yjs would apply it the moment they exist, lifting the freeze.
    const early = await connect(obs.token, adopted);
    const next = serverClient(early.doc);
    const closedEarly = nextClose(early);
    early.provider.ws!.send(syncUpdateMessage(craftUpdate({ deletes: [{ client: next.client, ranges: [[next.clock, 1000]] }] })));
    expect(await closedEarly).toMatchObject({ code: 4403, reason: expect.stringMatching(/observer role reads/) });
    early.destroy();
    expect((await postJson(`${server.url}/api/declarations/${adopted}/adopt`, {}, { token: mayor.token })).status).toBe(200);
    const witness = await connect(ja.token, adopted);
    const before = summary(await storedDoc(adopted));
    const witnessBefore = summary(witness.doc);
    const adoption = () => witness.doc.getMap('workflow')._map.get('adoption')!.id;
    const attempts: [string, (doc: Y.Doc) => void | Uint8Array, RegExp][] = [
      [fr.token, (doc) => typeAtEnd(doc, 'theme', 'fr', ' FORGED'), /adopted and frozen/],
      [fr.token, () => craftUpdate({ deletes: [{ client: adoption().client, ranges: [[adoption().clock, 1]] }] }), /adopted and frozen/],
      [obs.token, () => craftUpdate({ deletes: [{ client: adoption().client, ranges: [[adoption().clock, 1]] }] }), /adopted and frozen/],
    ];
    for (const [token, attempt, reason] of attempts) {
      const attacker = await connect(token, adopted);
      const closed = nextClose(attacker);
      const crafted = attempt(attacker.doc);
      if (crafted) attacker.provider.ws!.send(syncUpdateMessage(crafted));
      const close = await closed;
      attacker.destroy();
      expect(close).toMatchObject({ code: 4403, reason: expect.stringMatching(reason) });
    }
    expect(summary(await storedDoc(adopted))).toBe(before);
    // A client joining now gets the stored state and nothing else; the witness got nothing either.
    const late = await connect(obs.token, adopted);
    expect(summary(late.doc)).toBe(before);
    expect(summary(witness.doc)).toBe(witnessBefore);
    expect(((await getJson(`${server.url}/api/declarations/${adopted}/workflow`)).body as { adoption: unknown }).adoption).not.toBeNull();
  });
});

describe('A10 and A11 against a restart', () => {
  it('keeps none of it: after a restart the stored declaration holds no attacker’s string and the workflow record is the server’s', async () => {
    const dbFile = server.dbFile;
    clients.splice(0).forEach((c) => c.destroy());
    await server.close();
    server = await startInProcess({ dbFile });
    const json = JSON.stringify((await getJson(`${server.url}/api/declarations/${id}`)).body);
    for (const marker of MARKERS) expect(json).not.toContain(marker);
    const workflow = (await getJson(`${server.url}/api/declarations/${id}/workflow`)).body as { sections: { id: string; state: string }[] };
    expect(workflow.sections.find((s) => s.id === 'workshop-1')!.state).toBe('submitted');
  });
});

/** A new text node: content a forged struct adds to a paragraph. */
function newTextNode(): Y.ContentType {
  return new Y.ContentType(new Y.XmlText());
}
