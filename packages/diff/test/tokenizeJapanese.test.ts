import { describe, expect, it } from 'vitest';
import { tokenizeJapanese } from '../src/tokenizeJapanese';

describe('Intl.Segmenter on Node 20 (why the pre-scan exists)', () => {
  const icu = (text: string) => [...new Intl.Segmenter('ja', { granularity: 'word' }).segment(text)].map((s) => s.segment);

  it('splits words as wanted but cuts numbers into pieces', () => {
    expect(icu('協力を強化する')).toEqual(['協力', 'を', '強化', 'する']);
    // These are what rules T8–T10 repair; if ICU ever keeps them whole, the pre-scan is moot.
    expect(icu('二〇二六年').length).toBeGreaterThan(1);
    expect(icu('第十一回').length).toBeGreaterThan(1);
    expect(icu('2026年11月21日').length).toBeGreaterThan(1);
    expect(icu('令和8年').length).toBeGreaterThan(1);
  });
});

describe('tokenizeJapanese', () => {
  it('keeps every character, in order (rule T1)', () => {
    const text = '第十一回日仏会議は、二〇二六年十一月に 東京で開催され、１２０名が参加した。🇯🇵\n次回は令和9年。';
    expect(tokenizeJapanese(text).join('')).toBe(text);
    expect(tokenizeJapanese(text)).not.toContain('');
    expect(tokenizeJapanese('')).toEqual([]);
  });

  it('segments words with ICU (rule T11)', () => {
    expect(tokenizeJapanese('協力を強化する')).toEqual(['協力', 'を', '強化', 'する']);
    expect(tokenizeJapanese('協力を推進する')).toEqual(['協力', 'を', '推進', 'する']);
  });

  it('joins whitespace runs, ideographic and no-break spaces included (rule T2)', () => {
    expect(tokenizeJapanese('日本  と\u3000\u00A0仏')).toEqual(['日本', '  ', 'と', '\u3000\u00A0', '仏']);
  });

  it('keeps every number, date, era year and ordinal of the brief whole (rules T8–T10)', () => {
    for (const n of ['二〇二六年', '2026年11月21日', '第十一回', '令和8年', '令和８年', '２０２６年１１月２１日', '令和元年', '平成三十一年四月一日', '十一月二十一日', '百二十五人', '三十周年', '第9回', '２０２６', '2,024.5']) {
      expect(tokenizeJapanese(n), n).toEqual([n]);
    }
  });

  it('keeps those tokens whole inside sentences (rules T8–T10)', () => {
    expect(tokenizeJapanese('二〇二六年に第十一回会議を開く')).toEqual(['二〇二六年', 'に', '第十一回', '会議', 'を', '開く']);
    expect(tokenizeJapanese('令和8年（2026年11月21日）')).toEqual(['令和8年', '（', '2026年11月21日', '）']);
    expect(tokenizeJapanese('約3割、１２０名')).toEqual(['約', '3割', '、', '１２０名']);
  });

  it('does not pull numerals out of ordinary words (rule T8)', () => {
    expect(tokenizeJapanese('同一人物')).toEqual(['同一', '人物']);
    expect(tokenizeJapanese('一層の統一')).toEqual(['一層', 'の', '統一']);
    expect(tokenizeJapanese('G7サミット')).toEqual(['G7', 'サミット']);
  });

  it('never splits digits, and keeps full-width and half-width apart (rule T12)', () => {
    const tokens = tokenizeJapanese('２０２６と2026');
    expect(tokens).toEqual(['２０２６', 'と', '2026']);
    expect(tokens[0]).not.toBe(tokens[2]);
  });
});
