import type { Lang } from '@accord/model/declarationLayout';
import { alignSegmentOrder } from '@accord/model/alignSegmentOrder';
import { isTextblock, type RichBlock, type RichTable, type Textblock } from './richText';

/** One piece of a side-by-side page: a textblock (with its list marker) or a whole table. */
export type BilingualUnit =
  | { kind: 'text'; block: Textblock; /** `1.`, `•`… for a list item's first block, else null. */ marker: string | null; depth: number }
  | { kind: 'table'; table: RichTable };

/** A row of the bilingual layout: French left, Japanese right; `null` where a side lacks it (untranslated). */
export interface BilingualRow {
  fr: BilingualUnit | null;
  ja: BilingualUnit | null;
}

const BULLETS = ['•', '◦', '▪'];

/**
 * The rows of a section laid out side by side: one per aligned segment, in the reading order of
 * the plain JSON (`alignSegmentOrder`: French order leads, a Japanese-only segment next to its
 * Japanese predecessor). A table is one unit, aligned by the first segment id it holds, since its
 * cells cannot be split across rows. A block without an id, or repeating one, aligns with nothing.
 */
export function bilingualRows(fr: readonly RichBlock[], ja: readonly RichBlock[]): BilingualRow[] {
  const frUnits = keyedUnits(fr, 'fr');
  const jaUnits = keyedUnits(ja, 'ja');
  return alignSegmentOrder([...frUnits.keys()], [...jaUnits.keys()]).map((key) => ({
    fr: frUnits.get(key) ?? null,
    ja: jaUnits.get(key) ?? null,
  }));
}

function keyedUnits(blocks: readonly RichBlock[], lang: Lang): Map<string, BilingualUnit> {
  const units = new Map<string, BilingualUnit>();
  let anonymous = 0;
  const add = (sid: string | null, unit: BilingualUnit) => {
    const key = sid !== null && !units.has(sid) ? sid : `${lang}#${anonymous++}`;
    units.set(key, unit);
  };
  const visit = (list: readonly RichBlock[], depth: number) => {
    for (const block of list) {
      if (isTextblock(block)) {
        add(block.sid, { kind: 'text', block, marker: null, depth });
      } else if (block.type === 'table') {
        add(firstSid(block.rows.flatMap((row) => row.flatMap((cell) => cell.blocks))), { kind: 'table', table: block });
      } else {
        block.items.forEach((item, index) => {
          const marker = block.type === 'orderedList' ? `${block.start + index}.` : BULLETS[depth % BULLETS.length]!;
          let first = true;
          for (const inner of item.blocks) {
            if (isTextblock(inner) && first) {
              add(inner.sid, { kind: 'text', block: inner, marker, depth: depth + 1 });
            } else visit([inner], depth + 1);
            first = false;
          }
        });
      }
    }
  };
  visit(blocks, 0);
  return units;
}

function firstSid(blocks: readonly RichBlock[]): string | null {
  for (const block of blocks) {
    if (isTextblock(block)) {
      if (block.sid !== null) return block.sid;
    } else {
      const inner = block.type === 'table' ? block.rows.flatMap((r) => r.flatMap((c) => c.blocks)) : block.items.flatMap((i) => i.blocks);
      const sid = firstSid(inner);
      if (sid !== null) return sid;
    }
  }
  return null;
}
