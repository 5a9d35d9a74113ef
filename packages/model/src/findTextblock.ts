import * as Y from 'yjs';
import { TEXTBLOCK_TYPES, type Lang, getFragment } from './declarationLayout';

/** The first textblock of a fragment carrying segment id `sid` (rule 1 of docs/document-model.md), or `null`. */
export function findTextblock(fragment: Y.XmlFragment, sid: string): Y.XmlElement | null {
  const visit = (nodes: readonly (Y.XmlElement | Y.XmlText | Y.XmlHook)[]): Y.XmlElement | null => {
    for (const node of nodes) {
      if (!(node instanceof Y.XmlElement)) continue;
      if ((TEXTBLOCK_TYPES as readonly string[]).includes(node.nodeName)) {
        if (node.getAttribute('sid') === sid) return node;
        continue;
      }
      const found = visit(node.toArray());
      if (found) return found;
    }
    return null;
  };
  return visit(fragment.toArray());
}

/** The textblock `sid` of one section in one language, or `null`. */
export function findSegmentBlock(doc: Y.Doc, sectionId: string, lang: Lang, sid: string): Y.XmlElement | null {
  return findTextblock(getFragment(doc, sectionId, lang), sid);
}

/** Whether `node` is a textblock (a paragraph or heading: the nodes that carry a `sid`). */
export function isTextblock(node: unknown): node is Y.XmlElement {
  return node instanceof Y.XmlElement && (TEXTBLOCK_TYPES as readonly string[]).includes(node.nodeName);
}

/** How many characters of the textblock's plain text (`textblockText`) a child stands for. */
export function childTextLength(child: Y.XmlElement | Y.XmlText | Y.XmlHook): number {
  if (child instanceof Y.XmlText) return child.length;
  return child instanceof Y.XmlElement && child.nodeName === 'hardBreak' ? 1 : 0;
}
