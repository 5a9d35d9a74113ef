import type { DetectedSection } from './ImportBlock';
import { blockFeatures } from './blockFeatures';

export interface SectionMatch {
  fr: DetectedSection | null;
  ja: DetectedSection | null;
}

const GAP = -1.5;

/**
 * Matches the sections of the two texts in order (Needleman–Wunsch): a pair scores for the same
 * kind, for the same workshop number (a different one all but forbids it), for a number in both
 * titles, and for lengths in the texts' FR:JA ratio. A section without counterpart stands alone.
 */
export function alignSections(fr: readonly DetectedSection[], ja: readonly DetectedSection[], ratio: number): SectionMatch[] {
  const n = fr.length;
  const m = ja.length;
  const length = (s: DetectedSection) => s.blocks.reduce((t, x) => t + blockFeatures(x).length, 0);
  const frLength = fr.map(length);
  const jaLength = ja.map(length);
  const sim = Array.from({ length: n }, (_, i) => Array.from({ length: m }, (_, j) => similarity(fr[i]!, ja[j]!, frLength[i]! * ratio, jaLength[j]!)));
  const score = Array.from({ length: n + 1 }, (_, i) => Array.from({ length: m + 1 }, (_, j) => (i === 0 ? j * GAP : j === 0 ? i * GAP : 0)));
  for (let i = 1; i <= n; i++) {
    for (let j = 1; j <= m; j++) {
      score[i]![j] = Math.max(score[i - 1]![j - 1]! + sim[i - 1]![j - 1]!, score[i - 1]![j]! + GAP, score[i]![j - 1]! + GAP);
    }
  }
  const out: SectionMatch[] = [];
  let i = n;
  let j = m;
  while (i > 0 || j > 0) {
    if (i > 0 && j > 0 && score[i]![j] === score[i - 1]![j - 1]! + sim[i - 1]![j - 1]!) {
      out.push({ fr: fr[--i]!, ja: ja[--j]! });
    } else if (i > 0 && score[i]![j] === score[i - 1]![j]! + GAP) {
      out.push({ fr: fr[--i]!, ja: null });
    } else {
      out.push({ fr: null, ja: ja[--j]! });
    }
  }
  return out.reverse();
}

function similarity(a: DetectedSection, b: DetectedSection, la: number, lb: number): number {
  let s = 0;
  if (a.kind === b.kind) s += a.kind === 'other' ? 0.5 : 2;
  else if (a.kind !== 'other' && b.kind !== 'other') s -= 2;
  if (a.kind === 'workshop' && b.kind === 'workshop') s += a.number === b.number ? 3 : -6;
  s += 1.5 - Math.min(3, Math.abs(Math.log((la + 20) / (lb + 20))) * 2);
  return s;
}
