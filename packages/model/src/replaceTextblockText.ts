import * as Y from 'yjs';
import { textblockText } from './fragmentSegments';

/**
 * Makes the plain text of `block` (`textblockText`) equal `text`, inside the caller's transaction.
 * When the block is one run of text and stays on one line, only the differing middle is deleted
 * and inserted (common prefix and suffix kept), so formatting and everyone's carets and comment
 * anchors outside the change stay where they were; otherwise (hard breaks before or after) the
 * block's content is rewritten as text runs and hard breaks, without formatting.
 */
export function replaceTextblockText(block: Y.XmlElement, text: string): void {
  const old = textblockText(block);
  if (old === text) return;
  const children = block.toArray();
  const single = children.length === 1 && children[0] instanceof Y.XmlText ? children[0] : null;
  if ((children.length === 0 || single) && !text.includes('\n') && !old.includes('\n')) {
    const run = single ?? new Y.XmlText();
    if (!single) block.insert(0, [run]);
    // Code units are what Yjs indexes; never split a surrogate pair between prefix and change.
    let start = 0;
    while (start < old.length && start < text.length && old[start] === text[start]) start++;
    let end = 0;
    while (end < old.length - start && end < text.length - start && old[old.length - 1 - end] === text[text.length - 1 - end]) end++;
    if (start > 0 && isHighSurrogate(old.charCodeAt(start - 1))) start--;
    if (end > 0 && isLowSurrogate(old.charCodeAt(old.length - end))) end--;
    const removed = old.length - start - end;
    if (removed > 0) run.delete(start, removed);
    const inserted = text.slice(start, text.length - end);
    if (inserted !== '') run.insert(start, inserted);
    return;
  }
  if (children.length > 0) block.delete(0, children.length);
  const nodes: (Y.XmlText | Y.XmlElement)[] = [];
  text.split('\n').forEach((line, i) => {
    if (i > 0) nodes.push(new Y.XmlElement('hardBreak'));
    if (line !== '') {
      const run = new Y.XmlText();
      run.insert(0, line);
      nodes.push(run);
    }
  });
  if (nodes.length > 0) block.insert(0, nodes);
}

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;
