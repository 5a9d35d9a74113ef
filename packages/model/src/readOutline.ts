import * as Y from 'yjs';
import { type Bilingual, LANGS, TEXTBLOCK_TYPES, type Lang, type SectionKind, getFragment, readBilingual, sectionEntries } from './declarationLayout';
import { textblockText } from './fragmentSegments';
import { type DeclarationMeta, readDeclaration } from './readDeclaration';

/** One segment of an outline: its id and plain text (`textblockText`). */
export interface OutlineSegment {
  sid: string;
  text: string;
}

/**
 * A block of a section's text in one language, as an import aligns it: the block's kind and its
 * segments. List items come one by one (`bullet`, `ordered` with its number), nested lists
 * flattened; a table gives its cells row by row, `header` when its first row is `tableHeader`.
 */
export type OutlineBlock =
  | ({ type: 'paragraph' | 'heading' | 'bullet' } & OutlineSegment)
  | ({ type: 'ordered'; number: number } & OutlineSegment)
  | { type: 'table'; rows: OutlineSegment[][]; header: boolean };

/**
 * The blocks of one language fragment of a section, in document order. Pure: blocks without a
 * `sid` are skipped (as `fragmentSegments` does), nothing is written.
 */
export function readOutline(fragment: Y.XmlFragment): OutlineBlock[] {
  const out: OutlineBlock[] = [];
  const segment = (node: Y.XmlElement): OutlineSegment | null => {
    const sid = node.getAttribute('sid');
    return typeof sid === 'string' && sid !== '' ? { sid, text: textblockText(node) } : null;
  };
  const list = (node: Y.XmlElement) => {
    const ordered = node.nodeName === 'orderedList';
    const start = node.getAttribute('start') as unknown;
    let number = typeof start === 'number' && Number.isInteger(start) ? start : 1;
    for (const item of node.toArray()) {
      if (!(item instanceof Y.XmlElement)) continue;
      let counted = false;
      for (const child of item.toArray()) {
        if (child instanceof Y.XmlElement && holdsText(child)) {
          const s = segment(child);
          if (s) out.push(ordered ? { type: 'ordered', number, ...s } : { type: 'bullet', ...s });
          counted = true;
        } else if (child instanceof Y.XmlElement && (child.nodeName === 'bulletList' || child.nodeName === 'orderedList')) list(child);
      }
      if (counted) number++;
    }
  };
  for (const node of fragment.toArray()) {
    if (!(node instanceof Y.XmlElement)) continue;
    if (holdsText(node)) {
      const s = segment(node);
      if (s) out.push({ type: node.nodeName === 'heading' ? 'heading' : 'paragraph', ...s });
    } else if (node.nodeName === 'bulletList' || node.nodeName === 'orderedList') list(node);
    else if (node.nodeName === 'table') {
      const rows: OutlineSegment[][] = [];
      let header = false;
      node.toArray().forEach((row, r) => {
        if (!(row instanceof Y.XmlElement) || row.nodeName !== 'tableRow') return;
        const cells: OutlineSegment[] = [];
        for (const cell of row.toArray()) {
          if (!(cell instanceof Y.XmlElement)) continue;
          if (r === 0 && cell.nodeName === 'tableHeader') header = true;
          for (const p of cell.toArray()) {
            const s = p instanceof Y.XmlElement && holdsText(p) ? segment(p) : null;
            if (s) cells.push(s);
          }
        }
        rows.push(cells);
      });
      if (rows.some((row) => row.length > 0)) out.push({ type: 'table', rows, header });
    }
  }
  return out;
}

/** A section of a declaration with its blocks in both languages (`readOutline`). */
export interface OutlineSection {
  id: string;
  kind: SectionKind;
  title: Bilingual;
  outline: Record<Lang, OutlineBlock[]>;
}

/** The declaration as an import into it reads it: its metadata, and its sections' outlines in reading order. */
export function readOutlines(doc: Y.Doc): { meta: DeclarationMeta; sections: OutlineSection[] } {
  const sections = sectionEntries(doc).map(({ id, kind, map }) => ({
    id,
    kind,
    title: readBilingual(map.get('title')),
    outline: Object.fromEntries(LANGS.map((lang) => [lang, readOutline(getFragment(doc, id, lang))])) as Record<Lang, OutlineBlock[]>,
  }));
  return { meta: readDeclaration(doc).meta, sections };
}

/** A paragraph or heading (the nodes that carry a `sid`); not a type guard, so the other branch keeps its type. */
function holdsText(node: Y.XmlElement | Y.XmlText | Y.XmlHook): boolean {
  return node instanceof Y.XmlElement && (TEXTBLOCK_TYPES as readonly string[]).includes(node.nodeName);
}
