import { describe, expect, it } from 'vitest';
import { type ExportThread, markInlines, noteLang, type PlacedThread, whereLabel } from '../src/exportComments';
import type { Inline } from '../src/richText';

const text = (t: string, bold = false): Inline => ({ kind: 'text', text: t, bold, italic: false, superscript: false });
const thread = (number: number) => ({ number, thread: {} as PlacedThread['thread'] });

describe('markInlines', () => {
  it('cuts runs at the passages’ edges, across marks and a break, keeping every character once', () => {
    const a = { ...thread(1), from: 2, to: 7 };
    const b = { ...thread(2), from: 5, to: 5 };
    const pieces = markInlines([text('abcd'), text('ef', true), { kind: 'break' }, text('gh')], [a, b]);
    const shown = pieces.map((p) => (p.kind === 'inline' ? `${p.marked ? '[' : ''}${p.inline.kind === 'text' ? p.inline.text : '\\n'}${p.marked ? ']' : ''}` : `${p.kind}${p.placed.number}`));
    expect(shown).toEqual(['ab', 'start1', '[cd]', '[e]', 'start2', 'end2', '[f]', '[\\n]', 'end1', 'gh']);
    const bolds = pieces.flatMap((p) => (p.kind === 'inline' && p.inline.kind === 'text' && p.inline.bold ? [p.inline.text] : []));
    expect(bolds).toEqual(['e', 'f']);
  });
});

describe('the language of a comment’s note', () => {
  const on = (language: 'fr' | 'ja', passageGone = false): ExportThread => ({
    sectionId: 'theme',
    sid: 's1',
    language,
    quote: '地域',
    range: null,
    passageGone,
    resolved: null,
    messages: [],
  });

  it('speaks the passage’s language in a bilingual export, the export’s own otherwise', () => {
    expect(noteLang(on('ja'), ['fr', 'ja'])).toBe('ja');
    expect(noteLang(on('fr'), ['fr', 'ja'])).toBe('fr');
    expect(noteLang(on('ja'), ['fr'])).toBe('fr');
    expect(noteLang(on('fr'), ['ja'])).toBe('ja');
  });

  it('says where a passage is in that language, with its parentheses', () => {
    // Regression: a bilingual export labelled every note in French, a Japanese comment's too.
    expect(whereLabel(on('ja', true), false, ['fr', 'ja'])).toMatch(/^（.+）$/);
    expect(whereLabel(on('fr', true), false, ['fr', 'ja'])).toMatch(/^\(.+\)$/);
    expect(whereLabel(on('ja'), true, ['fr'])).toMatch(/^\(.+\)$/);
    expect(whereLabel(on('ja'), false, ['fr', 'ja'])).toBeNull();
  });
});
