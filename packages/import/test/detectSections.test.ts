import { describe, expect, it } from 'vitest';
import { detectSections } from '../src/detectSections';
import { extractMeta } from '../src/extractMeta';
import { plainInline } from '../src/inlineText';
import { parseMarkdown } from '../src/parseMarkdown';
import { parseText } from '../src/parseText';
import { framingNoteFr, shizuokaFr, shizuokaJa } from './seeds';

const texts = (blocks: ReturnType<typeof parseMarkdown>['blocks']) => blocks.map((b) => ('text' in b ? plainInline(b.text) : ''));

describe('section detection on the Shizuoka 2024 declaration (Markdown seed)', () => {
  const { blocks } = parseMarkdown(shizuokaFr());
  const detected = detectSections(blocks, 'fr');

  it('finds the parts a declaration has, in order, with their kinds', () => {
    expect(detected.sections.map((s) => s.kind)).toEqual(['preamble', 'context', 'theme', 'plenary', 'workshop', 'workshop', 'workshop', 'conclusion', 'closing']);
    expect(detected.sections.filter((s) => s.kind === 'workshop').map((s) => s.number)).toEqual([1, 2, 3]);
    expect(detected.sections[4]!.title).toBe('Atelier 1 : Économie – Attractivité territoriale et gestion durable dans une société responsable');
    expect(detected.title).toBe('8e Rencontres franco-japonaises de la coopération décentralisée - Déclaration de Shizuoka');
  });

  it('keeps the preamble « Nous, … adoptons » with its place-and-date line, and the next host at the end', () => {
    const [preamble] = detected.sections;
    expect(texts(preamble!.blocks)[0]).toMatch(/^Nous, représentants .* adoptons/);
    expect(texts(preamble!.blocks)[1]).toBe('Ville de Shizuoka – Japon, Le 21 novembre 2024');
    expect(texts(detected.sections.at(-1)!.blocks)[0]).toMatch(/organiser les 9e Rencontres .* à Cannes/);
  });

  it('keeps sub-headings inside workshops (whatever their Markdown level) and the numbered commitments', () => {
    const workshop2 = detected.sections[5]!;
    expect(workshop2.blocks.filter((b) => b.type === 'heading').map((b) => ('text' in b ? b.text : ''))).toEqual([
      'Réalisation d\'une société inclusive et symbiotique',
      'Promouvoir la compréhension mutuelle',
      'Construire une société résiliente',
    ]);
    const conclusion = detected.sections[7]!;
    expect(conclusion.blocks.filter((b) => b.type === 'ordered').map((b) => (b.type === 'ordered' ? b.number : 0))).toEqual([1, 2, 3, 4]);
  });

  it('keeps superscript ordinals and joins a paragraph cut in the middle of a sentence', () => {
    expect(blocks.some((b) => 'text' in b && b.text.startsWith('Depuis les 1<sup>ères</sup> Rencontres'))).toBe(true);
    const plenary = texts(detected.sections[3]!.blocks);
    expect(plenary[0]).toMatch(/leur vision d'une nouvelle gestion municipale\.$/);
    expect(plenary).toHaveLength(4);
  });

  it('fills the metadata the text states', () => {
    expect(extractMeta(detected, 'fr')).toEqual({
      title: '8e Rencontres franco-japonaises de la coopération décentralisée - Déclaration de Shizuoka',
      edition: 8,
      hostCity: 'Shizuoka',
      nextHostCity: 'Cannes',
      startDate: '2024-11-18',
      endDate: '2024-11-21',
    });
  });
});

describe('section detection on the framing note (plain-text seed)', () => {
  const { blocks } = parseText(framingNoteFr());
  const detected = detectSections(blocks, 'fr');

  it('reads capital lines and numbered lines as headings, and the workshops by their numbers', () => {
    const workshops = detected.sections.filter((s) => s.kind === 'workshop');
    expect(workshops.map((s) => [s.number, s.title])).toEqual([
      [1, '1. Économie ~ Attractivité territoriale et gestion durable dans une société responsable'],
      [2, '2. Société ~ Société inclusive, collaborative et solidaire'],
      [3, '3. Environnement ~ Meilleure qualité de vie et neutralité carbone'],
    ]);
    expect(detected.sections.find((s) => s.kind === 'theme')?.title).toBe('THÈME GÉNÉRAL');
    expect(detected.title).toBe('8e RENCONTRES FRANCO-JAPONAISES DE LA COOPÉRATION');
  });

  it('joins lines a PDF wrapped, and reads the Wingdings « l » as a bullet', () => {
    const workshop1 = detected.sections.find((s) => s.number === 1)!;
    const bullets = workshop1.blocks.filter((b) => b.type === 'bullet').map((b) => ('text' in b ? plainInline(b.text) : ''));
    expect(bullets).toHaveLength(5);
    expect(bullets[0]).toBe(
      'Économie créative (promotion des arts et de la culture,formations artistiques, préservation du patrimoine historique et culturel, échanges sportifs, santé, propriété intellectuelle)',
    );
    expect(detected.sections.find((s) => s.number === 3)!.blocks.filter((b) => b.type === 'bullet')).toHaveLength(9);
    expect(texts(blocks).some((t) => t.includes('afin de co-créer de nouvelles valeurs'))).toBe(true);
  });

  it('finds the edition in the title', () => {
    expect(extractMeta(detected, 'fr').edition).toBe(8);
  });
});

describe('section detection in Japanese', () => {
  const detected = detectSections(parseMarkdown(shizuokaJa()).blocks, 'ja');

  it('reads 我々…採択 as the preamble, 分科会N as workshops, 結び as the conclusion, 次回 as the closing', () => {
    expect(detected.sections.map((s) => s.kind)).toEqual(['preamble', 'context', 'theme', 'plenary', 'workshop', 'workshop', 'workshop', 'conclusion', 'closing']);
    expect(detected.sections.filter((s) => s.kind === 'workshop').map((s) => s.number)).toEqual([1, 2, 3]);
    expect(extractMeta(detected, 'ja')).toEqual({
      title: '第8回日仏自治体交流会議 静岡宣言',
      edition: 8,
      hostCity: '静岡',
      nextHostCity: 'カンヌ',
      startDate: '2024-11-18',
      endDate: '2024-11-21',
    });
  });

  it('guesses that the first tab-separated line is a header, unless it holds figures', () => {
    const table = (text: string) => parseText(text).blocks.find((b) => b.type === 'table');
    expect(table('Ville\tIntitulé\nChartres\tLa forêt\nShizuoka\tLe thé')).toMatchObject({ header: true });
    expect(table('2024\t120\n2026\t80')).toMatchObject({ header: false });
  });

  it('keeps the header row of a Markdown table', () => {
    const { blocks } = parseMarkdown('## Atelier 1 : Économie\n\n| Ville | Participants |\n| --- | --- |\n| Cannes | 120 |\n');
    expect(blocks).toContainEqual({ type: 'table', rows: [['Ville', 'Participants'], ['Cannes', '120']], header: true });
  });

  it('reads tab-separated lines of a text as a table', () => {
    const { blocks } = parseText('分科会1：経済\n\n自治体\t参加者\n静岡市\t120\nカンヌ\t80\n\n以上。');
    expect(blocks).toContainEqual({ type: 'table', rows: [['自治体', '参加者'], ['静岡市', '120'], ['カンヌ', '80']], header: true });
    expect(detectSections(blocks, 'ja').sections.map((s) => s.kind)).toEqual(['workshop']);
  });
});
