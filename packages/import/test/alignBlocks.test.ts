import { describe, expect, it } from 'vitest';
import type { ImportBlock } from '../src/ImportBlock';
import { type BlockPair, DEFAULT_VARIANCE, alignBlocks } from '../src/alignBlocks';
import { detectSections } from '../src/detectSections';
import { estimateLengthModel } from '../src/estimateLengthModel';
import { parseMarkdown } from '../src/parseMarkdown';
import { shizuokaFr, shizuokaJa } from './seeds';

const fr = detectSections(parseMarkdown(shizuokaFr()).blocks, 'fr').sections;
const ja = detectSections(parseMarkdown(shizuokaJa()).blocks, 'ja').sections;
const model = estimateLengthModel(fr, ja);
/** Each pair as [French indices, Japanese indices] into the blocks given. */
const shape = (pairs: readonly BlockPair[], a: readonly ImportBlock[], b: readonly ImportBlock[]) =>
  pairs.map((p) => [p.fr.map((x) => a.indexOf(x)), p.ja.map((x) => b.indexOf(x))]);

describe('the FR↔JA aligner (Gale–Church with anchors)', () => {
  const frContext = fr[1]!.blocks;
  const jaContext = ja[1]!.blocks;

  it('estimates the FR:JA length model from the texts and pairs a faithful translation one to one', () => {
    expect(model.ratio).toBeGreaterThan(0.25);
    expect(model.ratio).toBeLessThan(0.6);
    expect(model.variance).toBeLessThan(DEFAULT_VARIANCE);
    const { pairs } = alignBlocks(frContext, jaContext, model);
    expect(shape(pairs, frContext, jaContext)).toEqual(frContext.map((_, i) => [[i], [i]]));
    expect(Math.min(...pairs.map((p) => p.confidence))).toBeGreaterThan(0.5);
  });

  it('leaves a paragraph missing on one side alone, with confidence 0', () => {
    const jaMissing = jaContext.filter((_, i) => i !== 4);
    const { pairs } = alignBlocks(frContext, jaMissing, model);
    const expected = frContext.map((_, i) => [[i], i < 4 ? [i] : i === 4 ? [] : [i - 1]]);
    expect(shape(pairs, frContext, jaMissing)).toEqual(expected);
    expect(pairs[4]!.confidence).toBe(0);
  });

  it('pairs two French paragraphs with the one Japanese paragraph that joins them (2–1)', () => {
    const joined: ImportBlock = { type: 'paragraph', text: `${(jaContext[5] as { text: string }).text}${(jaContext[6] as { text: string }).text}` };
    const jaJoined = [...jaContext.slice(0, 5), joined, ...jaContext.slice(7)];
    const { pairs } = alignBlocks(frContext, jaJoined, model);
    expect(shape(pairs, frContext, jaJoined)).toEqual([
      [[0], [0]],
      [[1], [1]],
      [[2], [2]],
      [[3], [3]],
      [[4], [4]],
      [[5, 6], [5]],
      [[7], [6]],
      [[8], [7]],
    ]);
  });

  it('pairs the items of a list the translator reordered by their content, and says so', () => {
    const item = (text: string): ImportBlock => ({ type: 'bullet', text });
    const frList = [
      { type: 'heading', level: 3, text: 'Engagements pour la nature en ville' } as const,
      item('Planter 10 000 arbres d’ici 2030 dans les quartiers les plus exposés à la chaleur.'),
      item('Ouvrir 3 jardins partagés par quartier, gérés avec les habitants.'),
      item('Former 200 agents municipaux à la « nature en ville » et à la gestion différenciée des espaces verts.'),
    ];
    const jaList = [
      { type: 'heading', level: 3, text: 'まちなかの自然に関する約束' } as const,
      item('2030年までに、暑さの影響を最も受ける地区に10,000本の木を植える。'),
      item('各地区に、住民とともに運営する共同菜園を3か所開設する。'),
      item('市職員200人を対象に、「まちなかの自然」と緑地の区分管理に関する研修を行う。'),
    ];
    const jaReordered = [jaList[0]!, jaList[2]!, jaList[3]!, jaList[1]!];
    const { pairs, reordered } = alignBlocks(frList, jaReordered, model);
    expect(reordered).toBe(true);
    expect(pairs.map((p) => p.ja[0])).toEqual(jaList);
    const straight = alignBlocks(frList, jaList, model);
    expect(straight.reordered).toBe(false);
  });

  it('lets shared numbers decide between blocks of the same length (anchors)', () => {
    const p = (text: string): ImportBlock => ({ type: 'paragraph', text });
    const frBlocks = [p('Depuis 2008, les Rencontres se tiennent tous les deux ans.'), p('En 2013, un partenariat d’exception est né.')];
    // Same lengths on both Japanese candidates; only the years tell which is which. The first
    // French paragraph has no counterpart.
    const jaBlocks = [p('2013年、特別なパートナーシップが生まれた。')];
    const { pairs } = alignBlocks(frBlocks, jaBlocks, { ratio: 0.4, variance: DEFAULT_VARIANCE });
    expect(shape(pairs, frBlocks, jaBlocks)).toEqual([
      [[0], []],
      [[1], [0]],
    ]);
    expect(pairs[1]!.confidence).toBeGreaterThan(0.9);
  });

  it('never pairs a heading with a paragraph when a heading faces it', () => {
    const h = (text: string): ImportBlock => ({ type: 'heading', level: 3, text });
    const p = (text: string): ImportBlock => ({ type: 'paragraph', text });
    const frBlocks = [h('Promotion de l’innovation'), p('Soutien aux start-ups pour favoriser l’innovation technologique.')];
    const jaBlocks = [p('科学研究を通じて技術革新を促進する。'), h('イノベーションの推進')].reverse();
    const { pairs } = alignBlocks(frBlocks, jaBlocks, { ratio: 0.4, variance: DEFAULT_VARIANCE });
    expect(pairs.map((x) => [x.fr[0]?.type, x.ja[0]?.type])).toEqual([
      ['heading', 'heading'],
      ['paragraph', 'paragraph'],
    ]);
  });
});
