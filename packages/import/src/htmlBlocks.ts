import type { ImportBlock } from './ImportBlock';
import { BOLD_LINE_LEVEL } from './parseMarkdown';
import { escapeInline } from './inlineText';

const INLINE_TAGS: Record<string, string> = { strong: 'b', b: 'b', em: 'i', i: 'i', sup: 'sup' };

/**
 * Blocks of the HTML mammoth writes for a DOCX (`h1`–`h6`, `p`, `ul`/`ol` > `li`, `table` > `tr` >
 * `td`/`th`, `strong`, `em`, `sup`, `br`): not a general HTML parser, only that small and
 * well-formed output. Nested lists are flattened; a paragraph entirely in bold is a heading, as in
 * Markdown.
 */
export function htmlBlocks(html: string): ImportBlock[] {
  const blocks: ImportBlock[] = [];
  const lists: Array<{ ordered: boolean; next: number }> = [];
  let text: string | null = null;
  let textKind: { type: 'heading'; level: number } | { type: 'paragraph' } | { type: 'item' } | null = null;
  let table: string[][] | null = null;
  /** Whether each cell of the table's first row is a `th` (mammoth writes one for a `w:tblHeader` row). */
  let headCells: boolean[] = [];
  let cell: string | null = null;
  let tableDepth = 0;
  const flush = () => {
    if (text === null || textKind === null) return;
    const inline = text.replace(/\s+/g, ' ').trim();
    const kind = textKind;
    text = null;
    textKind = null;
    if (inline === '') return;
    if (kind.type === 'heading') blocks.push({ type: 'heading', level: kind.level, text: stripBold(inline) });
    else if (kind.type === 'item') {
      const list = lists[lists.length - 1];
      blocks.push(list?.ordered ? { type: 'ordered', text: inline, number: list.next++ } : { type: 'bullet', text: inline });
    } else if (/^<b>.*<\/b>$/.test(inline) && !inline.slice(3, -4).includes('<b>')) blocks.push({ type: 'heading', level: BOLD_LINE_LEVEL, text: stripBold(inline) });
    else blocks.push({ type: 'paragraph', text: inline });
  };
  const append = (s: string) => {
    if (cell !== null) cell += s;
    else if (text !== null) text += s;
  };
  for (const m of html.matchAll(/<(\/?)([a-zA-Z0-9]+)[^>]*?(\/?)>|([^<]+)/g)) {
    if (m[4] !== undefined) {
      append(escapeInline(decodeEntities(m[4])));
      continue;
    }
    const closing = m[1] === '/';
    const tag = m[2]!.toLowerCase();
    if (INLINE_TAGS[tag]) {
      append(`<${closing ? '/' : ''}${INLINE_TAGS[tag]}>`);
      continue;
    }
    if (tag === 'br') {
      append(' ');
      continue;
    }
    if (tag === 'table') {
      if (!closing && tableDepth++ === 0) {
        flush();
        table = [];
        headCells = [];
      } else if (closing && --tableDepth === 0 && table) {
        if (table.length > 0) blocks.push(tableBlock(table, headCells));
        table = null;
      }
      continue;
    }
    if (table && tableDepth === 1) {
      if (tag === 'tr' && !closing) table.push([]);
      else if ((tag === 'td' || tag === 'th') && !closing) {
        cell = '';
        if (table.length === 1) headCells.push(tag === 'th');
      }
      else if ((tag === 'td' || tag === 'th') && closing && cell !== null) {
        table[table.length - 1]?.push(cell.replace(/\s+/g, ' ').trim());
        cell = null;
      } else if (tag === 'p' && !closing && cell !== null && cell !== '') cell += ' ';
      continue;
    }
    if (tableDepth > 0) continue; // a table inside a cell: its text joins the cell
    if (/^h[1-6]$/.test(tag)) {
      flush();
      if (!closing) {
        text = '';
        textKind = { type: 'heading', level: Number(tag[1]) };
      }
    } else if (tag === 'p') {
      if (textKind?.type === 'item') {
        if (!closing && text !== '') text += ' ';
        continue;
      }
      flush();
      if (!closing) {
        text = '';
        textKind = { type: 'paragraph' };
      }
    } else if (tag === 'ul' || tag === 'ol') {
      flush();
      if (!closing) lists.push({ ordered: tag === 'ol', next: 1 });
      else lists.pop();
    } else if (tag === 'li') {
      flush();
      if (!closing) {
        text = '';
        textKind = { type: 'item' };
      }
    }
  }
  flush();
  return blocks;
}

/**
 * A table block: its first row is a header when Word marks it so (`th` cells, from `w:tblHeader`)
 * or when every one of its cells is entirely bold, as tables typed without the option often are
 * (the bold then goes: a header cell is bold in the editor already). A single row is no header.
 */
function tableBlock(rows: string[][], headCells: readonly boolean[]): ImportBlock {
  const first = rows[0] ?? [];
  const bold = (c: string) => /^<b>.*<\/b>$/.test(c) && !c.slice(3, -4).includes('<b>');
  const marked = headCells.length > 0 && headCells.every((h) => h);
  const allBold = first.length > 0 && first.every(bold);
  const header = rows.length >= 2 && (marked || allBold);
  if (header && allBold) rows[0] = first.map((c) => c.slice(3, -4));
  return { type: 'table', rows, header };
}

function stripBold(inline: string): string {
  return inline.replace(/<\/?[bi]>/g, '').trim();
}

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos|nbsp);/gi, (_, e: string) => {
    const l = e.toLowerCase();
    if (l.startsWith('#x')) return String.fromCodePoint(parseInt(l.slice(2), 16));
    if (l.startsWith('#')) return String.fromCodePoint(Number(l.slice(1)));
    return ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' } as Record<string, string>)[l]!;
  });
}
