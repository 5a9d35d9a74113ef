import { describe, expect, it } from 'vitest';
import type { DeclarationJson, SectionJson, Segment } from '@accord/model/readDeclaration';
import { type SegmentDiff, type TextOp, diffDeclarations } from '../src/diffDeclarations';

const META: DeclarationJson['meta'] = {
  title: { fr: 'Déclaration de Cannes', ja: 'カンヌ宣言' },
  edition: 9,
  hostCity: { fr: 'Cannes', ja: 'カンヌ' },
  nextHostCity: { fr: 'Kyoto', ja: '京都' },
  startDate: '2024-11-20',
  endDate: '2024-11-21',
};

const seg = (sid: string, fr: string, ja: string): Segment => ({ sid, fr, ja });
const section = (id: string, segments: Segment[], title = { fr: `Titre ${id}`, ja: `題 ${id}` }): SectionJson => ({
  id,
  kind: 'workshop',
  title,
  segments,
});
const decl = (...sections: SectionJson[]): DeclarationJson => ({ meta: META, sections });

const S1 = seg('p1', 'Nous renforçons la coopération.', '協力を強化する。');
const S2 = seg('p2', "L'atelier s'est tenu le 21 novembre 2024.", '分科会は2024年11月21日に開催された。');
const S3 = seg('p3', 'La 11e édition aura lieu en 2026.', '第十一回は二〇二六年に開催される。');

const oldOf = (ops: TextOp[]) => ops.filter((o) => o.op !== 'insert').map((o) => o.text).join('');
const newOf = (ops: TextOp[]) => ops.filter((o) => o.op !== 'delete').map((o) => o.text).join('');
const only = <T>(list: T[]): T => {
  expect(list).toHaveLength(1);
  return list[0] as T;
};
const segmentsOf = (diff: ReturnType<typeof diffDeclarations>, id: string): SegmentDiff[] =>
  diff.sections.find((s) => s.id === id)?.segments ?? [];

describe('diffDeclarations', () => {
  it('reports an identical declaration as unchanged everywhere (rules A4, A5, A6)', () => {
    const d = decl(section('a', [S1, S2]), section('b', [S3]));
    const diff = diffDeclarations(d, structuredClone(d));
    expect(diff.sections.map((s) => [s.id, s.status, s.contentChanged])).toEqual([
      ['a', 'unchanged', false],
      ['b', 'unchanged', false],
    ]);
    for (const s of diff.sections.flatMap((x) => x.segments)) {
      expect([s.status, s.languages, s.textChanged]).toEqual(['unchanged', 'unchanged', false]);
      expect(s.ops.fr.every((o) => o.op === 'equal')).toBe(true);
      expect(s.ops.ja.every((o) => o.op === 'equal')).toBe(true);
    }
    expect(diff.summary.segments.status.unchanged).toBe(3);
    expect(diff.summary.sections.status.unchanged).toBe(2);
  });

  it('a Japanese-only edit is changed / ja-only, with word ops, and old/new texts (rules A4, A5)', () => {
    const edited = { ...S1, ja: '協力を推進する。' };
    const diff = diffDeclarations(decl(section('a', [S1, S2])), decl(section('a', [edited, S2])));
    const [p1, p2] = segmentsOf(diff, 'a');
    expect(p1).toMatchObject({ sid: 'p1', status: 'changed', textChanged: true, languages: 'ja-only' });
    expect(p1?.old).toEqual({ fr: S1.fr, ja: S1.ja });
    expect(p1?.new).toEqual({ fr: S1.fr, ja: '協力を推進する。' });
    expect(p1?.ops.fr).toEqual([{ op: 'equal', text: S1.fr }]);
    expect(p1?.ops.ja).toEqual([
      { op: 'equal', text: '協力を' },
      { op: 'delete', text: '強化' },
      { op: 'insert', text: '推進' },
      { op: 'equal', text: 'する。' },
    ]);
    expect(p2?.status).toBe('unchanged');
    const a = diff.sections[0];
    expect(a?.status).toBe('changed');
    expect(a?.summary.status).toEqual({ unchanged: 1, changed: 1, added: 0, removed: 0, moved: 0 });
    expect(a?.summary.languages).toEqual({ unchanged: 1, 'both-changed': 0, 'fr-only': 0, 'ja-only': 1 });
  });

  it('tells fr-only and both-changed apart (rule A5)', () => {
    const frOnly = { ...S2, fr: "L'atelier s'est tenu le 22 novembre 2024." };
    const both = { ...S3, fr: 'La 12e édition aura lieu en 2026.', ja: '第十二回は二〇二六年に開催される。' };
    const diff = diffDeclarations(decl(section('a', [S1, S2, S3])), decl(section('a', [S1, frOnly, both])));
    expect(segmentsOf(diff, 'a').map((s) => [s.sid, s.status, s.languages])).toEqual([
      ['p1', 'unchanged', 'unchanged'],
      ['p2', 'changed', 'fr-only'],
      ['p3', 'changed', 'both-changed'],
    ]);
    const p3 = segmentsOf(diff, 'a')[2];
    expect(p3?.ops.fr.filter((o) => o.op !== 'equal')).toEqual([
      { op: 'delete', text: '11e' },
      { op: 'insert', text: '12e' },
    ]);
    expect(p3?.ops.ja.filter((o) => o.op !== 'equal')).toEqual([
      { op: 'delete', text: '第十一回' },
      { op: 'insert', text: '第十二回' },
    ]);
  });

  it('a segment moved without edits is moved / unchanged languages (rules A2, A3, A4)', () => {
    const diff = diffDeclarations(decl(section('a', [S1, S2, S3])), decl(section('a', [S2, S3, S1])));
    const segments = segmentsOf(diff, 'a');
    expect(segments.map((s) => [s.sid, s.status])).toEqual([
      ['p2', 'unchanged'],
      ['p3', 'unchanged'],
      ['p1', 'moved'],
    ]);
    expect(segments[2]).toMatchObject({ textChanged: false, languages: 'unchanged' });
    expect(diff.sections[0]?.status).toBe('changed');
    expect(diff.sections[0]?.summary.status.moved).toBe(1);
  });

  it('a moved segment whose text changed stays moved, with textChanged and its ops (rule A4)', () => {
    const edited = { ...S1, fr: 'Nous approfondissons la coopération.' };
    const diff = diffDeclarations(decl(section('a', [S1, S2, S3])), decl(section('a', [S2, S3, edited])));
    const p1 = segmentsOf(diff, 'a').find((s) => s.sid === 'p1');
    expect(p1).toMatchObject({ status: 'moved', textChanged: true, languages: 'fr-only' });
    expect(p1?.ops.fr).toEqual([
      { op: 'equal', text: 'Nous ' },
      { op: 'delete', text: 'renforçons' },
      { op: 'insert', text: 'approfondissons' },
      { op: 'equal', text: ' la coopération.' },
    ]);
  });

  it('a segment split in two: the first half is changed, the new sid is added (rules A4, A5)', () => {
    const whole = seg('p1', 'Nous renforçons la coopération. Nous saluons Kyoto.', '協力を強化する。京都を歓迎する。');
    const first = seg('p1', 'Nous renforçons la coopération.', '協力を強化する。');
    const second = seg('p9', 'Nous saluons Kyoto.', '京都を歓迎する。');
    const diff = diffDeclarations(decl(section('a', [whole, S2])), decl(section('a', [first, second, S2])));
    const segments = segmentsOf(diff, 'a');
    expect(segments.map((s) => [s.sid, s.status, s.languages])).toEqual([
      ['p1', 'changed', 'both-changed'],
      ['p9', 'added', 'both-changed'],
      ['p2', 'unchanged', 'unchanged'],
    ]);
    expect(segments[0]?.ops.fr).toEqual([
      { op: 'equal', text: 'Nous renforçons la coopération.' },
      { op: 'delete', text: ' Nous saluons Kyoto.' },
    ]);
    expect(segments[0]?.ops.ja).toEqual([
      { op: 'equal', text: '協力を強化する。' },
      { op: 'delete', text: '京都を歓迎する。' },
    ]);
    expect(segments[1]?.old).toBeNull();
    expect(segments[1]?.ops.fr).toEqual([{ op: 'insert', text: 'Nous saluons Kyoto.' }]);
    expect(diff.sections[0]?.summary.status).toEqual({ unchanged: 1, changed: 1, added: 1, removed: 0, moved: 0 });
  });

  it('an untranslated segment: added in French only is fr-only; translating it later is ja-only (rule A5)', () => {
    const frenchOnly = seg('p4', 'Un paragraphe nouveau.', '');
    const translated = seg('p4', 'Un paragraphe nouveau.', '新しい段落。');
    const v1 = decl(section('a', [S1]));
    const v2 = decl(section('a', [S1, frenchOnly]));
    const v3 = decl(section('a', [S1, translated]));
    const added = segmentsOf(diffDeclarations(v1, v2), 'a')[1];
    expect(added).toMatchObject({ sid: 'p4', status: 'added', languages: 'fr-only', textChanged: true, old: null });
    expect(added?.ops).toEqual({ fr: [{ op: 'insert', text: 'Un paragraphe nouveau.' }], ja: [] });
    const later = segmentsOf(diffDeclarations(v2, v3), 'a')[1];
    expect(later).toMatchObject({ sid: 'p4', status: 'changed', languages: 'ja-only' });
    expect(later?.ops.ja).toEqual([{ op: 'insert', text: '新しい段落。' }]);
    expect(later?.ops.fr).toEqual([{ op: 'equal', text: 'Un paragraphe nouveau.' }]);
  });

  it('a removed segment is all deletes, with new = null (rules A4, A5)', () => {
    const diff = diffDeclarations(decl(section('a', [S1, S2])), decl(section('a', [S2])));
    const p1 = segmentsOf(diff, 'a')[0];
    expect(p1).toMatchObject({ sid: 'p1', status: 'removed', languages: 'both-changed', new: null });
    expect(p1?.ops.fr).toEqual([{ op: 'delete', text: S1.fr }]);
    expect(p1?.ops.ja).toEqual([{ op: 'delete', text: S1.ja }]);
  });

  it('sections added and removed, in reading order, their segments added / removed (rules A1, A3, A4)', () => {
    const diff = diffDeclarations(decl(section('a', [S1]), section('b', [S2])), decl(section('a', [S1]), section('c', [S3])));
    expect(diff.sections.map((s) => [s.id, s.status])).toEqual([
      ['a', 'unchanged'],
      ['b', 'removed'],
      ['c', 'added'],
    ]);
    const [, b, c] = diff.sections;
    expect(b?.title).toMatchObject({ old: { fr: 'Titre b', ja: '題 b' }, new: null });
    expect(b?.kind).toEqual({ old: 'workshop', new: null });
    expect(only(b?.segments ?? []).status).toBe('removed');
    expect(c?.title.ops.fr).toEqual([{ op: 'insert', text: 'Titre c' }]);
    expect(only(c?.segments ?? []).status).toBe('added');
    expect(diff.summary.sections.status).toEqual({ unchanged: 1, changed: 0, added: 1, removed: 1, moved: 0 });
    expect(diff.summary.segments.status).toEqual({ unchanged: 1, changed: 0, added: 1, removed: 1, moved: 0 });
  });

  it('a moved section is moved; contentChanged says whether its inside changed too (rules A2, A4)', () => {
    const a = section('a', [S1]);
    const b = section('b', [S2]);
    const c = section('c', [S3]);
    const moved = diffDeclarations(decl(a, b, c), decl(b, c, a));
    expect(moved.sections.map((s) => [s.id, s.status, s.contentChanged])).toEqual([
      ['b', 'unchanged', false],
      ['c', 'unchanged', false],
      ['a', 'moved', false],
    ]);
    const aEdited = section('a', [{ ...S1, ja: '協力を推進する。' }]);
    const movedAndEdited = diffDeclarations(decl(a, b, c), decl(b, c, aEdited));
    expect(movedAndEdited.sections[2]).toMatchObject({ id: 'a', status: 'moved', contentChanged: true });
    expect(movedAndEdited.sections[2]?.segments[0]).toMatchObject({ status: 'changed', languages: 'ja-only' });
  });

  it('a title change makes the section changed, with title ops and movement (rules A4, A5)', () => {
    const before = section('a', [S1], { fr: 'Atelier 1 : culture', ja: '分科会1：文化' });
    const after = section('a', [S1], { fr: 'Atelier 1 : culture et sport', ja: '分科会1：文化' });
    const diff = diffDeclarations(decl(before), decl(after));
    const a = only(diff.sections);
    expect(a).toMatchObject({ status: 'changed', contentChanged: true });
    expect(a.title.languages).toBe('fr-only');
    expect(a.title.old).toEqual({ fr: 'Atelier 1 : culture', ja: '分科会1：文化' });
    expect(a.title.new).toEqual({ fr: 'Atelier 1 : culture et sport', ja: '分科会1：文化' });
    expect(a.title.ops.fr).toEqual([
      { op: 'equal', text: 'Atelier 1 : culture' },
      { op: 'insert', text: ' et sport' },
    ]);
    expect(a.segments[0]?.status).toBe('unchanged');
    expect(diff.summary.sections.languages['fr-only']).toBe(1);
  });

  it('a kind change alone makes the section changed (rule A4)', () => {
    const before = section('a', [S1]);
    const diff = diffDeclarations(decl(before), decl({ ...before, kind: 'plenary' }));
    expect(only(diff.sections)).toMatchObject({ status: 'changed', kind: { old: 'workshop', new: 'plenary' } });
  });

  it('a segment moved to another section is removed there and added here (rule A1)', () => {
    const diff = diffDeclarations(decl(section('a', [S1, S2]), section('b', [S3])), decl(section('a', [S1]), section('b', [S3, S2])));
    expect(segmentsOf(diff, 'a').map((s) => [s.sid, s.status])).toEqual([
      ['p1', 'unchanged'],
      ['p2', 'removed'],
    ]);
    expect(segmentsOf(diff, 'b').map((s) => [s.sid, s.status])).toEqual([
      ['p3', 'unchanged'],
      ['p2', 'added'],
    ]);
  });

  it('every op list rebuilds the old and new texts, and the result is plain JSON (rule D1)', () => {
    const v1 = decl(section('a', [S1, S2, S3]), section('b', [S2]));
    const v2 = decl(section('b', [{ ...S2, fr: "L'atelier s’est tenu à Kyoto." }]), section('a', [S3, { ...S1, ja: '' }]), section('c', [S1]));
    const diff = diffDeclarations(v1, v2);
    expect(JSON.parse(JSON.stringify(diff))).toEqual(diff);
    for (const s of diff.sections) {
      for (const item of [s.title, ...s.segments]) {
        for (const lang of ['fr', 'ja'] as const) {
          expect(oldOf(item.ops[lang])).toBe(item.old?.[lang] ?? '');
          expect(newOf(item.ops[lang])).toBe(item.new?.[lang] ?? '');
        }
      }
    }
  });
});
