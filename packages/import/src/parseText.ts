import type { ImportBlock, ParsedText } from './ImportBlock';
import { isCapitalsLine, numberedHeading, workshopNumber } from './headingPatterns';
import { escapeInline } from './inlineText';
import { joinContinuations } from './joinContinuations';

const BULLET = /^\s*(?:[-–—•·*●○■□◆◇▪▫・]|l(?=\s+[\p{Lu}&]))\s*/u;
const ORDERED = /^\s*([0-9]{1,2})[.)]\s+/;
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー、。「」（）]/u;

/**
 * Blocks of a plain text: blank lines separate paragraphs, lines inside one are joined (a text
 * copied from a PDF is wrapped); `- ` `• ` `・` (and the `l` a Wingdings bullet becomes) start a
 * bulleted item, `1. ` a numbered one; capital lines, « Atelier 2 : … », 分科会… and short numbered
 * lines are headings; two or more consecutive lines with tab-separated cells are a table.
 */
export function parseText(text: string): ParsedText {
  const lines = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').split('\n');
  const blocks: ImportBlock[] = [];
  let open = null as ImportBlock | null;
  let openLines = 0;
  let tableRows: string[][] = [];
  const flushTable = () => {
    if (tableRows.length >= 2) blocks.push({ type: 'table', rows: tableRows, header: looksLikeHeader(tableRows) });
    else for (const row of tableRows) blocks.push({ type: 'paragraph', text: escapeInline(row.join(' ')) });
    tableRows = [];
  };
  const close = () => {
    const block: ImportBlock | null = open;
    open = null;
    if (!block || !('text' in block) || block.text.trim() === '') return;
    // A numbered line alone is a heading (« 1. Vers quel modèle économique durable ? »); one
    // wrapped onto more lines is an item of a numbered list.
    const numbered = block.type === 'ordered' && openLines === 1 ? `${block.number}. ${block.text.trim()}` : null;
    blocks.push(numbered !== null && numberedHeading(numbered) ? { type: 'heading', level: 2, text: numbered } : { ...block, text: block.text.trim() });
  };
  for (const raw of lines) {
    const cells = raw.split('\t').map((c) => c.trim()).filter((c) => c !== '');
    if (raw.includes('\t') && cells.length >= 2) {
      close();
      tableRows.push(cells.map(escapeInline));
      continue;
    }
    flushTable();
    const line = raw.trim();
    if (line === '') {
      close();
      continue;
    }
    const bullet = BULLET.exec(line);
    const ordered = ORDERED.exec(line);
    const heading = ordered ? null : headingLevel(line);
    if (heading !== null) {
      close();
      blocks.push({ type: 'heading', level: heading, text: escapeInline(line) });
    } else if (bullet) {
      close();
      open = { type: 'bullet', text: escapeInline(line.slice(bullet[0].length)) };
      openLines = 1;
    } else if (ordered) {
      close();
      open = { type: 'ordered', number: Number(ordered[1]), text: escapeInline(line.slice(ordered[0].length)) };
      openLines = 1;
    } else if (open && 'text' in open) {
      open = { ...open, text: joinLine(open.text, escapeInline(line)) };
      openLines++;
    } else {
      open = { type: 'paragraph', text: escapeInline(line) };
      openLines = 1;
    }
  }
  close();
  flushTable();
  return { blocks: joinContinuations(blocks), warnings: [] };
}

/** The heading level of a line standing alone, or `null` for a line of running text. */
function headingLevel(line: string): number | null {
  if (workshopNumber(line) !== null && line.length <= 140) return 2;
  if (/^[０-９一二三四五六七八九十]/u.test(line) && numberedHeading(line)) return 2;
  if (isCapitalsLine(line)) return 1;
  return null;
}

/** Joins a wrapped line: no space between Japanese characters, nor after a word cut at its hyphen. */
function joinLine(before: string, line: string): string {
  const head = before.trimEnd();
  if (CJK.test(head.slice(-1)) || CJK.test(line.charAt(0))) return head + line;
  if (/\S-$/u.test(head)) return head + line;
  return `${head} ${line}`;
}

/**
 * Whether the first line of tab-separated rows reads as a header: a guess, since plain text
 * cannot say so — its cells hold no digit (« Ville », « Participants ») while some cell of the
 * rows below does (« 120 »), or the rows below repeat none of its cells.
 */
function looksLikeHeader(rows: readonly string[][]): boolean {
  const [first, ...rest] = rows;
  if (!first) return false;
  const digit = (cells: readonly string[]) => cells.some((c) => /[0-9０-９]/.test(c));
  if (digit(first)) return false;
  return rest.some(digit) || !rest.some((row) => row.some((c) => first.includes(c)));
}
