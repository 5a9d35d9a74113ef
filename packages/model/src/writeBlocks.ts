import * as Y from 'yjs';
import type { Bilingual, Lang } from './declarationLayout';

/** Bilingual content, written into the French and Japanese fragments with shared segment ids. */
export type BlockSpec =
  | { type: 'heading'; level: 2 | 3; text: Bilingual }
  | { type: 'paragraph'; text: Bilingual }
  | { type: 'bulletList' | 'orderedList'; items: Bilingual[] };

/**
 * Appends `blocks` to a fragment in the node shape TipTap's Collaboration extension reads and
 * writes (the y-prosemirror mapping: one `Y.XmlElement` per node, text in `Y.XmlText`). `sids`
 * yields one id per textblock, in order; call it with the same sequence of ids for both
 * languages so that each block is aligned with its translation.
 */
export function writeBlocks(fragment: Y.XmlFragment, blocks: readonly BlockSpec[], lang: Lang, sids: readonly string[]): void {
  let next = 0;
  const takeSid = () => {
    const sid = sids[next++];
    if (sid === undefined) throw new Error('writeBlocks: fewer sids than textblocks');
    return sid;
  };
  const textblock = (type: 'paragraph' | 'heading', text: string, attrs: Record<string, string | number> = {}) => {
    const el = new Y.XmlElement(type);
    // Attributes are stored as given; TipTap's heading `level` is a number, so it stays one.
    for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v as string);
    el.setAttribute('sid', takeSid());
    if (text !== '') el.insert(0, [lang === 'fr' ? withSuperscriptOrdinals(text) : new Y.XmlText(text)]);
    return el;
  };
  const nodes = blocks.map((block) => {
    switch (block.type) {
      case 'heading':
        return textblock('heading', block.text[lang], { level: block.level });
      case 'paragraph':
        return textblock('paragraph', block.text[lang]);
      default: {
        const list = new Y.XmlElement(block.type);
        list.insert(
          0,
          block.items.map((item) => {
            const li = new Y.XmlElement('listItem');
            li.insert(0, [textblock('paragraph', item[lang])]);
            return li;
          }),
        );
        return list;
      }
    }
  });
  fragment.insert(fragment.length, nodes);
}

/**
 * French ordinals as French typography sets them, their suffix in superscript (« 9ᵉ Rencontres »,
 * « les 1ʳᵉˢ ») — the editor's superscript mark, which the exports print as such; the plain text
 * (what the review, the diff and the hashes read) stays « 9e ».
 */
const FRENCH_ORDINAL = /(?<=\b\d+)(?:ers?|res?|es?)(?=[\s\u00a0\u202f,.;:!?)]|$)/gu;

function withSuperscriptOrdinals(text: string): Y.XmlText {
  const xmlText = new Y.XmlText();
  // Inserted at offsets counted here: a text not yet in a document has no length of its own. The
  // plain runs say `{}`: without attributes Yjs gives a run the formatting of the one before it.
  let at = 0;
  for (const match of text.matchAll(FRENCH_ORDINAL)) {
    xmlText.insert(at, text.slice(at, match.index), {});
    xmlText.insert(match.index, match[0], { superscript: {} });
    at = match.index + match[0].length;
  }
  xmlText.insert(at, text.slice(at), {});
  return xmlText;
}

/** The number of textblocks in `blocks`, i.e. how many segment ids `writeBlocks` consumes. */
export function countTextblocks(blocks: readonly BlockSpec[]): number {
  return blocks.reduce((n, b) => n + (b.type === 'bulletList' || b.type === 'orderedList' ? b.items.length : 1), 0);
}
