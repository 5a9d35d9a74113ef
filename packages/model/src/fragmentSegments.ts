import * as Y from 'yjs';
import { TEXTBLOCK_TYPES } from './declarationLayout';

export interface FragmentSegment {
  sid: string;
  /** The textblock's node type: `paragraph` or `heading` (a list item's text is a paragraph). */
  type: string;
  text: string;
}

/**
 * The textblocks of one language fragment, in document order, as plain text. Blocks without a
 * `sid` (written by a client that does not follow the model) are skipped rather than invented
 * here: assigning ids is the editor's job, reading must not change the document.
 */
export function fragmentSegments(fragment: Y.XmlFragment): FragmentSegment[] {
  const out: FragmentSegment[] = [];
  const visit = (node: Y.XmlElement | Y.XmlText | Y.XmlHook) => {
    if (!(node instanceof Y.XmlElement)) return;
    if ((TEXTBLOCK_TYPES as readonly string[]).includes(node.nodeName)) {
      const sid = node.getAttribute('sid');
      if (typeof sid === 'string' && sid !== '') out.push({ sid, type: node.nodeName, text: textblockText(node) });
      return;
    }
    node.toArray().forEach(visit);
  };
  fragment.toArray().forEach(visit);
  return out;
}

/** Plain text of a textblock: its text runs without formatting, a hard break as a newline. */
export function textblockText(block: Y.XmlElement): string {
  let text = '';
  for (const child of block.toArray()) {
    if (child instanceof Y.XmlText) {
      for (const op of child.toDelta() as Array<{ insert: unknown }>) {
        if (typeof op.insert === 'string') text += op.insert;
      }
    } else if (child instanceof Y.XmlElement && child.nodeName === 'hardBreak') {
      text += '\n';
    }
  }
  return text;
}
