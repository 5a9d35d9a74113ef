import { describe, expect, it } from 'vitest';
import { type TextOp, diffText } from '../src/diffText';

const oldOf = (ops: TextOp[]) => ops.filter((o) => o.op !== 'insert').map((o) => o.text).join('');
const newOf = (ops: TextOp[]) => ops.filter((o) => o.op !== 'delete').map((o) => o.text).join('');

describe('diffText', () => {
  it('replaces 強化 by 推進 as whole words (rules D4, T11)', () => {
    expect(diffText('協力を強化する', '協力を推進する', 'ja')).toEqual([
      { op: 'equal', text: '協力を' },
      { op: 'delete', text: '強化' },
      { op: 'insert', text: '推進' },
      { op: 'equal', text: 'する' },
    ]);
  });

  it('replaces a whole date or ordinal, never some of its digits (rules D4, T8–T10)', () => {
    expect(diffText('二〇二六年に開催', '二〇二七年に開催', 'ja')).toEqual([
      { op: 'delete', text: '二〇二六年' },
      { op: 'insert', text: '二〇二七年' },
      { op: 'equal', text: 'に開催' },
    ]);
    expect(diffText('第十一回会議', '第十二回会議', 'ja')).toEqual([
      { op: 'delete', text: '第十一回' },
      { op: 'insert', text: '第十二回' },
      { op: 'equal', text: '会議' },
    ]);
    expect(diffText('le 21 novembre 2024', 'le 22 novembre 2024', 'fr')).toEqual([
      { op: 'equal', text: 'le ' },
      { op: 'delete', text: '21 novembre 2024' },
      { op: 'insert', text: '22 novembre 2024' },
    ]);
  });

  it('treats a change of digit width as a change (rule T12)', () => {
    expect(diffText('2026年', '２０２６年', 'ja')).toEqual([
      { op: 'delete', text: '2026年' },
      { op: 'insert', text: '２０２６年' },
    ]);
  });

  it('changes an elision alone (rule T3)', () => {
    expect(diffText("l'accord", "d'accord", 'fr')).toEqual([
      { op: 'delete', text: "l'" },
      { op: 'insert', text: "d'" },
      { op: 'equal', text: 'accord' },
    ]);
  });

  it('absorbs a lone equal space between two changes (rule D3)', () => {
    expect(diffText('le chat noir dort', 'le chien blanc dort', 'fr')).toEqual([
      { op: 'equal', text: 'le ' },
      { op: 'delete', text: 'chat noir' },
      { op: 'insert', text: 'chien blanc' },
      { op: 'equal', text: ' dort' },
    ]);
  });

  it('keeps an equal word between two changes (rule D3 only absorbs whitespace)', () => {
    const ops = diffText('un chat noir', 'deux chat blanc', 'fr');
    expect(ops).toEqual([
      { op: 'delete', text: 'un' },
      { op: 'insert', text: 'deux' },
      { op: 'equal', text: ' chat ' },
      { op: 'delete', text: 'noir' },
      { op: 'insert', text: 'blanc' },
    ]);
  });

  it('a no-break space replacing a space is a change (rule T2)', () => {
    const ops = diffText('Paix !', 'Paix\u202F!', 'fr');
    expect(ops).toEqual([
      { op: 'equal', text: 'Paix' },
      { op: 'delete', text: ' ' },
      { op: 'insert', text: '\u202F' },
      { op: 'equal', text: '!' },
    ]);
  });

  it('stays exact when an edit cuts a surrogate pair or strands a combining mark (rules T1, D1)', () => {
    const flag = '🇯🇵';
    for (const lang of ['fr', 'ja'] as const) {
      const before = `Paix ${flag} é\u0301`;
      const after = `Paix ${flag.slice(0, 3)}x\u0301`;
      const ops = diffText(before, after, lang);
      expect(oldOf(ops)).toBe(before);
      expect(newOf(ops)).toBe(after);
    }
  });

  it('handles empty sides and identical texts (rule D4)', () => {
    expect(diffText('', '', 'fr')).toEqual([]);
    expect(diffText('', 'Bonjour.', 'fr')).toEqual([{ op: 'insert', text: 'Bonjour.' }]);
    expect(diffText('こんにちは。', '', 'ja')).toEqual([{ op: 'delete', text: 'こんにちは。' }]);
    expect(diffText('même texte', 'même texte', 'fr')).toEqual([{ op: 'equal', text: 'même texte' }]);
  });

  it('gives up on a word diff of two wholly different long texts (rule D5)', () => {
    const words = (prefix: string) => Array.from({ length: 800 }, (_, i) => `${prefix}${i}`).join(' ');
    const before = words('ancien');
    const after = words('nouveau');
    expect(diffText(before, after, 'fr')).toEqual([
      { op: 'delete', text: before },
      { op: 'insert', text: after },
    ]);
    // Below the limit, a long text with a small edit still gets a word diff.
    expect(diffText(before, `${before} fin`, 'fr')).toEqual([
      { op: 'equal', text: before },
      { op: 'insert', text: ' fin' },
    ]);
  });

  it('is in canonical form: no empty text, no repeated kind, delete before insert (rules D1, D2)', () => {
    const before = 'Nous, délégués réunis à Cannes le 21 novembre 2024, affirmons l’importance du dialogue.';
    const after = 'Nous, délégations réunies à Kyoto le 2 décembre 2026, réaffirmons l’importance de la coopération.';
    const ops = diffText(before, after, 'fr');
    expect(oldOf(ops)).toBe(before);
    expect(newOf(ops)).toBe(after);
    for (const [i, op] of ops.entries()) {
      expect(op.text).not.toBe('');
      const next = ops[i + 1];
      if (next !== undefined) {
        expect(next.op).not.toBe(op.op);
        expect(op.op === 'insert' && next.op === 'delete').toBe(false);
      }
    }
  });
});
