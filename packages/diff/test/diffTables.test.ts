import type { DeclarationJson, Segment } from '@accord/model/readDeclaration';
import { describe, expect, it } from 'vitest';
import { diffDeclarations } from '../src/diffDeclarations';

const META: DeclarationJson['meta'] = {
  title: { fr: 'Déclaration', ja: '宣言' },
  edition: 2,
  hostCity: { fr: 'Chartres', ja: 'シャルトル' },
  nextHostCity: { fr: '', ja: '' },
  startDate: '',
  endDate: '',
};
const decl = (segments: Segment[]): DeclarationJson => ({ meta: META, sections: [{ id: 'workshop-1', kind: 'workshop', title: { fr: 'Atelier', ja: '分科会' }, segments }] });
const cellSeg = (sid: string, fr: string, row: number, column: number, header = false): Segment => ({ sid, fr, ja: '', table: { row, column, header } });

describe('diffDeclarations with tables', () => {
  it('says which segments are table cells, with their place in the new version (the old one when removed)', () => {
    const intro: Segment = { sid: 'p', fr: 'Les interventions :', ja: '発表：' };
    const from = decl([intro, cellSeg('h0', 'Collectivité', 0, 0, true), cellSeg('a0', 'Chartres', 1, 0), cellSeg('b0', 'Kōchi', 2, 0)]);
    // A row inserted above « Kōchi »; « Chartres » removed.
    const to = decl([intro, cellSeg('h0', 'Collectivité', 0, 0, true), cellSeg('n0', 'Shizuoka', 1, 0), cellSeg('b0', 'Kōchi', 2, 0)]);
    const segments = diffDeclarations(from, to).sections[0]!.segments;
    expect(segments.map((s) => [s.sid, s.status, s.table])).toEqual([
      ['p', 'unchanged', undefined],
      ['h0', 'unchanged', { row: 0, column: 0, header: true }],
      ['a0', 'removed', { row: 1, column: 0, header: false }],
      ['n0', 'added', { row: 1, column: 0, header: false }],
      ['b0', 'unchanged', { row: 2, column: 0, header: false }],
    ]);
    expect(segments[0]).not.toHaveProperty('table');
  });
});
