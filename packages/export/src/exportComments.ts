import type { Lang } from '@accord/model/declarationLayout';
import { EXPORT_LABELS } from './exportLabels';
import type { ExportSection } from './readExportContent';
import { type Inline, inlineText, isTextblock, type RichBlock } from './richText';

/**
 * Comment threads as an export prints them (`comments=1`, docs/export.md X7): plain values, read
 * with the text, so every format places them the same way. The server decides who gets them.
 */
export interface ExportMessage {
  author: string;
  createdAt: string;
  editedAt: string | null;
  body: string;
}

export interface ExportThread {
  sectionId: string;
  sid: string;
  language: Lang;
  quote: string;
  /**
   * Where the passage is in its segment's plain text when the server could resolve the anchor in
   * the exported state (the live text); `null`: look the quote up (a saved version), or it is gone.
   */
  range: { from: number; to: number } | null;
  /** The passage is no longer in the live text: the thread is listed, anchored nowhere. */
  passageGone: boolean;
  resolved: { by: string; at: string } | null;
  /** The first message, then the replies, in order. */
  messages: ExportMessage[];
}

/** A thread placed in a section: its number in the document (1, 2…) and the passage it marks, if printed. */
export interface PlacedThread {
  number: number;
  thread: ExportThread;
}

export interface SectionComments {
  /** Threads whose passage is printed, by `sid:lang`, with the offsets to mark in that textblock. */
  inText: Map<string, Array<PlacedThread & { from: number; to: number }>>;
  /** Every thread of the section in document order (the notes list), placed or not. */
  all: PlacedThread[];
  /** Threads whose passage is not printed (another language, deleted, not in this version). */
  loose: PlacedThread[];
}

/**
 * The language a thread's note is labelled in (dates, « modifié », « résolu par », where its
 * passage is): its passage's own when the export prints that language — so a bilingual export
 * speaks Japanese around a comment on the Japanese text — else the export's first.
 */
export function noteLang(thread: ExportThread, langs: readonly Lang[]): Lang {
  return langs.includes(thread.language) ? thread.language : langs[0]!;
}

/** The note saying where a thread's passage is, in its note's language and parentheses; `null` when it is marked in the text. */
export function whereLabel(thread: ExportThread, loose: boolean, langs: readonly Lang[]): string | null {
  const lang = noteLang(thread, langs);
  const labels = EXPORT_LABELS[lang];
  if (thread.passageGone) return lang === 'ja' ? `（${labels.passageGone}）` : `(${labels.passageGone})`;
  if (!loose) return null;
  const note = langs.includes(thread.language) ? labels.passageAbsent : labels.passageIn[thread.language];
  return lang === 'ja' ? `（${note}）` : `(${note})`;
}

export const passageKey = (sid: string, lang: Lang) => `${sid}:${lang}`;

/**
 * Places the threads of each section on the textblocks the export prints (`langs`): on the
 * resolved range when it fits the exported text, else on the first occurrence of the quote in the
 * segment, else nowhere (listed in the section's notes only). Numbers run through the document.
 */
export function placeComments(sections: readonly ExportSection[], threads: readonly ExportThread[], langs: readonly Lang[]): Map<string, SectionComments> {
  const placed = new Map<string, SectionComments>();
  let number = 0;
  for (const section of sections) {
    const mine = threads.filter((t) => t.sectionId === section.id);
    if (mine.length === 0) continue;
    const texts = new Map<string, string>();
    for (const l of langs) collectTexts(section[l], l, texts);
    const entry: SectionComments = { inText: new Map(), all: [], loose: [] };
    for (const thread of mine) {
      const item = { number: ++number, thread };
      entry.all.push(item);
      const key = passageKey(thread.sid, thread.language);
      const text = texts.get(key);
      const range = text === undefined || thread.passageGone ? null : locate(thread, text);
      if (!range) {
        entry.loose.push(item);
        continue;
      }
      const list = entry.inText.get(key) ?? [];
      list.push({ ...item, ...range });
      entry.inText.set(key, list);
    }
    placed.set(section.id, entry);
  }
  return placed;
}

function locate(thread: ExportThread, text: string): { from: number; to: number } | null {
  const { range, quote } = thread;
  if (range && range.to <= text.length && text.slice(range.from, range.to) === quote) return range;
  if (quote === '') return range && range.to <= text.length ? range : null;
  const at = text.indexOf(quote);
  return at >= 0 ? { from: at, to: at + quote.length } : null;
}

/** The plain text of every textblock with a segment id, first occurrence only (as `bilingualRows` aligns). */
function collectTexts(blocks: readonly RichBlock[], lang: Lang, into: Map<string, string>): void {
  for (const block of blocks) {
    if (isTextblock(block)) {
      if (block.sid !== null && !into.has(passageKey(block.sid, lang))) into.set(passageKey(block.sid, lang), inlineText(block.inlines));
    } else if (block.type === 'table') {
      for (const row of block.rows) for (const cell of row) collectTexts(cell.blocks, lang, into);
    } else {
      for (const item of block.items) collectTexts(item.blocks, lang, into);
    }
  }
}

/** A piece of a textblock's inlines: text or a break, with whether a commented passage covers it; or a passage's end. */
export type MarkedPiece = { kind: 'inline'; inline: Inline; marked: boolean } | { kind: 'start'; placed: PlacedThread } | { kind: 'end'; placed: PlacedThread };

/**
 * The inlines of a textblock cut at the passages' edges (a break counts one character, as in
 * `inlineText`), with a `start` and an `end` where each passage begins and ends: Word comment
 * ranges and the print view's marks are both drawn from this.
 */
export function markInlines(inlines: readonly Inline[], ranges: ReadonlyArray<PlacedThread & { from: number; to: number }>): MarkedPiece[] {
  const out: MarkedPiece[] = [];
  const open = new Set<PlacedThread>();
  const done = new Set<PlacedThread>();
  const edges = (at: number) => {
    for (const r of ranges) {
      if (r.to === at && open.has(r)) {
        open.delete(r);
        done.add(r);
        out.push({ kind: 'end', placed: r });
      }
    }
    for (const r of ranges) {
      if (r.from !== at || open.has(r) || done.has(r)) continue;
      out.push({ kind: 'start', placed: r });
      if (r.to === at) {
        done.add(r); // an empty passage: a point, started and ended here
        out.push({ kind: 'end', placed: r });
      } else open.add(r);
    }
  };
  let at = 0;
  edges(0);
  for (const inline of inlines) {
    if (inline.kind === 'break') {
      out.push({ kind: 'inline', inline, marked: open.size > 0 });
      edges(++at);
      continue;
    }
    const cuts = [...new Set(ranges.flatMap((r) => [r.from, r.to]).filter((c) => c > at && c < at + inline.text.length))].sort((a, b) => a - b);
    let from = at;
    for (const cut of [...cuts, at + inline.text.length]) {
      if (cut > from) out.push({ kind: 'inline', inline: { ...inline, text: inline.text.slice(from - at, cut - at) }, marked: open.size > 0 });
      from = cut;
      edges(cut);
    }
    at += inline.text.length;
  }
  for (const r of open) out.push({ kind: 'end', placed: r }); // a range past the end closes there
  return out;
}

/**
 * The language a comment's own words are in, for `lang` on the block that prints them (so kanji
 * take Japanese shapes): Japanese as soon as it holds kana or kanji, else French.
 */
export function messageLang(text: string): Lang {
  return /[\u3040-\u30ff\u3400-\u9fff\uff66-\uff9f]/.test(text) ? 'ja' : 'fr';
}

/** A quoted passage with the quotation marks of its language (narrow no-break spaces inside « »). */
export function quoted(text: string, lang: Lang): string {
  return lang === 'fr' ? `«\u202f${text}\u202f»` : `「${text}」`;
}
