import type { Lang } from '@accord/model/declarationLayout';
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  HeadingLevel,
  type ILevelsOptions,
  LevelFormat,
  PageNumber,
  Paragraph,
  type ParagraphChild,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TabStopType,
  TextRun,
  WidthType,
} from 'docx';
import { type BilingualUnit, bilingualRows } from './bilingualRows';
import { DocxComments } from './docxComments';
import { documentStatus, languagesOf, signatoryLines } from './documentParts';
import type { ExportThread } from './exportComments';
import type { ExportFrame } from './ExportFrame';
import { EXPORT_LABELS, formatExportDate } from './exportLabels';
import type { ExportContent } from './readExportContent';
import { type Inline, isTextblock, type RichBlock, type RichList, type RichTable } from './richText';

/**
 * Fonts a mayor's office has: Times New Roman for Latin text, Yu Mincho / Yu Gothic (Office's
 * Japanese fonts) for East Asian text. Both are named in the document defaults and in every style
 * (`w:ascii`, `w:hAnsi`, `w:cs` and `w:eastAsia`), and every run says its language, so Word never
 * shows Japanese in a Chinese fallback font.
 */
export const DOCX_FONTS = { latin: 'Times New Roman', mincho: 'Yu Mincho', gothic: 'Yu Gothic' } as const;
const LANGUAGE = { fr: { value: 'fr-FR', eastAsia: 'ja-JP' }, ja: { value: 'ja-JP', eastAsia: 'ja-JP' } } as const;
const fontFor = (lang: Lang, heading = false) => {
  const eastAsia = heading ? DOCX_FONTS.gothic : DOCX_FONTS.mincho;
  return lang === 'fr'
    ? { ascii: DOCX_FONTS.latin, hAnsi: DOCX_FONTS.latin, cs: DOCX_FONTS.latin, eastAsia }
    : { ascii: eastAsia, hAnsi: eastAsia, cs: DOCX_FONTS.latin, eastAsia };
};
const STYLE = { fr: 'AccordFr', ja: 'AccordJa' } as const;
/** A4 text width in twentieths of a point, with the 18 mm side margins of the print view. */
const TEXT_WIDTH = 9866;
const MARGIN = 1020;

/**
 * The declaration as a Word document (the `docx` package; pure: `Packer` turns it into bytes).
 * Headings, paragraphs, Word lists (one numbering per list, so each restarts at its `start`), Word
 * tables with merged cells, bold, italic, superscript; side by side, one table per section with
 * the title spanning both columns and one row per aligned segment. The footer of every page
 * carries the title, the version, its date and the hash; a draft says « PROJET » / 草案 in its
 * header and its first line, the adopted text ends with the mayors' signature blocks.
 */
export function docxDocument(content: ExportContent, frame: ExportFrame, comments: readonly ExportThread[] = []): Document {
  const numbering = new NumberingPlan();
  const langs = languagesOf(frame.lang);
  const notes = new DocxComments(content.sections, comments, langs, run);
  const status = documentStatus(content, frame);
  const children: Array<Paragraph | Table> = [];
  if (!frame.adopted) {
    for (const l of langs) {
      children.push(
        new Paragraph({
          style: STYLE[l],
          alignment: AlignmentType.CENTER,
          border: { top: redBorder, bottom: redBorder, left: redBorder, right: redBorder },
          children: [run(l, EXPORT_LABELS[l].draftNotice, { bold: true, color: 'AA1111' })],
        }),
      );
    }
  }
  for (const l of langs) children.push(new Paragraph({ heading: HeadingLevel.TITLE, alignment: AlignmentType.CENTER, children: [run(l, content.meta.title[l], {}, true)] }));
  if (frame.lang === 'bilingual') {
    for (const section of content.sections) children.push(bilingualTable(section.id, section.title, bilingualRows(section.fr, section.ja), { numbering, notes }));
  } else {
    const l = frame.lang;
    for (const section of content.sections) {
      children.push(new Paragraph({ heading: HeadingLevel.HEADING_1, children: notes.title(section.id, [run(l, section.title[l], {}, true)]) }));
      children.push(...blocks(section[l], l, { numbering, notes, sectionId: section.id }, 0));
    }
  }
  if (frame.adopted) children.push(new Paragraph({ children: [] }), signatureTable(content, langs));
  children.push(new Paragraph({ spacing: { before: 400 }, border: { top: thinBorder }, children: [] }));
  for (const l of langs) {
    children.push(
      paragraph(l, [
        run(l, content.meta.title[l]),
        new TextRun({ break: 1 }),
        run(l, `${EXPORT_LABELS[l].version}${EXPORT_LABELS[l].colon}${frame.versionLabel[l]} — ${formatExportDate(frame.versionDate, l)}`),
        new TextRun({ break: 1 }),
        run(l, `${EXPORT_LABELS[l].hash}${EXPORT_LABELS[l].colon}${content.hash}`),
        new TextRun({ break: 1 }),
        run(l, status[l], { bold: true }),
      ]),
    );
  }

  const footerLang = langs[0]!;
  const footerRuns = [
    run(footerLang, `${content.meta.title[footerLang]} · ${frame.versionLabel[footerLang]} · ${formatExportDate(frame.versionDate, footerLang)} · SHA-256 ${status.hashPrefix}`, { size: 15 }),
    new TextRun({ text: '\t', size: 15 }),
    ...pageOf(frame.lang === 'bilingual' ? '{page} / {pages}' : EXPORT_LABELS[frame.lang].pageOf, footerLang),
  ];
  return new Document({
    creator: 'Accord',
    title: langs.map((l) => content.meta.title[l]).join(' — '),
    description: `SHA-256 ${content.hash}`,
    styles: docxStyles(),
    numbering: { config: numbering.config() },
    comments: notes.options(),
    sections: [
      {
        properties: { page: { size: { width: 11906, height: 16838 }, margin: { top: 1247, bottom: 1361, left: MARGIN, right: MARGIN } } },
        headers: frame.adopted
          ? undefined
          : {
              default: new Header({
                children: [
                  new Paragraph({
                    alignment: AlignmentType.RIGHT,
                    children: langs.flatMap((l, i) => [...(i > 0 ? [run(l, ' · ', { color: 'AA1111' })] : []), run(l, EXPORT_LABELS[l].draft, { bold: true, color: 'AA1111' })]),
                  }),
                ],
              }),
            },
        footers: {
          default: new Footer({
            children: [new Paragraph({ tabStops: [{ type: TabStopType.RIGHT, position: TEXT_WIDTH }], children: footerRuns })],
          }),
        },
        children,
      },
    ],
  });
}

const redBorder = { style: BorderStyle.SINGLE, size: 12, color: 'AA1111', space: 4 };
const thinBorder = { style: BorderStyle.SINGLE, size: 4, color: '888888', space: 4 };
const noBorder = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };

function docxStyles() {
  const base = (lang: Lang, heading = false) => ({ font: fontFor(lang, heading), language: LANGUAGE[lang] });
  const headingStyle = (id: string, name: string, size: number) => ({
    id,
    name,
    basedOn: 'Normal',
    next: 'Normal',
    quickFormat: true,
    run: { ...base('fr', true), size, bold: true },
    paragraph: { spacing: { before: 240, after: 120 }, keepNext: true },
  });
  return {
    default: {
      document: { run: { ...base('fr'), size: 22 }, paragraph: { spacing: { after: 120, line: 300 } } },
      title: { run: { ...base('fr', true), size: 36, bold: true }, paragraph: { spacing: { after: 160 } } },
      heading1: headingStyle('Heading1', 'Heading 1', 26),
      heading2: headingStyle('Heading2', 'Heading 2', 24),
      heading3: headingStyle('Heading3', 'Heading 3', 23),
    },
    paragraphStyles: [
      { id: STYLE.fr, name: 'Accord français', basedOn: 'Normal', quickFormat: true, run: base('fr'), paragraph: { alignment: AlignmentType.JUSTIFIED } },
      { id: STYLE.ja, name: 'Accord 日本語', basedOn: 'Normal', quickFormat: true, run: base('ja'), paragraph: { alignment: AlignmentType.JUSTIFIED } },
    ],
  };
}

type RunExtra = { bold?: boolean; italics?: boolean; superScript?: boolean; color?: string; size?: number };

function run(lang: Lang, text: string, extra: RunExtra = {}, heading = false): TextRun {
  return new TextRun({ text, font: fontFor(lang, heading), language: LANGUAGE[lang], ...extra });
}

function paragraph(lang: Lang, children: TextRun[]): Paragraph {
  return new Paragraph({ style: STYLE[lang], alignment: AlignmentType.LEFT, children });
}

function inlineRun(inline: Inline, lang: Lang, heading = false, bold = false): TextRun {
  return inline.kind === 'break'
    ? new TextRun({ break: 1 })
    : run(lang, inline.text, { bold: bold || inline.bold || undefined, italics: inline.italic || undefined, superScript: inline.superscript || undefined }, heading);
}

function pageOf(pattern: string, lang: Lang): TextRun[] {
  return pattern
    .split(/(\{page\}|\{pages\})/)
    .filter((part) => part !== '')
    .map((part) =>
      part === '{page}'
        ? new TextRun({ children: [PageNumber.CURRENT], size: 15 })
        : part === '{pages}'
          ? new TextRun({ children: [PageNumber.TOTAL_PAGES], size: 15 })
          : run(lang, part, { size: 15 }),
    );
}

/** What rendering a section's blocks carries along: the list numberings and the comments to anchor. */
interface BlockContext {
  numbering: NumberingPlan;
  notes: DocxComments;
  sectionId: string;
}

const HEADINGS = [HeadingLevel.HEADING_2, HeadingLevel.HEADING_2, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3] as const;

function blocks(list: readonly RichBlock[], lang: Lang, ctx: BlockContext, depth: number, listRef?: { reference: string; level: number }): Array<Paragraph | Table> {
  const out: Array<Paragraph | Table> = [];
  for (const block of list) {
    if (isTextblock(block)) {
      const heading = block.type === 'heading' ? HEADINGS[Math.min(3, block.level)] : undefined;
      out.push(
        new Paragraph({
          style: heading ? undefined : STYLE[lang],
          heading,
          numbering: listRef,
          children: ctx.notes.textblock(ctx.sectionId, block, lang, (inline) => inlineRun(inline, lang, heading !== undefined)),
        }),
      );
      listRef = undefined; // an item's later paragraphs are continuation lines, not new items
    } else if (block.type === 'table') {
      out.push(contentTable(block, lang, ctx));
    } else {
      out.push(...listParagraphs(block, lang, ctx, depth));
    }
  }
  return out;
}

function listParagraphs(list: RichList, lang: Lang, ctx: BlockContext, depth: number): Array<Paragraph | Table> {
  const reference = ctx.numbering.add(list);
  const level = Math.min(depth, 8);
  return list.items.flatMap((item) => {
    const children = blocks(item.blocks, lang, ctx, depth + 1, { reference, level });
    // An empty item still shows its number.
    return children.length > 0 ? children : [new Paragraph({ style: STYLE[lang], numbering: { reference, level }, children: [] })];
  });
}

function contentTable(table: RichTable, lang: Lang, ctx: BlockContext): Table {
  const columns = Math.max(1, ...table.rows.map((row) => row.reduce((n, cell) => n + cell.colspan, 0)));
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: Array.from({ length: columns }, () => Math.floor(TEXT_WIDTH / columns)),
    rows: table.rows.map(
      (row, index) =>
        new TableRow({
          // Only a true header row says so: `w:tblHeader w:val="off"` reads as a header to some readers.
          ...(index === 0 && row.every((cell) => cell.header) ? { tableHeader: true } : {}),
          children: row.map(
            (cell) =>
              new TableCell({
                columnSpan: cell.colspan > 1 ? cell.colspan : undefined,
                rowSpan: cell.rowspan > 1 ? cell.rowspan : undefined,
                shading: cell.header ? { type: ShadingType.CLEAR, color: 'auto', fill: 'EEEEEE' } : undefined,
                children: nonEmpty(blocks(cell.blocks, lang, ctx, 0), lang),
              }),
          ),
        }),
    ),
  });
}

function nonEmpty(children: Array<Paragraph | Table>, lang: Lang): Array<Paragraph | Table> {
  // Word requires a paragraph in every cell, and after a nested table.
  if (children.length === 0 || children[children.length - 1] instanceof Table) return [...children, new Paragraph({ style: STYLE[lang], children: [] })];
  return children;
}

function bilingualTable(sectionId: string, title: { fr: string; ja: string }, rows: ReturnType<typeof bilingualRows>, shared: Omit<BlockContext, 'sectionId'>): Table {
  const ctx: BlockContext = { ...shared, sectionId };
  const half = Math.floor(TEXT_WIDTH / 2);
  const titleRow = new TableRow({
    cantSplit: true,
    children: [
      new TableCell({
        columnSpan: 2,
        borders: { top: noBorder, left: noBorder, right: noBorder, bottom: { style: BorderStyle.SINGLE, size: 8, color: '333333' } },
        children: [
          new Paragraph({ heading: HeadingLevel.HEADING_1, keepNext: true, children: ctx.notes.title(sectionId, [run('fr', title.fr, {}, true)]) }),
          new Paragraph({ heading: HeadingLevel.HEADING_1, keepNext: true, children: [run('ja', title.ja, {}, true)] }),
        ],
      }),
    ],
  });
  const cell = (unit: BilingualUnit | null, lang: Lang) =>
    new TableCell({
      width: { size: half, type: WidthType.DXA },
      borders: { top: noBorder, bottom: noBorder, left: lang === 'fr' ? noBorder : { style: BorderStyle.SINGLE, size: 4, color: 'BBBBBB' }, right: noBorder },
      shading: unit ? undefined : { type: ShadingType.CLEAR, color: 'auto', fill: 'FFF3CD' },
      margins: { left: 100, right: 100 },
      children: unit
        ? nonEmpty(unitChildren(unit, lang, ctx), lang)
        : [new Paragraph({ style: STYLE[lang], children: [run(lang, EXPORT_LABELS[lang].untranslated, { italics: true, color: '8A5A00' })] })],
    });
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [half, half],
    borders: { top: noBorder, bottom: noBorder, left: noBorder, right: noBorder, insideHorizontal: noBorder, insideVertical: noBorder },
    rows: [titleRow, ...rows.map((row) => new TableRow({ cantSplit: true, children: [cell(row.fr, 'fr'), cell(row.ja, 'ja')] }))],
  });
}

function unitChildren(unit: BilingualUnit, lang: Lang, ctx: BlockContext): Array<Paragraph | Table> {
  if (unit.kind === 'table') return [contentTable(unit.table, lang, ctx)];
  const { block, marker, depth } = unit;
  const heading = block.type === 'heading';
  // Markers are text here, not Word numbering: the numbers of both columns must stay the same.
  const markerRuns = marker ? [run(lang, `${marker}\t`, { bold: heading || undefined })] : [];
  const runs: ParagraphChild[] = ctx.notes.textblock(ctx.sectionId, block, lang, (inline) => inlineRun(inline, lang, false, heading));
  return [
    new Paragraph({
      style: STYLE[lang],
      alignment: AlignmentType.LEFT,
      keepNext: heading,
      indent: depth > 0 ? { left: 340 * depth, hanging: marker ? 340 : 0 } : undefined,
      tabStops: marker ? [{ type: TabStopType.LEFT, position: 340 * depth }] : undefined,
      children: [...markerRuns, ...runs],
    }),
  ];
}

function signatureTable(content: ExportContent, langs: readonly Lang[]): Table {
  const half = Math.floor(TEXT_WIDTH / 2);
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [half, half],
    borders: { top: noBorder, bottom: noBorder, left: noBorder, right: noBorder, insideHorizontal: noBorder, insideVertical: noBorder },
    rows: [
      new TableRow({
        cantSplit: true,
        children: signatoryLines(content, langs).map(
          (side) =>
            new TableCell({
              width: { size: half, type: WidthType.DXA },
              borders: { top: noBorder, left: noBorder, right: noBorder, bottom: noBorder },
              margins: { left: 120, right: 240 },
              children: [
                ...side.lines.map((line) =>
                  paragraph(line.lang, [run(line.lang, line.text, { bold: line.role === 'office' || undefined, size: line.role === 'side' ? 19 : undefined })]),
                ),
                new Paragraph({ children: [], spacing: { before: 1100 }, border: { bottom: { style: BorderStyle.SINGLE, size: 4, color: '111111', space: 1 } } }),
                paragraph(langs[0]!, [run(langs[0]!, langs.map((l) => EXPORT_LABELS[l].signature).join(' / '), { size: 17, color: '555555' })]),
              ],
            }),
        ),
      }),
    ],
  });
}

/** One Word numbering definition per list, so each list numbers from its own `start`. */
class NumberingPlan {
  private readonly lists: Array<{ reference: string; ordered: boolean; start: number }> = [];

  add(list: RichList): string {
    const reference = `accord-list-${this.lists.length + 1}`;
    this.lists.push({ reference, ordered: list.type === 'orderedList', start: list.start });
    return reference;
  }

  config() {
    return this.lists.map(({ reference, ordered, start }) => ({
      reference,
      levels: Array.from({ length: 9 }, (_, level): ILevelsOptions => ({
        level,
        format: ordered ? LevelFormat.DECIMAL : LevelFormat.BULLET,
        text: ordered ? `%${level + 1}.` : ['•', '◦', '▪'][level % 3]!,
        start,
        alignment: AlignmentType.LEFT,
        style: { paragraph: { indent: { left: 454 * (level + 1), hanging: 340 } } },
      })),
    }));
  }
}
