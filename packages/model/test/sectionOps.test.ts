import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { seededRandom } from '../../../tests/support/seededRandom';
import { createDeclaration, DEMO_DECLARATION } from '../src/createDeclaration';
import { getFragment, getSections, LANGS, sectionEntries, SECTION_KINDS } from '../src/declarationLayout';
import { insertSection } from '../src/insertSection';
import { moveSection } from '../src/moveSection';
import { readDeclaration } from '../src/readDeclaration';
import { reinsertSection } from '../src/reinsertSection';
import { removeSection } from '../src/removeSection';
import { sectionListChanges, listSections } from '../src/sectionListChanges';
import { setSectionKind } from '../src/setSectionKind';

function template(): Y.Doc {
  const doc = new Y.Doc();
  createDeclaration(doc, DEMO_DECLARATION);
  return doc;
}

/** A copy of `source` on a client of its own, as a second browser would hold it. */
function replica(source: Y.Doc): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(source));
  return doc;
}

function ids(doc: Y.Doc): string[] {
  return sectionEntries(doc).map((entry) => entry.id);
}

/** Exchanges everything between the documents, in the given order of pairs. */
function merge(docs: Y.Doc[], order: readonly number[] = docs.map((_, i) => i)): void {
  for (const from of order) for (const to of order) if (from !== to) Y.applyUpdate(docs[to]!, Y.encodeStateAsUpdate(docs[from]!, Y.encodeStateVector(docs[to]!)));
}

function typeInto(doc: Y.Doc, sectionId: string, lang: 'fr' | 'ja', text: string): void {
  const fragment = getFragment(doc, sectionId, lang);
  doc.transact(() => {
    const first = fragment.get(0);
    if (first instanceof Y.XmlElement) {
      const inner = first.get(0);
      if (inner instanceof Y.XmlText) inner.insert(inner.length, text);
      else first.insert(0, [new Y.XmlText(text)]);
    } else {
      const paragraph = new Y.XmlElement('paragraph');
      paragraph.insert(0, [new Y.XmlText(text)]);
      fragment.insert(0, [paragraph]);
    }
  });
}

/** Every text of every fragment in the document, listed or not. */
function allText(doc: Y.Doc): string {
  return [...doc.share.keys()].filter((name) => name.startsWith('section/')).map((name) => doc.getXmlFragment(name).toString()).join('\n');
}

describe('section operations (one client)', () => {
  it('inserts before the next meeting by default, with one shared empty paragraph in both languages', () => {
    const doc = template();
    const id = insertSection(doc, { kind: 'workshop', title: { fr: 'Atelier 4', ja: '分科会4' } });
    const list = ids(doc);
    expect(list.at(-1)).toBe('closing');
    expect(list.at(-2)).toBe(id);
    const [fr, ja] = LANGS.map((lang) => getFragment(doc, id, lang).toArray());
    expect(fr).toHaveLength(1);
    expect(ja).toHaveLength(1);
    const sid = (fr![0] as Y.XmlElement).getAttribute('sid');
    expect(sid).toMatch(/^s/);
    expect((ja![0] as Y.XmlElement).getAttribute('sid')).toBe(sid);
    const json = readDeclaration(doc).sections.find((s) => s.id === id)!;
    expect(json).toMatchObject({ kind: 'workshop', title: { fr: 'Atelier 4', ja: '分科会4' }, segments: [{ sid, fr: '', ja: '' }] });
  });

  it('inserts before or after any section, and refuses an unknown anchor or kind', () => {
    const doc = template();
    const a = insertSection(doc, { kind: 'other', title: { fr: 'A', ja: 'A' }, place: { before: 'preamble' } });
    const b = insertSection(doc, { kind: 'other', title: { fr: 'B', ja: 'B' }, place: { after: 'closing' } });
    const c = insertSection(doc, { kind: 'plenary', title: { fr: 'C', ja: 'C' }, place: { after: 'plenary' } });
    const list = ids(doc);
    expect(list[0]).toBe(a);
    expect(list.at(-1)).toBe(b);
    expect(list[list.indexOf('plenary') + 1]).toBe(c);
    expect(() => insertSection(doc, { kind: 'other', title: { fr: '', ja: '' }, place: { before: 'nope' } })).toThrow(/no section nope/);
    expect(() => insertSection(doc, { kind: 'bogus' as 'other', title: { fr: '', ja: '' } })).toThrow(/unknown kind/);
  });

  it('moves, changes the kind, removes and brings back a section with its text', () => {
    const doc = template();
    typeInto(doc, 'workshop-2', 'fr', ' [texte de l’atelier 2]');
    expect(moveSection(doc, 'workshop-2', { before: 'preamble' })).toBe(true);
    expect(ids(doc)[0]).toBe('workshop-2');
    expect(moveSection(doc, 'workshop-2', { after: 'workshop-3' })).toBe(true);
    expect(ids(doc).indexOf('workshop-2')).toBe(ids(doc).indexOf('workshop-3') + 1);
    expect(setSectionKind(doc, 'workshop-2', 'other')).toBe(true);
    expect(readDeclaration(doc).sections.find((s) => s.id === 'workshop-2')!.kind).toBe('other');
    const place = ids(doc).indexOf('workshop-2');
    const removed = removeSection(doc, 'workshop-2')!;
    expect(ids(doc)).not.toContain('workshop-2');
    expect(getSections(doc).toArray().some((map) => map.get('id') === 'workshop-2')).toBe(false);
    // The text stays in the document, out of the list.
    expect(allText(doc)).toContain('[texte de l’atelier 2]');
    expect(reinsertSection(doc, removed)).toBe(true);
    expect(reinsertSection(doc, removed)).toBe(false);
    expect(ids(doc).indexOf('workshop-2')).toBe(place);
    const back = readDeclaration(doc).sections.find((s) => s.id === 'workshop-2')!;
    expect(back.kind).toBe('other');
    expect(back.segments.map((s) => s.fr).join(' ')).toContain('[texte de l’atelier 2]');
    expect(removeSection(doc, 'nope')).toBeNull();
    expect(moveSection(doc, 'nope', { before: 'preamble' })).toBe(false);
  });

  it('orders an older declaration without positions by the array, and gives it positions on the first move', () => {
    const doc = template();
    for (const map of getSections(doc).toArray()) map.delete('position');
    const before = ids(doc);
    expect(before[0]).toBe('preamble');
    moveSection(doc, 'closing', { before: 'preamble' });
    expect(ids(doc)).toEqual(['closing', ...before.filter((id) => id !== 'closing')]);
    expect(getSections(doc).toArray().every((map) => typeof map.get('position') === 'number')).toBe(true);
  });

  it('renumbers when many sections are squeezed into one gap', () => {
    const doc = template();
    let anchor = 'context';
    const made: string[] = [];
    for (let i = 0; i < 80; i++) {
      anchor = insertSection(doc, { kind: 'other', title: { fr: `n${i}`, ja: `n${i}` }, place: { before: anchor } });
      made.unshift(anchor);
    }
    const list = ids(doc);
    expect(list.slice(1, 81)).toEqual(made);
    expect(list[81]).toBe('context');
  });

  it('reports added, removed, moved and kind-changed sections from two readings', () => {
    const doc = template();
    const before = listSections(doc);
    const added = insertSection(doc, { kind: 'workshop', title: { fr: 'Atelier 4', ja: '分科会4' } });
    removeSection(doc, 'plenary');
    moveSection(doc, 'closing', { before: 'preamble' });
    setSectionKind(doc, 'theme', 'other');
    const changes = sectionListChanges(before, listSections(doc));
    expect(changes.map((c) => `${c.action}:${c.sectionId}`).sort()).toEqual(
      [`section-added:${added}`, 'section-removed:plenary', 'section-moved:closing', 'section-kind-changed:theme'].sort(),
    );
    expect(sectionListChanges(before, before)).toEqual([]);
  });
});

describe('concurrent section edits (docs/document-model.md, "Sections array edits")', () => {
  it('two committees adding a section at the same place both get theirs', () => {
    const fr = template();
    const ja = replica(fr);
    const a = insertSection(fr, { kind: 'workshop', title: { fr: 'Atelier 4', ja: '' } });
    const b = insertSection(ja, { kind: 'workshop', title: { fr: '', ja: '分科会5' } });
    merge([fr, ja]);
    expect(ids(fr)).toEqual(ids(ja));
    expect(ids(fr).slice(-3).sort()).toEqual([a, b, 'closing'].sort());
    expect(ids(fr).at(-1)).toBe('closing');
  });

  it('two moves of the same section end at one place, shown once', () => {
    const one = template();
    const two = replica(one);
    moveSection(one, 'workshop-1', { before: 'preamble' });
    moveSection(two, 'workshop-1', { after: 'closing' });
    merge([one, two]);
    expect(ids(one)).toEqual(ids(two));
    expect(ids(one).filter((id) => id === 'workshop-1')).toHaveLength(1);
    expect(getSections(one).toArray().filter((map) => map.get('id') === 'workshop-1')).toHaveLength(1);
    expect([0, ids(one).length - 1]).toContain(ids(one).indexOf('workshop-1'));
  });

  it('a move and a removal of the same section: removed, its text kept and typing into it kept', () => {
    const one = template();
    const two = replica(one);
    moveSection(one, 'workshop-1', { before: 'preamble' });
    typeInto(one, 'workshop-1', 'ja', '【移動中の入力】');
    const removed = removeSection(two, 'workshop-1')!;
    merge([one, two]);
    expect(ids(one)).toEqual(ids(two));
    expect(ids(one)).not.toContain('workshop-1');
    expect(allText(two)).toContain('【移動中の入力】');
    reinsertSection(two, removed);
    merge([one, two]);
    expect(readDeclaration(one).sections.find((s) => s.id === 'workshop-1')!.segments.map((s) => s.ja).join('')).toContain('【移動中の入力】');
  });

  it('a title edited while someone else moves the section is kept', () => {
    const one = template();
    const two = replica(one);
    moveSection(one, 'theme', { after: 'workshop-3' });
    const title = sectionEntries(two).find((entry) => entry.id === 'theme')!.map.get('title') as Y.Map<string>;
    title.set('ja', '新しいテーマ');
    setSectionKind(two, 'theme', 'plenary');
    merge([one, two]);
    for (const doc of [one, two]) {
      const theme = readDeclaration(doc).sections.find((s) => s.id === 'theme')!;
      expect(theme.title.ja).toBe('新しいテーマ');
      expect(theme.kind).toBe('plenary');
      expect(ids(doc).indexOf('theme')).toBe(ids(doc).indexOf('workshop-3') + 1);
    }
  });

  it('a foreign repeat of an entry is shown once and moved or removed with it', () => {
    const doc = template();
    const map = new Y.Map<unknown>();
    map.set('id', 'plenary');
    map.set('kind', 'other');
    getSections(doc).push([map]);
    expect(ids(doc).filter((id) => id === 'plenary')).toHaveLength(1);
    moveSection(doc, 'plenary', { before: 'preamble' });
    expect(ids(doc)[0]).toBe('plenary');
    expect(ids(doc).filter((id) => id === 'plenary')).toHaveLength(1);
    removeSection(doc, 'plenary');
    expect(getSections(doc).toArray().some((m) => m.get('id') === 'plenary')).toBe(false);
  });

  for (const seed of [1, 2, 3, 4, 5, 6, 7, 8]) {
    it(`random concurrent insert/remove/move/kind/typing by three clients converge (seed ${seed})`, () => {
      const random = seededRandom(seed);
      const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
      const base = template();
      const clients = [base, replica(base), replica(base)];
      const typed: string[] = [];
      let counter = 0;
      for (let round = 0; round < 6; round++) {
        for (const [c, doc] of clients.entries()) {
          for (let op = 0; op < 4; op++) {
            const list = ids(doc);
            const choice = random();
            const anchor = pick(list);
            const place = random() < 0.5 ? { before: anchor } : { after: anchor };
            if (choice < 0.25) {
              insertSection(doc, { kind: pick(SECTION_KINDS), title: { fr: `s${seed}-${counter}`, ja: `節${counter}` }, place, makeId: () => `n${c}-${counter++}`, random });
            } else if (choice < 0.4 && list.length > 3) {
              removeSection(doc, pick(list));
            } else if (choice < 0.7) {
              moveSection(doc, pick(list), place, null, random);
            } else if (choice < 0.8) {
              setSectionKind(doc, pick(list), pick(SECTION_KINDS));
            } else {
              const marker = `[c${c}r${round}o${op}]`;
              typeInto(doc, pick(list), pick(LANGS), marker);
              typed.push(marker);
            }
          }
        }
        // Merged in a random order, sometimes only two of the three.
        const order = [0, 1, 2].sort(() => random() - 0.5);
        merge(clients, random() < 0.3 ? order.slice(0, 2) : order);
      }
      merge(clients);
      const [first, ...rest] = clients.map((doc) => readDeclaration(doc));
      for (const json of rest) expect(json).toEqual(first);
      const shown = first!.sections.map((s) => s.id);
      expect(new Set(shown).size).toBe(shown.length);
      // Our operations never write a repeat, so no reader needs to skip one.
      const raw = getSections(clients[0]!).toArray().map((map) => map.get('id'));
      expect(new Set(raw).size).toBe(raw.length);
      const text = allText(clients[0]!);
      for (const marker of typed) expect(text).toContain(marker);
      // The JSON reading is plain data that survives a round trip.
      expect(JSON.parse(JSON.stringify(first))).toEqual(first);
    });
  }
});
