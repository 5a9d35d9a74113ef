import type { Lang, SectionKind } from '@accord/model/declarationLayout';
import { TEMPLATE_SECTIONS } from '@accord/model/templateSections';
import type { DetectedSection, ImportBlock } from './ImportBlock';
import { numberedHeading, workshopNumber } from './headingPatterns';
import { plainInline } from './inlineText';

/** Section titles that name their kind, in either language. */
const TITLE_KINDS: ReadonlyArray<[RegExp, SectionKind]> = [
  [/^(préambule|前文)/iu, 'preamble'],
  [/^(contexte|historique|背景|経緯)/iu, 'context'],
  [/^(thème|theme|テーマ)/iu, 'theme'],
  [/^(séance plénière|plénière|全体会合|全体会議)/iu, 'plenary'],
  [/^(conclusions?|結論|結び|まとめ|おわりに)\s*$/iu, 'conclusion'],
  [/^(prochaines rencontres|prochaine édition|次回)/iu, 'closing'],
];

/** « Nous, représentants … adoptons … » / 我々…採択: the sentence a declaration opens with. */
const PREAMBLE = [/^nous,?\s/iu, /adopt/iu] as const;
const PREAMBLE_JA = [/^(我々|私たち|われわれ)/u, /採択/u] as const;
/** « … nous nous engageons à organiser les 9e Rencontres … à Cannes … »: where the next edition meets. */
const NEXT_HOST = /(organiser|accueillir|tenir|se tiendront|nous retrouver).{0,80}\b\d+\s*(e|es|èmes?)\b.{0,10}rencontres|prochaines rencontres/iu;
const NEXT_HOST_JA = /(次回|第\s*[0-9０-９]+\s*回).{0,60}(開催|再会)/u;
/** Cues that move an untitled opening from context to theme or plenary. */
const THEME_CUE = /(choisi|retenu|adopté)\s+(pour|comme)\s+thème|le thème (général )?des \d+|テーマ(を|は)/iu;
const PLENARY_CUE = /^(la |en )?séance plénière|^全体会(合|議)/iu;
/** A title of the whole declaration rather than of a section. */
const DOCUMENT_TITLE = /(déclaration d[eu']|rencontres franco-japonaises|宣言$|日仏自治体交流会議)/iu;

const ORDER: readonly SectionKind[] = ['preamble', 'context', 'theme', 'plenary'];

export interface DetectedText {
  sections: DetectedSection[];
  /** The heading that titles the whole text (« … – Déclaration de Shizuoka »), if any. */
  title: string | null;
}

/**
 * Cuts one language's blocks into sections and guesses each one's kind. Headings that name a
 * workshop (« Atelier 2 : … », 分科会2, « 2. Société ~ … ») or a known part (« Conclusion », 前文…)
 * start a section; other headings inside a workshop or the conclusion are its sub-headings. An
 * untitled opening is cut by what its paragraphs say: the « Nous, … adoptons » preamble, then
 * context, the theme, the plenary; the sentence naming the next host closes the text.
 */
export function detectSections(blocks: readonly ImportBlock[], lang: Lang): DetectedText {
  const sections: DetectedSection[] = [];
  let title: string | null = null;
  let current: (DetectedSection & { auto: boolean }) | null = null;
  const start = (kind: SectionKind, heading: string | null, number: number | null = null) => {
    current = { kind, title: heading ?? defaultTitle(kind, lang), blocks: [], number, auto: heading === null };
    sections.push(current);
    return current;
  };
  for (const block of blocks) {
    const section = current as (DetectedSection & { auto: boolean }) | null;
    if (block.type === 'heading') {
      const plain = plainInline(block.text).trim();
      const workshop = workshopNumber(plain) ?? numberedHeading(plain)?.number ?? null;
      const named = TITLE_KINDS.find(([re]) => re.test(plain))?.[1] ?? null;
      if (title === null && workshop === null && named === null && DOCUMENT_TITLE.test(plain) && !inBody(section)) {
        title = plain;
      } else if (workshop !== null) {
        start('workshop', plain, workshop);
      } else if (named !== null) {
        start(named, plain);
      } else if (section && (inBody(section) || section.blocks.every((b) => b.type === 'heading'))) {
        section.blocks.push({ type: 'heading', level: 3, text: block.text });
      } else {
        start('other', plain);
      }
      continue;
    }
    if (block.type === 'paragraph') {
      const plain = plainInline(block.text);
      const [opens, adopts] = lang === 'fr' ? PREAMBLE : PREAMBLE_JA;
      if (!sections.some((s) => s.kind === 'preamble') && opens.test(plain) && adopts.test(plain) && !inBody(section)) {
        start('preamble', null).blocks.push(block);
        continue;
      }
      if ((lang === 'fr' ? NEXT_HOST : NEXT_HOST_JA).test(plain) && sections.some((s) => s.kind === 'workshop' || s.kind === 'conclusion')) {
        (section?.kind === 'closing' ? section : start('closing', null)).blocks.push(block);
        continue;
      }
      if (!section || section.auto) {
        const cue = THEME_CUE.test(plain) ? 'theme' : PLENARY_CUE.test(plain) ? 'plenary' : null;
        const kind = section?.kind ?? 'other';
        if (cue && ORDER.indexOf(cue) > ORDER.indexOf(kind)) {
          start(cue, null).blocks.push(block);
          continue;
        }
        // After the preamble and its place-and-date line, the text goes on with its context.
        if (kind === 'preamble' && section && section.blocks.length > 0 && !(plain.length < 120 && /\d{4}/.test(plain))) {
          start('context', null).blocks.push(block);
          continue;
        }
      }
    }
    (section ?? start(block.type === 'paragraph' ? 'context' : 'other', null)).blocks.push(block);
  }
  return { sections: sections.map(({ kind, title: t, blocks: b, number }) => ({ kind, title: t, blocks: b, number })), title };
}

/** Inside a part whose headings are its own sub-headings (a workshop's themes, the conclusion's). */
function inBody(section: DetectedSection | null): boolean {
  return section !== null && (section.kind === 'workshop' || section.kind === 'conclusion' || section.kind === 'closing');
}

function defaultTitle(kind: SectionKind, lang: Lang): string {
  return TEMPLATE_SECTIONS.find((t) => t.kind === kind)?.title[lang] ?? '';
}
