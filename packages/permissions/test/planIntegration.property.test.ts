/**
 * The planner against Yjs itself: random crafted updates (any client, any clock around what the
 * document has, origins, parents and deletions that exist or not), and whenever `planIntegration`
 * says an update lacks nothing and is well formed, applying it to a copy must leave nothing
 * pending, throw nothing, and change no root but those the plan names (A12, A13).
 */
import { createDeclaration } from '@accord/model/createDeclaration';
import { getFragment, getMeta } from '@accord/model/declarationLayout';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { planIntegration, type SharedType } from '../src/planIntegration';
import type { WriteTarget } from '../src/writeTarget';
import { any, craftUpdate, type CraftedItem, element, text, xmlText } from './craftUpdate';

const RUNS = { seed: 12, numRuns: 2000 };
const KNOWN = [101, 102];
const NEW = [201, 202];
const ROOTS = ['section/workshop-1/fr', 'section/workshop-2/ja', 'meta', 'workflow', 'translations', 'sections'];

/** A server document where clients 101 and 102 have written in several roots, some of it deleted. */
function serverDoc(): Y.Doc {
  const server = new Y.Doc();
  createDeclaration(server, { title: { fr: 'Déclaration', ja: '宣言' } });
  for (const [client, sectionId] of [[101, 'workshop-1'], [102, 'workshop-2']] as const) {
    const writer = new Y.Doc();
    writer.clientID = client;
    Y.applyUpdate(writer, Y.encodeStateAsUpdate(server));
    const before = Y.encodeStateVector(writer);
    const paragraph = getFragment(writer, sectionId, client === 101 ? 'fr' : 'ja').get(0) as Y.XmlElement;
    const words = new Y.XmlText('mots écrits');
    paragraph.insert(0, [words]);
    getMeta(writer).set(`note-${client}`, 'x');
    writer.getMap('translations').set(`s-${client}`, { ok: true });
    words.delete(2, 3);
    Y.applyUpdate(server, Y.encodeStateAsUpdate(writer, before));
  }
  return server;
}

/** Every id the document holds, one per clock, with whether it is deleted, per root: what "changed" compares. */
function fingerprints(doc: Y.Doc): Map<string, string> {
  const prints = new Map<string, string>();
  const visit = (type: SharedType, out: string[]) => {
    const item = (i: Y.Item) => {
      for (let k = 0; k < i.length; k++) out.push(`${i.id.client}:${i.id.clock + k}:${i.deleted ? 'd' : ''}`);
      if (i.content instanceof Y.ContentType) visit(i.content.type, out);
    };
    for (let i = type._start; i !== null; i = i.right) item(i);
    for (const [key, last] of type._map) for (let i: Y.Item | null = last; i !== null; i = i.left) out.push(`${key}=`), item(i);
  };
  for (const [name, type] of doc.share) {
    const out: string[] = [];
    visit(type, out);
    prints.set(name, out.join(' '));
  }
  return prints;
}

function rootOf(target: WriteTarget): string | null {
  switch (target.kind) {
    case 'fragment':
      return `section/${target.sectionId}/${target.lang}`;
    case 'sections':
    case 'meta':
    case 'workflow':
    case 'review':
    case 'glossary':
      return target.kind;
    case 'translation':
      return 'translations';
    case 'foreign':
      return target.root;
    case 'unresolved':
      return null;
  }
}

describe('planIntegration against Yjs (A12, A13)', () => {
  it('when it says nothing is missing and nothing is malformed, Yjs integrates exactly there, with nothing pending', () => {
    const server = serverDoc();
    const base = Y.encodeStateAsUpdate(server);
    const ids = [...server.store.clients.entries()].flatMap(([client, structs]) =>
      structs.flatMap((s) => Array.from({ length: Math.min(s.length, 3) }, (_, k) => Y.createID(client, s.id.clock + k))),
    );
    const clients = [...KNOWN, ...NEW];
    const id = fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom(...ids) },
      { weight: 2, arbitrary: fc.record({ client: fc.constantFrom(...clients), clock: fc.nat({ max: 20 }) }).map(({ client, clock }) => Y.createID(client, clock)) },
    );
    const content = fc.oneof(
      fc.string({ minLength: 1, maxLength: 4 }).map(text),
      fc.constant(null).map(() => any('v')),
      fc.constant(null).map(() => element('paragraph')),
      fc.constant(null).map(() => xmlText()),
    );
    const item = fc.record({
      origin: fc.option(id, { nil: null }),
      rightOrigin: fc.option(id, { nil: null }),
      parent: fc.option(fc.oneof(fc.constantFrom(...ROOTS), id), { nil: null }),
      parentSub: fc.option(fc.constantFrom('k', 'level'), { nil: null }),
      content,
    });
    const group = fc.record({
      client: fc.constantFrom(...clients),
      shift: fc.integer({ min: -3, max: 2 }),
      items: fc.array(item, { minLength: 1, maxLength: 3 }),
    });
    const deletes = fc.array(fc.record({ client: fc.constantFrom(...clients), clock: fc.nat({ max: 30 }), len: fc.integer({ min: 1, max: 4 }) }), { maxLength: 2 });
    let checked = 0;

    fc.assert(
      fc.property(fc.array(group, { minLength: 1, maxLength: 3 }), deletes, (groups, dels) => {
        const seen = new Set<number>();
        const crafted = craftUpdate({
          groups: groups
            .filter(({ client }) => !seen.has(client) && seen.add(client))
            .map(({ client, shift, items }) => {
              let clock = Math.max(0, Y.getState(server.store, client) + shift);
              return {
                client,
                items: items.map((spec): CraftedItem => {
                  // The encoding has no item without both origins and a parent: it writes a parent then.
                  const parent = spec.parent ?? (spec.origin || spec.rightOrigin ? null : 'meta');
                  const made = { clock, ...spec, parent };
                  clock += spec.content.getLength();
                  return made;
                }),
              };
            }),
          deletes: dels.map(({ client, clock, len }) => ({ client, ranges: [[clock, len] as [number, number]] })),
        });
        let plan: ReturnType<typeof planIntegration>;
        try {
          plan = planIntegration(server, crafted);
        } catch {
          return; // does not decode: the server closes the sender (4400)
        }
        if (plan.malformed !== null || plan.missing.size > 0) return;
        checked++;
        const copy = new Y.Doc();
        Y.applyUpdate(copy, base);
        const before = fingerprints(copy);
        Y.applyUpdate(copy, crafted);
        expect(copy.store.pendingStructs, 'pending structs').toBeNull();
        expect(copy.store.pendingDs, 'pending deletions').toBeNull();
        const after = fingerprints(copy);
        const allowed = new Set(plan.targets.map(rootOf));
        if (allowed.has(null)) return; // unresolved: refused for every role
        for (const [root, print] of after) {
          if ((before.get(root) ?? '') !== print) expect(allowed, `root ${root} changed`).toContain(root);
        }
      }),
      RUNS,
    );
    // The property said something: enough updates were accepted to be compared with Yjs.
    expect(checked).toBeGreaterThan(50);
  });
});
