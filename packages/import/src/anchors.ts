import type { ImportBlock } from './ImportBlock';
import { plainInline } from './inlineText';
import { monthNumber } from './extractMeta';

/** The visible text of a block; a table's cells one after another. */
export function blockPlain(block: ImportBlock): string {
  return block.type === 'table' ? block.rows.flat().map(plainInline).join(' ') : plainInline(block.text);
}

/** The length the aligner compares: characters that are not spaces. */
export function blockLength(block: ImportBlock): number {
  return blockPlain(block).replace(/\s+/g, '').length;
}

/**
 * The numbers a block states, as a translator keeps them: digits (full-width ones too: ２０２４),
 * French month names as their number (« novembre » ↔ 11月), and a numbered item's own number.
 * Thousands separators are dropped so 1 000 and 1,000 read as 1000.
 */
export function blockNumbers(block: ImportBlock): Set<number> {
  const text = blockPlain(block)
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/(\d)[\s\u202f\u00a0,.](?=\d{3}\b)/g, '$1');
  const out = new Set<number>();
  for (const m of text.matchAll(/\d+/g)) out.add(Number(m[0]));
  for (const m of text.matchAll(/\p{L}+/gu)) {
    const month = monthNumber(m[0]);
    if (month !== null) out.add(month);
  }
  if (block.type === 'ordered') out.add(block.number);
  return out;
}

/**
 * How many sentences a paragraph or list item holds: French ones end with . ! ? (not after a
 * single capital, « M. », nor inside a number), Japanese ones with 。！？. Headings and tables count 0.
 */
export function blockSentences(block: ImportBlock): number {
  if (block.type === 'heading' || block.type === 'table') return 0;
  const text = blockPlain(block).trim();
  const ja = text.match(/[。！？]/g)?.length ?? 0;
  const fr = text.match(/(?<!\b\p{Lu})[.!?](?=\s|$)/gu)?.length ?? 0;
  return Math.max(1, ja + fr);
}

/** How many quotations a block opens: « or “ in French, 「 or 『 in Japanese. */
export function blockQuotes(block: ImportBlock): number {
  return blockPlain(block).match(/[«“「『]/g)?.length ?? 0;
}
