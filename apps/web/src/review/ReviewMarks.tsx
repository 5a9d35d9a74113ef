import { useReview } from './useReview';
import type { ReviewStatus } from './ReviewStatus';
import './review.css';

/**
 * The subtle marker on flagged passages: a stylesheet naming each open finding's segment on the
 * side concerned, so the editors themselves are untouched (no decoration to keep in step with
 * TipTap, nothing that could disturb a Japanese IME composition).
 */
export function ReviewMarks({ status }: { status: ReviewStatus }) {
  const { open } = useReview(status);
  const rules = new Map<string, 'error' | 'warning'>();
  for (const findings of open.values()) {
    for (const f of findings) {
      if (!f.sid) continue;
      for (const lang of f.lang === 'both' ? (['fr', 'ja'] as const) : [f.lang]) {
        const selector = `.ProseMirror[data-lang="${lang}"] [data-sid="${CSS.escape(f.sid)}"]`;
        if (rules.get(selector) !== 'error') rules.set(selector, f.severity);
      }
    }
  }
  const css = [...rules]
    // A dotted underline, quiet enough to type over; red for an error, amber for a warning.
    .map(([selector, severity]) => `${selector}{text-decoration:underline dotted var(--review-${severity});text-decoration-thickness:2px;text-underline-offset:0.28em}`)
    .join('\n');
  return <style data-testid="review-marks">{css}</style>;
}
