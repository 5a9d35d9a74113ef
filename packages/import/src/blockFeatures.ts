import type { ImportBlock } from './ImportBlock';
import { blockLength, blockNumbers, blockQuotes, blockSentences } from './anchors';

/** What the aligner reads of a block, computed once per block. */
export interface BlockFeatures {
  length: number;
  numbers: Set<number>;
  sentences: number;
  quotes: number;
}

// Blocks are never changed once parsed, so their features are kept beside them: the programme
// asks for them at every cell, and two alignment passes run over the same blocks.
const cache = new WeakMap<ImportBlock, BlockFeatures>();

export function blockFeatures(block: ImportBlock): BlockFeatures {
  let features = cache.get(block);
  if (!features) {
    features = { length: blockLength(block), numbers: blockNumbers(block), sentences: blockSentences(block), quotes: blockQuotes(block) };
    cache.set(block, features);
  }
  return features;
}
