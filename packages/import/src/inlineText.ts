/**
 * *Inline text*: how imported text carries the formatting Accord keeps — plain characters, where
 * `<sup>…</sup>`, `<b>…</b>` and `<i>…</i>` mark superscript, bold and italic, and `&lt;`, `&gt;`,
 * `&amp;` stand for `<`, `>`, `&`. No other tag exists: anything else is text. It is the format
 * of `fr`/`ja` in the import preview (docs/import.md), so a script can write it by hand.
 */

export type InlineMark = 'superscript' | 'bold' | 'italic';

export interface InlineRun {
  text: string;
  marks: InlineMark[];
}

const TAG_MARK: Record<string, InlineMark> = { sup: 'superscript', b: 'bold', i: 'italic' };
const MARK_TAG: Record<InlineMark, string> = { superscript: 'sup', bold: 'b', italic: 'i' };

/** Escapes plain text so it reads back as itself. */
export function escapeInline(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The runs of `inline`, adjacent runs with the same marks merged; unbalanced tags are tolerated. */
export function parseInline(inline: string): InlineRun[] {
  const runs: InlineRun[] = [];
  const open: InlineMark[] = [];
  const push = (text: string) => {
    if (text === '') return;
    const decoded = text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
    const marks = [...new Set(open)].sort();
    const last = runs[runs.length - 1];
    if (last && last.marks.join() === marks.join()) last.text += decoded;
    else runs.push({ text: decoded, marks });
  };
  const tag = /<(\/?)(sup|b|i)>/g;
  let at = 0;
  for (let m = tag.exec(inline); m; m = tag.exec(inline)) {
    push(inline.slice(at, m.index));
    at = m.index + m[0].length;
    const mark = TAG_MARK[m[2]!]!;
    if (m[1] === '/') {
      const i = open.lastIndexOf(mark);
      if (i >= 0) open.splice(i, 1);
    } else open.push(mark);
  }
  push(inline.slice(at));
  return runs;
}

/** Inline text from runs (the inverse of `parseInline`). */
export function formatInline(runs: readonly InlineRun[]): string {
  return runs
    .map((run) => {
      let text = escapeInline(run.text);
      for (const mark of [...run.marks].sort().reverse()) text = `<${MARK_TAG[mark]}>${text}</${MARK_TAG[mark]}>`;
      return text;
    })
    .join('');
}

/** The characters a reader sees, without markup: what lengths and anchors are computed on. */
export function plainInline(inline: string): string {
  return parseInline(inline)
    .map((run) => run.text)
    .join('');
}
