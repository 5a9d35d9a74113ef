/**
 * What Yjs really integrates (A12, A13), crafted as an attacker would: each case is an update
 * whose declared place is not where its content would go, or that Yjs would keep pending.
 */
import { createDeclaration } from '@accord/model/createDeclaration';
import { getFragment } from '@accord/model/declarationLayout';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { planIntegration } from '../src/planIntegration';
import { craftUpdate, text } from './craftUpdate';

const ATTACKER = 4242;

/** The server's document after the attacker's client typed `typed` into workshop-1 (fr). */
function serverWithTyping(typed = 'abc') {
  const server = new Y.Doc();
  createDeclaration(server, { title: { fr: 'Déclaration', ja: '宣言' } });
  const client = new Y.Doc();
  client.clientID = ATTACKER;
  Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
  const before = Y.encodeStateVector(server);
  const paragraph = getFragment(client, 'workshop-1', 'fr').get(0) as Y.XmlElement;
  const xmlText = new Y.XmlText(typed);
  paragraph.insert(0, [xmlText]);
  Y.applyUpdate(server, Y.encodeStateAsUpdate(client, before));
  // The attacker's next clock: the XmlText item, then one per character.
  const next = Y.getState(server.store, ATTACKER);
  return { server, client, before, next };
}

describe('planIntegration: the cut at a known clock (A13)', () => {
  it('an honest resend that overlaps what the server has is placed where its run is', () => {
    const { server, client, before } = serverWithTyping('abc');
    // Typed on, offline: Yjs merges the run into one item, which a resend then spells from clock 0.
    const xmlText = (getFragment(client, 'workshop-1', 'fr').get(0) as Y.XmlElement).get(0) as Y.XmlText;
    xmlText.insert(3, 'def');
    const resend = Y.encodeStateAsUpdate(client, before);
    const plan = planIntegration(server, resend);
    expect(plan.malformed).toBeNull();
    expect(plan.missing.size).toBe(0);
    expect(plan.targets).toEqual([{ kind: 'fragment', sectionId: 'workshop-1', lang: 'fr' }]);
  });

  it('refuses a struct under a known clock whose declared parent is not where Yjs would link it', () => {
    const { server } = serverWithTyping('abc');
    // Declared: the metadata root (or any section); integrated: after the attacker's "c", with the
    // parent pointer of the metadata root — content in two places at once.
    for (const parent of ['meta', 'section/workshop-2/fr', 'workflow']) {
      const update = craftUpdate({ groups: [{ client: ATTACKER, items: [{ clock: 0, parent, content: text('abcXYZ') }] }] });
      expect(planIntegration(server, update).malformed, parent).toMatch(/continues its earlier content elsewhere/);
    }
  });
});

describe('planIntegration: nothing pending (A12)', () => {
  it('names the client of a clock gap as missing', () => {
    const { server, next } = serverWithTyping('abc');
    const update = craftUpdate({ groups: [{ client: ATTACKER, items: [{ clock: next + 5, parent: 'meta', parentSub: 'edition', content: text('x') }] }] });
    const plan = planIntegration(server, update);
    expect([...plan.missing]).toEqual([ATTACKER]);
    expect(plan.changes).toBe(true);
    expect(plan.targets).toEqual([]);
  });

  it('names the client of an unknown origin, right origin or parent as missing', () => {
    const { server } = serverWithTyping('abc');
    const ghost = Y.createID(777, 5);
    for (const spec of [{ origin: ghost }, { rightOrigin: ghost }, { parent: ghost }]) {
      const update = craftUpdate({ groups: [{ client: 9001, items: [{ clock: 0, ...spec, content: text('x') }] }] });
      expect([...planIntegration(server, update).missing]).toEqual([777]);
    }
  });

  it('names the owner of deleted items the server lacks, known client or not', () => {
    const { server, next } = serverWithTyping('abc');
    const future = craftUpdate({ deletes: [{ client: ATTACKER, ranges: [[next - 1, 5]] }] });
    const futurePlan = planIntegration(server, future);
    expect([...futurePlan.missing]).toEqual([ATTACKER]);
    expect(futurePlan.changes).toBe(true);
    const unknown = craftUpdate({ deletes: Array.from({ length: 50 }, (_, i) => ({ client: 10_000 + i, ranges: [[0, 1]] as [number, number][] })) });
    expect(planIntegration(server, unknown).missing.size).toBe(50);
  });

  it('accepts deleting what the same update inserts', () => {
    const { server, next } = serverWithTyping('abc');
    const update = craftUpdate({
      groups: [{ client: ATTACKER, items: [{ clock: next, origin: Y.createID(ATTACKER, next - 1), content: text('de') }] }],
      deletes: [{ client: ATTACKER, ranges: [[next, 2]] }],
    });
    const plan = planIntegration(server, update);
    expect(plan.missing.size).toBe(0);
    expect(plan.targets).toEqual([{ kind: 'fragment', sectionId: 'workshop-1', lang: 'fr' }]);
  });

  it('treats a hole in a merged update (a skip) as a gap', () => {
    const { server, client } = serverWithTyping('abc');
    const xmlText = (getFragment(client, 'workshop-1', 'fr').get(0) as Y.XmlElement).get(0) as Y.XmlText;
    const updates: Uint8Array[] = [];
    client.on('update', (u: Uint8Array) => updates.push(u));
    for (const c of 'def') xmlText.insert(xmlText.length, c);
    const holed = Y.mergeUpdates([updates[0]!, updates[2]!]);
    expect(Y.decodeUpdate(holed).structs.some((s) => s instanceof Y.Skip)).toBe(true);
    expect([...planIntegration(server, holed).missing]).toEqual([ATTACKER]);
  });
});

describe('planIntegration: shapes Yjs would not integrate as read (A13)', () => {
  it('refuses an item that refers to its own client’s later content', () => {
    const { server, next } = serverWithTyping('abc');
    const update = craftUpdate({ groups: [{ client: ATTACKER, items: [{ clock: next, origin: Y.createID(ATTACKER, next + 5), content: text('x') }] }] });
    expect(planIntegration(server, update).malformed).toMatch(/its own later content/);
  });

  it('refuses a client spelled in two groups (Yjs would apply only the last)', () => {
    const { server, next } = serverWithTyping('abc');
    const origin = Y.createID(ATTACKER, next - 1);
    const update = craftUpdate({
      groups: [
        { client: ATTACKER, items: [{ clock: next, origin, content: text('de') }] },
        { client: 1, items: [{ clock: 0, origin, content: text('y') }] },
        { client: ATTACKER, items: [{ clock: next + 2, parent: 'workflow', parentSub: 'adoption', content: text('z') }] },
      ],
    });
    expect(planIntegration(server, update).malformed).toMatch(/appears twice/);
  });

  it('refuses items that refer to each other in a loop', () => {
    const { server } = serverWithTyping('abc');
    const update = craftUpdate({
      groups: [
        { client: 11, items: [{ clock: 0, origin: Y.createID(12, 0), content: text('a') }] },
        { client: 12, items: [{ clock: 0, origin: Y.createID(11, 0), content: text('b') }] },
      ],
    });
    expect(planIntegration(server, update).malformed).toMatch(/loop/);
  });

  it('regression (found by the property test): a struct the server has, resent with references nobody has, is not harmless', () => {
    // Yjs looks up the origins of every struct, known or new, before deciding to skip it: a
    // forward one throws halfway through, a missing one leaves the client's later structs pending.
    const { server, next } = serverWithTyping('abc');
    const known = (origin: Y.ID) =>
      craftUpdate({ groups: [{ client: ATTACKER, items: [{ clock: next - 1, origin, content: text('c') }, { clock: next, parent: 'meta', parentSub: 'x', content: text('d') }] }] });
    expect(planIntegration(server, known(Y.createID(ATTACKER, next + 10))).malformed).toMatch(/its own later content/);
    expect([...planIntegration(server, known(Y.createID(777, 0))).missing]).toEqual([777]);
  });
});
