import * as Y from 'yjs';
import type { Lang } from './declarationLayout';
import { childTextLength, findSegmentBlock, isTextblock } from './findTextblock';
import { textblockText } from './fragmentSegments';

/**
 * A comment's place (docs/document-model.md, « Comment anchors »): a passage of one segment in
 * one language, as two Yjs relative positions (base64 of `Y.encodeRelativePosition`) that follow
 * the text while others edit, and the segment id and quoted text to fall back on.
 */
export interface PassageAnchor {
  sectionId: string;
  sid: string;
  language: Lang;
  start: string;
  end: string;
  quote: string;
}

/**
 * Where an anchor is now, in offsets of its textblock's plain text (`textblockText`, in which a
 * hard break is one character — as in ProseMirror, so an editor adds them to the block's start):
 * - `anchored`: the positions resolve in one block and still enclose the quoted text;
 * - `changed`: they resolve, but others rewrote the passage between them (`text` is what is there);
 * - `reanchored`: the positions were lost (the passage was cut or rewritten away) but the quote is
 *   found again in the segment's block;
 * - `deleted`: neither — the passage is gone.
 */
export type ResolvedAnchor =
  | { state: 'anchored' | 'changed' | 'reanchored'; sid: string; from: number; to: number; text: string }
  | { state: 'deleted' };

/**
 * The anchor of `[from, to)` (plain-text offsets) in the textblock `sid` of a section's `language`
 * fragment; `null` when no such block exists or the range is outside it. The start sticks to the
 * character after it and the end to the character before it, so typing at either edge stays
 * outside the passage.
 */
export function createPassageAnchor(doc: Y.Doc, place: { sectionId: string; sid: string; language: Lang }, from: number, to: number): PassageAnchor | null {
  const block = findSegmentBlock(doc, place.sectionId, place.language, place.sid);
  if (!block) return null;
  const text = textblockText(block);
  if (from < 0 || to < from || to > text.length) return null;
  return {
    ...place,
    start: encode(relativeAt(block, from, 0)),
    end: encode(relativeAt(block, to, -1)),
    quote: text.slice(from, to),
  };
}

/** Where `anchor` is in `doc` now (see `ResolvedAnchor`). Never writes. */
export function resolvePassageAnchor(doc: Y.Doc, anchor: PassageAnchor): ResolvedAnchor {
  const start = absoluteOffset(doc, anchor.start);
  const end = absoluteOffset(doc, anchor.end);
  if (start && end && start.block === end.block && start.offset <= end.offset) {
    const sid = start.block.getAttribute('sid');
    const text = textblockText(start.block).slice(start.offset, end.offset);
    if (typeof sid === 'string' && (text !== '' || anchor.quote === '')) {
      return { state: text === anchor.quote ? 'anchored' : 'changed', sid, from: start.offset, to: end.offset, text };
    }
  }
  const block = findSegmentBlock(doc, anchor.sectionId, anchor.language, anchor.sid);
  if (block && anchor.quote !== '') {
    const at = textblockText(block).indexOf(anchor.quote);
    if (at >= 0) return { state: 'reanchored', sid: anchor.sid, from: at, to: at + anchor.quote.length, text: anchor.quote };
  }
  return { state: 'deleted' };
}

/** A relative position at plain-text `offset` of `block`: in the text run holding it, else between children. */
function relativeAt(block: Y.XmlElement, offset: number, assoc: number): Y.RelativePosition {
  let before = 0;
  const children = block.toArray();
  for (let i = 0; i < children.length; i++) {
    const child = children[i]!;
    const length = childTextLength(child);
    if (child instanceof Y.XmlText && offset >= before && offset <= before + length) {
      return Y.createRelativePositionFromTypeIndex(child, offset - before, assoc);
    }
    // Right before a hard break (or past the last run): between the block's children.
    if (offset === before) return Y.createRelativePositionFromTypeIndex(block, i, assoc);
    before += length;
  }
  return Y.createRelativePositionFromTypeIndex(block, children.length, assoc);
}

/** The block and plain-text offset an encoded relative position resolves to, or `null` (lost, not in a textblock). */
function absoluteOffset(doc: Y.Doc, encoded: string): { block: Y.XmlElement; offset: number } | null {
  let position: Y.AbsolutePosition | null;
  try {
    position = Y.createAbsolutePositionFromRelativePosition(Y.decodeRelativePosition(decode(encoded)), doc);
  } catch {
    return null;
  }
  if (!position) return null;
  const { type, index } = position;
  if (isTextblock(type)) return isLive(type) ? { block: type, offset: sumLengths(type.toArray().slice(0, index)) } : null;
  const parent = type.parent;
  if (!(type instanceof Y.XmlText) || !isTextblock(parent) || !isLive(parent) || type._item?.deleted) return null;
  const siblings = parent.toArray();
  return { block: parent, offset: sumLengths(siblings.slice(0, siblings.indexOf(type))) + index };
}

/** A type is live when neither it nor any ancestor was deleted. */
function isLive(type: Y.XmlElement): boolean {
  for (let item = type._item; item; item = (item.parent as Y.XmlElement)._item) {
    if (item.deleted) return false;
  }
  return true;
}

const sumLengths = (children: readonly (Y.XmlElement | Y.XmlText | Y.XmlHook)[]) => children.reduce((sum, c) => sum + childTextLength(c), 0);

function encode(position: Y.RelativePosition): string {
  let binary = '';
  for (const byte of Y.encodeRelativePosition(position)) binary += String.fromCharCode(byte);
  return btoa(binary);
}

function decode(base64: string): Uint8Array {
  return Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
}
