import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { alignSegmentOrder } from '../src/alignSegmentOrder';
import { assignSids } from '../src/assignSids';
import { createDeclaration, DEMO_DECLARATION } from '../src/createDeclaration';
import { fragmentName, getFragment, getSections, SECTION_KINDS } from '../src/declarationLayout';
import { newSid } from '../src/newSid';
import { readDeclaration } from '../src/readDeclaration';
import { TEMPLATE_SECTIONS } from '../src/templateSections';
import { confirmTranslation, readConfirmations, segmentTranslation, textHash, translationCounts } from '../src/translationState';

function counter() {
  let n = 0;
  return () => `t${++n}`;
}

describe('createDeclaration (template)', () => {
  it('writes the usual structure of a Rencontres declaration, in both languages', () => {
    const doc = new Y.Doc();
    createDeclaration(doc, { ...DEMO_DECLARATION, makeSid: counter() });
    const json = readDeclaration(doc);
    expect(json.meta.title.fr).toContain('Cannes');
    expect(json.meta.title.ja).toContain('カンヌ');
    expect(json.meta.edition).toBe(9);
    expect(json.sections.map((s) => s.kind)).toEqual([
      'preamble', 'context', 'theme', 'plenary', 'workshop', 'workshop', 'workshop', 'conclusion', 'closing',
    ]);
    for (const section of json.sections) {
      expect(section.title.fr).not.toBe('');
      expect(section.title.ja).not.toBe('');
      expect(section.segments.length).toBeGreaterThan(0);
      for (const segment of section.segments) {
        // Every template block exists in both languages under one shared id.
        expect(segment.fr).not.toBe('');
        expect(segment.ja).not.toBe('');
      }
    }
    expect(json.sections[0]!.segments[0]!.fr).toMatch(/^Nous, représentants/);
  });

  it('uses one segment id per block, shared by the two languages and unique in the document', () => {
    const doc = new Y.Doc();
    createDeclaration(doc, { title: { fr: 'T', ja: 'T' } });
    const sids = readDeclaration(doc).sections.flatMap((s) => s.segments.map((g) => g.sid));
    expect(new Set(sids).size).toBe(sids.length);
    const conclusion = readDeclaration(doc).sections.find((s) => s.kind === 'conclusion')!;
    expect(conclusion.segments).toHaveLength(4); // intro and three numbered commitments
  });

  it('refuses to write a second template into a document that has one', () => {
    const doc = new Y.Doc();
    createDeclaration(doc, { title: { fr: 'T', ja: 'T' } });
    expect(() => createDeclaration(doc, { title: { fr: 'T', ja: 'T' } })).toThrow(/already/);
  });

  it('stores text where TipTap looks for it: a root XmlFragment per section and language', () => {
    const doc = new Y.Doc();
    createDeclaration(doc, { title: { fr: 'T', ja: 'T' }, makeSid: counter() });
    const fr = doc.getXmlFragment(fragmentName('workshop-1', 'fr'));
    // A workshop: what was discussed, then the heading of its conclusions and their list.
    const [summary, heading, list] = fr.toArray() as Y.XmlElement[];
    expect(summary!.nodeName).toBe('paragraph');
    expect(heading!.nodeName).toBe('heading');
    expect(heading!.getAttribute('level')).toBe(3);
    expect(list!.nodeName).toBe('bulletList');
    const item = list!.get(0) as Y.XmlElement;
    expect(item.nodeName).toBe('listItem');
    expect((item.get(0) as Y.XmlElement).nodeName).toBe('paragraph');
    expect(TEMPLATE_SECTIONS.every((s) => SECTION_KINDS.includes(s.kind))).toBe(true);
  });
});

describe('the template’s French ordinals', () => {
  it('sets their suffix in superscript, as French typography does, and leaves the plain text as it is', () => {
    const doc = new Y.Doc();
    createDeclaration(doc, DEMO_DECLARATION);
    const runs = (sectionId: string, lang: 'fr' | 'ja') =>
      ((getFragment(doc, sectionId, lang).get(0) as Y.XmlElement).get(0) as Y.XmlText).toDelta() as Array<{ insert: string; attributes?: Record<string, unknown> }>;
    const superscripts = (sectionId: string, lang: 'fr' | 'ja') => runs(sectionId, lang).filter((r) => r.attributes?.superscript).map((r) => r.insert);
    expect(superscripts('preamble', 'fr')).toEqual(['e']);
    expect(superscripts('context', 'fr')).toEqual(['res']);
    expect(runs('preamble', 'fr').map((r) => r.insert).join('')).toContain('pour les 9e Rencontres');
    // Japanese and figures without a suffix are left alone.
    expect(superscripts('preamble', 'ja')).toEqual([]);
    expect(readDeclaration(doc).sections[0]!.segments[0]!.fr).toContain('les 9e Rencontres franco-japonaises');
  });
});

describe('readDeclaration', () => {
  it('aligns blocks by sid and leaves "" where one language lacks a block', () => {
    const doc = new Y.Doc();
    createDeclaration(doc, { title: { fr: 'T', ja: 'T' }, makeSid: counter() });
    const ja = getFragment(doc, 'theme', 'ja');
    const extra = new Y.XmlElement('paragraph');
    extra.setAttribute('sid', 'ja-only');
    extra.insert(0, [new Y.XmlText('追加の段落')]);
    ja.insert(ja.length, [extra]);
    const theme = readDeclaration(doc).sections.find((s) => s.id === 'theme')!;
    expect(theme.segments.at(-1)).toEqual({ sid: 'ja-only', fr: '', ja: '追加の段落' });
  });

  it('reads formatted text as plain text and a hard break as a newline', () => {
    const doc = new Y.Doc();
    const section = new Y.Map<unknown>();
    getSections(doc).push([section]);
    section.set('id', 'x');
    section.set('kind', 'mystery');
    const para = new Y.XmlElement('paragraph');
    para.setAttribute('sid', 'a');
    const t1 = new Y.XmlText();
    const t2 = new Y.XmlText();
    para.insert(0, [t1, new Y.XmlElement('hardBreak'), t2]);
    getFragment(doc, 'x', 'fr').insert(0, [para]);
    t1.insert(0, 'Nous ');
    t1.insert(5, 'adoptons', { bold: true });
    t2.insert(0, 'la déclaration');
    const json = readDeclaration(doc);
    expect(json.sections[0]).toEqual({
      id: 'x',
      kind: 'other',
      title: { fr: '', ja: '' },
      segments: [{ sid: 'a', fr: 'Nous adoptons\nla déclaration', ja: '' }],
    });
    expect(json.meta.edition).toBeNull();
  });

  it('is pure: reading a document does not change it', () => {
    const doc = new Y.Doc();
    createDeclaration(doc, { title: { fr: 'T', ja: 'T' } });
    const before = Y.encodeStateVector(doc);
    let updates = 0;
    doc.on('update', () => updates++);
    readDeclaration(doc);
    expect(updates).toBe(0);
    expect(Y.encodeStateVector(doc)).toEqual(before);
  });
});

describe('alignSegmentOrder', () => {
  it('follows French order and slots Japanese-only ids after their Japanese predecessor', () => {
    expect(alignSegmentOrder(['a', 'b', 'c'], ['a', 'x', 'b', 'c', 'y'])).toEqual(['a', 'x', 'b', 'c', 'y']);
    expect(alignSegmentOrder(['a', 'b'], ['z', 'a'])).toEqual(['z', 'a', 'b']);
    expect(alignSegmentOrder([], ['p', 'q'])).toEqual(['p', 'q']);
  });

  it('lists every id once even when the languages order them differently', () => {
    expect(alignSegmentOrder(['a', 'b', 'c'], ['c', 'n', 'a'])).toEqual(['a', 'b', 'c', 'n']);
  });
});

describe('assignSids', () => {
  it('keeps the first of duplicated ids (a split block) and renumbers the later one', () => {
    expect(assignSids(['a', 'a', 'b'], counter())).toEqual([{ index: 1, sid: 't1' }]);
  });

  it('gives ids to blocks that have none and never reuses an id present in the fragment', () => {
    const ids = ['t1', 'x', null, ''];
    expect(assignSids(ids, counter())).toEqual([
      { index: 2, sid: 't2' },
      { index: 3, sid: 't3' },
    ]);
  });

  it('changes nothing in a consistent fragment', () => {
    expect(assignSids(['a', 'b', 'c'], counter())).toEqual([]);
  });
});

describe('newSid', () => {
  it('draws distinct URL-safe ids', () => {
    const ids = Array.from({ length: 1000 }, newSid);
    expect(new Set(ids).size).toBe(1000);
    for (const id of ids) expect(id).toMatch(/^s[0-9a-z]{12}$/);
  });
});

describe('translation state', () => {
  const seg = (fr: string, ja: string) => ({ sid: 'x', fr, ja });

  it('starts the template in sync, and flags the other side when one side changes', () => {
    const doc = new Y.Doc();
    createDeclaration(doc, { title: { fr: 'T', ja: 'T' } });
    const json = readDeclaration(doc);
    const confirmations = readConfirmations(doc);
    const counts = translationCounts(json.sections, confirmations);
    const segments = json.sections.flatMap((s) => s.segments).length;
    expect(counts.total).toEqual({ inSync: segments, stale: 0, untranslated: 0 });

    const theme = json.sections.find((s) => s.id === 'theme')!.segments[0]!;
    const confirmation = confirmations.get(theme.sid);
    expect(segmentTranslation({ ...theme, fr: theme.fr + ' Modifié.' }, confirmation)).toMatchObject({ state: 'needs-review', review: 'ja' });
    expect(segmentTranslation({ ...theme, ja: theme.ja + '変更。' }, confirmation)).toMatchObject({ state: 'needs-review', review: 'fr' });
    expect(segmentTranslation({ sid: theme.sid, fr: 'a', ja: 'b' }, confirmation)).toMatchObject({ review: 'both' });
  });

  it('flags a block present on one side only as untranslated on the other', () => {
    expect(segmentTranslation(seg('Nouveau paragraphe', ''), undefined)).toMatchObject({ state: 'untranslated', missing: 'ja' });
    expect(segmentTranslation(seg('  ', '新しい段落'), undefined)).toMatchObject({ state: 'untranslated', missing: 'fr' });
    expect(segmentTranslation(seg('', ''), undefined).state).toBe('in-sync');
    expect(segmentTranslation(seg('Texte', 'テキスト'), undefined)).toMatchObject({ state: 'needs-review', review: 'both' });
  });

  it('clears the flag once confirmed, for every client of the document', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    a.on('update', (u: Uint8Array) => Y.applyUpdate(b, u));
    const segment = seg('Coopérer davantage.', 'さらに協力する。');
    confirmTranslation(a, segment, 'Claire');
    const confirmation = readConfirmations(b).get('x');
    expect(confirmation?.by).toBe('Claire');
    expect(segmentTranslation(segment, confirmation).state).toBe('in-sync');
  });

  it('hashes canonically equivalent texts alike and different texts apart', () => {
    expect(textHash('e\u0301')).toBe(textHash('é'));
    expect(textHash('強化')).not.toBe(textHash('推進'));
    expect(textHash('')).not.toBe(textHash(' '));
  });
});
