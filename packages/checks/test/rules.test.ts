import type { DeclarationJson } from '@accord/model/readDeclaration';
import { describe, expect, it } from 'vitest';
import { checkDeclaration, ReviewChecker } from '../src/ReviewChecker';
import type { Finding, Rule } from '../src/Finding';
import { frenchFacts } from '../src/frenchFacts';
import { japaneseFacts } from '../src/japaneseFacts';
import { ERAS, gregorianToEra } from '../src/japaneseEras';

const meta = (over: Partial<DeclarationJson['meta']> = {}): DeclarationJson['meta'] => ({
  title: { fr: '', ja: '' },
  edition: null,
  hostCity: { fr: '', ja: '' },
  nextHostCity: { fr: '', ja: '' },
  startDate: '',
  endDate: '',
  ...over,
});

/** A declaration of one section whose segments are the given pairs. */
function decl(pairs: Array<[string, string]>, over: Partial<DeclarationJson['meta']> = {}): DeclarationJson {
  return { meta: meta(over), sections: [{ id: 'sec', kind: 'other', title: { fr: '', ja: '' }, segments: pairs.map(([fr, ja], i) => ({ sid: `s${i}`, fr, ja })) }] };
}

const rules = (findings: Finding[], ...only: Rule[]) => findings.filter((f) => only.length === 0 || only.includes(f.rule)).map((f) => f.rule);
const check = (pairs: Array<[string, string]>, over: Partial<DeclarationJson['meta']> = {}, ...only: Rule[]) => rules(checkDeclaration(decl(pairs, over)), ...only);

describe('numbers', () => {
  it('flags a figure that differs, and accepts the same figure in every spelling', () => {
    expect(check([['35 collectivités', '36の自治体']], {}, 'numbers')).toEqual(['numbers']);
    expect(check([['35 collectivités', '35の自治体']], {}, 'numbers')).toEqual([]);
    expect(check([['35 collectivités', '三十五の自治体']], {}, 'numbers')).toEqual([]);
    expect(check([['35 collectivités', '３５の自治体']], {}, 'numbers')).toEqual([]);
    expect(check([['12 000 personnes', '1万2千人']], {}, 'numbers')).toEqual([]);
    expect(check([['12\u202f000 personnes', '12,000人']], {}, 'numbers')).toEqual([]);
    expect(check([['1\u00a0000 personnes', '千人']], {}, 'numbers')).toEqual([]);
    expect(check([['1 000 personnes', '2000人']], {}, 'numbers')).toEqual(['numbers']);
    expect(check([['en 2024', '二〇二四年に']], {}, 'numbers')).toEqual([]);
    expect(check([['en 2024', '令和6年に']], {}, 'numbers')).toEqual([]);
    expect(check([['en 2019', '令和元年に']], {}, 'numbers')).toEqual([]);
    expect(check([['en 2020', '令和元年に']], {}, 'numbers')).toEqual(['numbers']);
    expect(check([['en 1990', '平成2年に']], {}, 'numbers')).toEqual([]);
    expect(check([['en 1964', '昭和39年に']], {}, 'numbers')).toEqual([]);
  });

  it('reads percentages and amounts', () => {
    expect(check([['une hausse de 35 %', '35％の増加']], {}, 'numbers')).toEqual([]);
    expect(check([['une hausse de 35 %', '53％の増加']], {}, 'numbers')).toEqual(['numbers']);
    expect(check([['1,5 million d’euros', '150万ユーロ']], {}, 'numbers')).toEqual([]);
    expect(check([['1,5 million d’euros', '15万ユーロ']], {}, 'numbers')).toEqual(['numbers']);
    expect(check([['un taux de 3,5 %', '3.5%の割合']], {}, 'numbers')).toEqual([]);
  });

  it('flags a figure present on one side only, in either direction', () => {
    const fr = checkDeclaration(decl([['19 collectivités françaises', 'フランスの自治体']])).find((f) => f.rule === 'numbers');
    expect(fr).toMatchObject({ lang: 'ja', evidence: { fr: '19', ja: '' }, severity: 'error' });
    const ja = checkDeclaration(decl([['les collectivités françaises', 'フランスの19自治体']])).find((f) => f.rule === 'numbers');
    expect(ja).toMatchObject({ lang: 'fr', evidence: { fr: '', ja: '19' } });
    expect(ja?.message.fr).toContain('19');
    expect(ja?.message.ja).toContain('19');
    expect(ja?.message.en).toContain('19');
  });

  it('does not take words for numbers: 一般, 十分, 参加, 一層, 唯一, « une »', () => {
    expect(japaneseFacts('一般の市民が十分に参加し、一層の努力と唯一の方法を').numbers).toEqual([]);
    expect(check([['Le grand public a participé pleinement, une seule voie.', '一般の市民が十分に参加し、唯一の方法を示した。']], {}, 'numbers')).toEqual([]);
    // …but a kanji numeral next to a counter is one.
    expect(japaneseFacts('十分間の休憩').numbers).toEqual([]);
    expect(japaneseFacts('三十五の自治体と十人').numbers.map((n) => n.value)).toEqual([35, 10]);
  });

  it('lets French number words match without requiring a partner', () => {
    expect(check([['les cinq prochaines années', '今後5年間']], {}, 'numbers')).toEqual([]);
    expect(check([['nos deux pays', '両国']], {}, 'numbers')).toEqual([]);
    expect(check([['vingt-cinq villes', '25都市']], {}, 'numbers')).toEqual([]);
    expect(check([['cinq villes', '6都市']], {}, 'numbers')).toEqual(['numbers']);
  });

  it('ignores figures inside addresses', () => {
    expect(check([['voir https://exemple.fr/2024/rapport-35', '詳細は資料を参照']], {}, 'numbers')).toEqual([]);
  });
});

describe('dates', () => {
  it('matches « 18 au 21 novembre 2024 » with 2024年11月18日から21日, and flags a different day or month', () => {
    expect(check([['du 18 au 21 novembre 2024', '2024年11月18日から21日まで']], {}, 'dates', 'numbers')).toEqual([]);
    expect(check([['du 18 au 21 novembre 2024', '令和6年11月18日～21日']], {}, 'dates', 'numbers')).toEqual([]);
    expect(check([['du 18 au 21 novembre 2024', '2024年11月18日から22日まで']], {}, 'dates')).toEqual(['dates']);
    expect(check([['le 21 novembre', '10月21日']], {}, 'dates')).toEqual(['dates']);
    expect(check([['le 21 novembre', '十一月二十一日']], {}, 'dates')).toEqual([]);
    expect(check([['en décembre 2023', '2023年12月']], {}, 'dates', 'numbers')).toEqual([]);
    expect(check([['en décembre 2023', '2022年12月']], {}, 'dates')).toEqual(['dates']);
    expect(check([['le 1er juin', '6月1日']], {}, 'dates', 'numbers')).toEqual([]);
  });

  it('checks the weekday named with a date, on either side', () => {
    expect(check([['mardi 19 novembre 2024', '2024年11月19日（火）']], {}, 'weekday')).toEqual([]);
    expect(check([['mercredi 19 novembre 2024', '2024年11月19日（火）']], {}, 'weekday')).toEqual(['weekday']);
    expect(check([['mardi 19 novembre 2024', '2024年11月19日（水）']], {}, 'weekday')).toEqual(['weekday']);
    // Without a year, the meeting's year.
    expect(check([['mardi 19 novembre', '11月19日（火）']], { startDate: '2024-11-18', endDate: '2024-11-21' }, 'weekday')).toEqual([]);
    expect(check([['lundi 19 novembre', '11月19日（火）']], { startDate: '2024-11-18', endDate: '2024-11-21' }, 'weekday')).toEqual(['weekday']);
  });

  it('has an era table that agrees with Intl’s Japanese calendar', () => {
    for (const era of ERAS) expect(gregorianToEra(era.firstYear + 1)).toBe(`${era.name}2年`);
    expect(gregorianToEra(2024)).toBe('令和6年');
  });
});

describe('ordinals and editions', () => {
  it('matches 8e, 8ème, huitième, VIIIe with 第8回, and flags another number', () => {
    for (const fr of ['les 8e Rencontres', 'les 8ème Rencontres', 'les VIIIe Rencontres']) {
      expect(check([[fr, '第8回会議']], {}, 'ordinals', 'numbers')).toEqual([]);
      expect(check([[fr, '第9回会議']], {}, 'ordinals')).toEqual(['ordinals']);
    }
    expect(check([['les huitièmes Rencontres', '第八回会議']], {}, 'ordinals', 'numbers')).toEqual([]);
    expect(check([['les 8e Rencontres', '第八回会議']], {}, 'ordinals', 'numbers')).toEqual([]);
    expect(check([['les Rencontres', '第8回会議']], {}, 'ordinals')).toEqual(['ordinals']);
  });

  it('does not read « Le » or « Ce » as Roman numerals', () => {
    expect(frenchFacts('Le panel. Ce projet. Cette Ve République.').ordinals.map((o) => o.value)).toEqual([5]);
  });

  it('checks the edition in meta against the title and the text', () => {
    const over = { edition: 9, title: { fr: '9e Rencontres', ja: '第9回会議' } };
    expect(check([['les 9e Rencontres', '第9回会議']], over, 'edition')).toEqual([]);
    expect(check([['les 9e Rencontres', '第9回会議']], { ...over, title: { fr: '8e Rencontres', ja: '第9回会議' } }, 'edition')).toEqual(['edition']);
    expect(check([['les 8e Rencontres', '第8回会議']], over, 'edition')).toEqual(['edition', 'edition']);
  });
});

describe('dates outside the meeting', () => {
  const over = { startDate: '2024-11-18', endDate: '2024-11-21' };
  it('flags a day outside the meeting in a passage narrating it, in either language', () => {
    expect(check([['Réunis le 19 novembre', '11月19日に開催された会議']], over, 'outside-meeting')).toEqual([]);
    expect(check([['Réunis le 19 juin', '6月19日に開催された会議']], over, 'outside-meeting')).toEqual(['outside-meeting', 'outside-meeting']);
    expect(check([['Réunis le 19 juin', '11月19日']], over, 'outside-meeting')).toEqual(['outside-meeting']);
  });
  it('leaves other years and passages that do not narrate the meeting alone', () => {
    expect(check([['Lors de la COP28 le 2 décembre 2023, réunis', '2023年12月2日のCOP28で開催']], over, 'outside-meeting')).toEqual([]);
    expect(check([['Le rapport paraîtra le 19 juin.', '報告書は6月19日に公表される。']], over, 'outside-meeting')).toEqual([]);
  });
});

describe('counts that do not add up', () => {
  it('flags a later total that is not N + M, in French and in Japanese', () => {
    expect(check([['35 collectivités japonaises et 19 françaises', '35の日本の自治体と19のフランスの自治体'], ['Les 54 collectivités', '54の自治体']], {}, 'counts')).toEqual([]);
    expect(check([['35 collectivités japonaises et 19 françaises', '35の日本の自治体と19のフランスの自治体'], ['Les 56 collectivités', '56の自治体']], {}, 'counts')).toEqual(['counts', 'counts']);
    expect(check([['de 35 collectivités locales japonaises et de 19 collectivités locales françaises', '日本の35自治体とフランスの19自治体'], ['Les 55 collectivités', '54の自治体']], {}, 'counts')).toEqual(['counts']);
    expect(check([['35 collectivités japonaises et 19 françaises', '日本の35自治体とフランスの19自治体'], ['Les 54 collectivités', '55自治体']], {}, 'counts')).toEqual(['counts']);
  });
  it('takes a smaller count for a part, not a total', () => {
    expect(check([['35 collectivités japonaises et 19 françaises', '日本の35自治体とフランスの19自治体'], ['12 collectivités ont présenté', '12の自治体が発表']], {}, 'counts')).toEqual([]);
  });
});

describe('missing or extra segments', () => {
  it('flags a passage on one side only, naming the missing side', () => {
    const found = checkDeclaration(decl([['Un point de liste.', ''], ['', '箇条書き']])).filter((f) => f.rule === 'untranslated');
    expect(found.map((f) => f.lang)).toEqual(['ja', 'fr']);
    expect(check([['Un point.', '一点。']], {}, 'untranslated')).toEqual([]);
  });
});

describe('French typography', () => {
  const typo = (fr: string, spacing?: 'any' | 'imprimerie-nationale' | 'nbsp' | 'nnbsp') =>
    new ReviewChecker({ frenchSpacing: spacing }).check(decl([[fr, '日本語']])).filter((f) => f.rule === 'typography-fr');
  it('wants a no-break space before ; : ! ? and inside « »', () => {
    expect(typo('Voici\u00a0: la suite\u202f; enfin\u202f! « Oui » ?')).toHaveLength(3); // ordinary spaces inside « » and before ?
    expect(typo('Voici\u00a0: la suite\u202f; enfin\u202f! «\u00a0Oui\u00a0»\u202f?')).toEqual([]);
    expect(typo('Voici: la suite')).toHaveLength(1);
    expect(typo('Voici : la suite')).toHaveLength(1);
  });
  it('follows the configured spacing', () => {
    expect(typo('Voici\u202f: la suite', 'imprimerie-nationale')).toHaveLength(1);
    expect(typo('Voici\u00a0: la suite\u202f?', 'imprimerie-nationale')).toEqual([]);
    expect(typo('Voici\u00a0: la suite\u00a0?', 'nnbsp')).toHaveLength(2);
  });
  it('never flags times like 10:30 nor URLs', () => {
    expect(typo('Ouverture à 10:30 et 9:05, voir https://accord.example/d/x?y=1 et www.exemple.fr:8080')).toEqual([]);
  });
  it('flags straight quotes and doubled spaces', () => {
    expect(typo('Le "partenariat"')).toHaveLength(1);
    expect(typo('Le  partenariat')).toHaveLength(1);
  });
});

describe('Japanese typography', () => {
  const typo = (ja: string) => checkDeclaration(decl([['Texte', ja]])).filter((f) => f.rule === 'typography-ja');
  it('flags half-width punctuation next to Japanese, and mixed 、 and ，', () => {
    expect(typo('日本とフランス,そして世界')).toHaveLength(1);
    expect(typo('会議(2022年)')).toHaveLength(1);
    expect(typo('日本と、フランス，そして')).toHaveLength(1);
    expect(typo('会議（2022年）で、3.5%と1,000人、10:30に開始。https://example.jp/a,b')).toEqual([]);
  });
});

describe('glossary', () => {
  const glossary = [{ id: 'g1', fr: 'coopération décentralisée', ja: '自治体間協力' }];
  it('flags a term used on one side whose partner is absent from the other, both ways', () => {
    const one = (fr: string, ja: string) => checkDeclaration(decl([[fr, ja]]), glossary).filter((f) => f.rule === 'glossary').map((f) => f.lang);
    expect(one('la coopération décentralisée', '自治体間協力')).toEqual([]);
    expect(one('La Coopération décentralisée', '国際協力')).toEqual(['ja']);
    expect(one('la coopération', '自治体間協力の推進')).toEqual(['fr']);
    expect(one('la coopération', '国際協力')).toEqual([]);
  });
});

describe('ReviewChecker', () => {
  it('re-reads only the segments that changed', () => {
    const checker = new ReviewChecker();
    const pairs: Array<[string, string]> = Array.from({ length: 20 }, (_, i) => [`${i} villes`, `${i}都市`]);
    expect(checker.check(decl(pairs))).toEqual([]);
    expect(checker.lastAnalysed).toBe(20);
    pairs[3] = ['3 villes', '4都市'];
    expect(rules(checker.check(decl(pairs)))).toEqual(['numbers']);
    expect(checker.lastAnalysed).toBe(1);
    pairs[3] = ['3 villes', '3都市'];
    expect(checker.check(decl(pairs))).toEqual([]);
    expect(checker.lastAnalysed).toBe(1);
  });
  it('gives a finding the same id while its evidence is the same, another when it changes', () => {
    const a = checkDeclaration(decl([['35 villes', '36都市']]))[0];
    const b = checkDeclaration(decl([['35 villes', '36都市。']]))[0];
    const c = checkDeclaration(decl([['35 villes', '37都市']]))[0];
    expect(a?.id).toBe(b?.id);
    expect(a?.id).not.toBe(c?.id);
  });
});
