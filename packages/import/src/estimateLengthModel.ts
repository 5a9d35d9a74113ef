import type { DetectedSection } from './ImportBlock';
import { DEFAULT_VARIANCE, type LengthModel, alignBlocks } from './alignBlocks';
import { alignSections } from './alignSections';
import { blockFeatures } from './blockFeatures';

/** JA characters per FR character when a side is too short to say: about what declarations show. */
const USUAL_RATIO = 0.4;

/**
 * The FR:JA length model of these two texts: the ratio of their lengths, then the variance of
 * the length difference measured on the pairs a first alignment (with a generous variance) makes
 * one to one — so a close translation is held to its own closeness and a loose one is not
 * punished. The variance is kept within [0.5, 4].
 */
export function estimateLengthModel(fr: readonly DetectedSection[], ja: readonly DetectedSection[]): LengthModel {
  const total = (sections: readonly DetectedSection[]) => sections.reduce((t, s) => t + s.blocks.reduce((u, b) => u + blockFeatures(b).length, 0), 0);
  const frChars = total(fr);
  const jaChars = total(ja);
  const ratio = frChars < 50 || jaChars < 20 ? USUAL_RATIO : jaChars / frChars;
  const first: LengthModel = { ratio, variance: DEFAULT_VARIANCE };
  let sum = 0;
  let count = 0;
  for (const match of alignSections(fr, ja, ratio)) {
    if (!match.fr || !match.ja) continue;
    for (const pair of alignBlocks(match.fr.blocks, match.ja.blocks, first).pairs) {
      if (pair.fr.length !== 1 || pair.ja.length !== 1 || pair.fr[0]!.type === 'heading') continue;
      const expected = blockFeatures(pair.fr[0]!).length * ratio;
      const actual = blockFeatures(pair.ja[0]!).length;
      if (expected < 10) continue;
      sum += (actual - expected) ** 2 / ((expected + actual) / 2);
      count++;
    }
  }
  if (count < 5) return first;
  return { ratio, variance: Math.min(4, Math.max(0.5, sum / count)) };
}
