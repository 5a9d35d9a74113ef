import { describe, expect, it } from 'vitest';
import { tokenizeFrench } from '../src/tokenizeFrench';

const NBSP = '\u00A0';
const NNBSP = '\u202F';

describe('tokenizeFrench', () => {
  it('keeps every character, in order (rule T1)', () => {
    const text = `L'État d’Europe${NNBSP}; 21 novembre 2024, «${NBSP}oui${NBSP}» — 1${NNBSP}000 délégués 🇫🇷.`;
    expect(tokenizeFrench(text).join('')).toBe(text);
    expect(tokenizeFrench(text)).not.toContain('');
    expect(tokenizeFrench('')).toEqual([]);
  });

  it('makes a whitespace run one token, no-break spaces included (rule T2)', () => {
    expect(tokenizeFrench(`a  b${NBSP}c${NNBSP}d \n${NBSP}e`)).toEqual(['a', '  ', 'b', NBSP, 'c', NNBSP, 'd', ` \n${NBSP}`, 'e']);
  });

  it('splits elisions off with their apostrophe, straight or curly (rule T3)', () => {
    expect(tokenizeFrench("l'État")).toEqual(["l'", 'État']);
    expect(tokenizeFrench('d’Europe')).toEqual(['d’', 'Europe']);
    expect(tokenizeFrench("qu'il")).toEqual(["qu'", 'il']);
    expect(tokenizeFrench('qu’elle')).toEqual(['qu’', 'elle']);
    expect(tokenizeFrench("L'Union jusqu'à lorsqu’on")).toEqual(["L'", 'Union', ' ', "jusqu'", 'à', ' ', 'lorsqu’', 'on']);
    expect(tokenizeFrench("c'est n'est s'il j'ai m'a t'a")).toEqual([
      "c'", 'est', ' ', "n'", 'est', ' ', "s'", 'il', ' ', "j'", 'ai', ' ', "m'", 'a', ' ', "t'", 'a',
    ]);
  });

  it('does not treat an apostrophe inside a word, or a stray one, as an elision (rules T3, T6, T7)', () => {
    expect(tokenizeFrench("aujourd'hui")).toEqual(["aujourd'hui"]);
    expect(tokenizeFrench("d'aujourd'hui")).toEqual(["d'", "aujourd'hui"]);
    // Not followed by a letter: the apostrophe is punctuation.
    expect(tokenizeFrench("l' ")).toEqual(['l', "'", ' ']);
    // "el" is not an elision: the apostrophe stays inside the word.
    expect(tokenizeFrench("el'x")).toEqual(["el'x"]);
  });

  it('keeps dates whole (rule T4)', () => {
    expect(tokenizeFrench('le 21 novembre 2024 à Cannes')).toEqual(['le', ' ', '21 novembre 2024', ' ', 'à', ' ', 'Cannes']);
    expect(tokenizeFrench(`1er${NBSP}mai`)).toEqual([`1er${NBSP}mai`]);
    expect(tokenizeFrench('en février 2026.')).toEqual(['en', ' ', 'février 2026', '.']);
    expect(tokenizeFrench('21 Décembre')).toEqual(['21 Décembre']);
    // A five-digit "year" is not a year: the date stops at the month.
    expect(tokenizeFrench('21 novembre 20245')).toEqual(['21 novembre', ' ', '20245']);
    // A month name alone is an ordinary word.
    expect(tokenizeFrench('mars et mai')).toEqual(['mars', ' ', 'et', ' ', 'mai']);
  });

  it('keeps numbers and ordinals whole (rule T5)', () => {
    for (const n of ['2026', '11e', '1res', '9es', '1er', '2nde', '3,5', '2.5', `1${NNBSP}000`, `1${NBSP}000${NBSP}000`, '２０２６']) {
      expect(tokenizeFrench(n), n).toEqual([n]);
    }
    expect(tokenizeFrench('la 11e édition, en 2026.')).toEqual(['la', ' ', '11e', ' ', 'édition', ',', ' ', 'en', ' ', '2026', '.']);
    // A plain space does not join thousands: "2024 300" may be a year and a count.
    expect(tokenizeFrench('2024 300')).toEqual(['2024', ' ', '300']);
    // A trailing comma or period is punctuation, not a decimal separator.
    expect(tokenizeFrench('2024, 3.')).toEqual(['2024', ',', ' ', '3', '.']);
  });

  it('sets punctuation apart, one mark per token, and splits on hyphens (rules T6, T7)', () => {
    expect(tokenizeFrench(`«${NBSP}Paix${NBSP}!${NBSP}»`)).toEqual(['«', NBSP, 'Paix', NBSP, '!', NBSP, '»']);
    expect(tokenizeFrench('franco-japonais')).toEqual(['franco', '-', 'japonais']);
    expect(tokenizeFrench('XXIe siècle…')).toEqual(['XXIe', ' ', 'siècle', '…']);
    expect(tokenizeFrench('(G7)')).toEqual(['(', 'G7', ')']);
  });
});
