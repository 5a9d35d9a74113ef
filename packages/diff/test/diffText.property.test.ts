import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Lang } from '@accord/model/declarationLayout';
import { type TextOp, diffText } from '../src/diffText';
import { tokenize } from '../src/tokenize';

const RUNS = { seed: 42, numRuns: 300 };
const LANGS: readonly Lang[] = ['fr', 'ja'];

/** Fragments that exercise the tokenisation rules: elisions, NBSPs, numbers, dates, eras, kanji. */
const PIECES = [
  "l'", 'l’', "d'", 'd’', "qu'", 'qu’', "jusqu'", "'", '’', ' ', '  ', '\u00A0', '\u202F', '\u3000', '\n',
  'État', 'Europe', 'coopération', 'la', 'le', 'de', ',', '.', ';', ':', '!', '«', '»', '-', '…',
  '21 novembre 2024', 'novembre', '2026', '２０２６', '11e', '1res', '9es', '1er', '3,5', '0', '7', '０', '９',
  '協力', 'を', '強化', '推進', 'する', '。', '、', '二〇二六年', '2026年11月21日', '第十一回', '令和8年', '令和', '元',
  '年', '月', '日', '第', '回', '〇', '一', '十', '百', '千', '万', '人', '同一', '約', 'G', 'A', '🇯🇵', 'é', '\u0301',
];
const piece = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...PIECES) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 4 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 3 }) },
);
const text = fc.array(piece, { maxLength: 25 }).map((parts) => parts.join(''));

/** Edits at arbitrary UTF-16 positions, so they may also cut surrogate pairs and combining marks. */
const edit = fc.record({ at: fc.nat(), remove: fc.nat({ max: 8 }), insert: text });
const edited = fc.tuple(text, fc.array(edit, { maxLength: 5 })).map(([before, edits]) => {
  let after = before;
  for (const { at, remove, insert } of edits) {
    const i = at % (after.length + 1);
    after = after.slice(0, i) + insert + after.slice(i + remove);
  }
  return [before, after] as const;
});

const oldOf = (ops: TextOp[]) => ops.filter((o) => o.op !== 'insert').map((o) => o.text).join('');
const newOf = (ops: TextOp[]) => ops.filter((o) => o.op !== 'delete').map((o) => o.text).join('');
const DIGIT = /[0-9０-９]/u;

describe('diffText properties (seeded)', () => {
  it('ops always rebuild both texts, in canonical form (rules D1, D2)', () => {
    fc.assert(
      fc.property(edited, fc.constantFrom(...LANGS), ([before, after], lang) => {
        const ops = diffText(before, after, lang);
        expect(oldOf(ops)).toBe(before);
        expect(newOf(ops)).toBe(after);
        ops.forEach((op, i) => {
          expect(op.text).not.toBe('');
          const next = ops[i + 1];
          if (next !== undefined) {
            expect(next.op).not.toBe(op.op);
            expect(op.op === 'insert' && next.op === 'delete').toBe(false);
          }
        });
      }),
      RUNS,
    );
  });

  it('a text diffed with itself is only equal (rule D4)', () => {
    fc.assert(
      fc.property(text, fc.constantFrom(...LANGS), (t, lang) => {
        const ops = diffText(t, t, lang);
        expect(ops.every((o) => o.op === 'equal')).toBe(true);
        expect(ops.map((o) => o.text).join('')).toBe(t);
      }),
      RUNS,
    );
  });

  it('tokens are lossless, never empty, and never cut a digit run (rules T1, T12)', () => {
    fc.assert(
      fc.property(text, fc.constantFrom(...LANGS), (t, lang) => {
        const tokens = tokenize(t, lang);
        expect(tokens.join('')).toBe(t);
        expect(tokens.includes('')).toBe(false);
        tokens.forEach((token, i) => {
          const next = tokens[i + 1];
          if (next === undefined) return;
          const cutsDigits = DIGIT.test(token.slice(-1)) && DIGIT.test(next.charAt(0));
          expect(cutsDigits, `${JSON.stringify(token)} | ${JSON.stringify(next)}`).toBe(false);
        });
      }),
      RUNS,
    );
  });
});
