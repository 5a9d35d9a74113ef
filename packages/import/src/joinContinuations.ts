import type { ImportBlock } from './ImportBlock';
import { plainInline } from './inlineText';

/**
 * Joins a paragraph that starts in lower case to the block before it when that block does not end
 * a sentence: a line break a PDF copy or a careless Enter left in the middle of a sentence (« leur
 * vision d'une » / « nouvelle gestion municipale. »). Japanese has no case, so it is never joined.
 */
export function joinContinuations(blocks: readonly ImportBlock[]): ImportBlock[] {
  const out: ImportBlock[] = [];
  for (const block of blocks) {
    const prev = out[out.length - 1];
    if (
      block.type === 'paragraph' &&
      prev &&
      prev.type !== 'table' &&
      /^\p{Ll}/u.test(plainInline(block.text)) &&
      !/[.!?:;。」』）)…»]\s*$/u.test(plainInline(prev.text))
    ) {
      const head = prev.text.trimEnd();
      // « co-\ncréer » was one word cut at its hyphen: no space is added there.
      out[out.length - 1] = { ...prev, text: /\S-$/u.test(head) ? `${head}${block.text}` : `${head} ${block.text}` };
      continue;
    }
    out.push(block);
  }
  return out;
}
