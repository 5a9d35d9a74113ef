import type { EffectiveState } from '@accord/workflow/sectionWorkflow';
import { useTranslation } from 'react-i18next';

/**
 * A section's effective state as a pill; when the text changed after a validation or approval,
 * a second, amber marker says so (W5). `compact`: a dot and the state only, for the outline.
 */
export function StateBadge({ progress, compact = false, testId }: { progress: EffectiveState; compact?: boolean; testId?: string }) {
  const { t } = useTranslation();
  const state = t(`workflow.state.${progress.state}`);
  const changed = progress.changedSince ? t(`workflow.changedSince.${progress.changedSince}`) : null;
  return (
    <span
      className={`state-badges${compact ? ' state-badges--compact' : ''}`}
      data-testid={testId}
      data-state={progress.state}
      data-changed-since={progress.changedSince ?? undefined}
      title={changed ? `${state} — ${changed}` : state}
    >
      <span className={`state-badge state-badge--${progress.state}`}>
        <span className="state-badge__dot" aria-hidden="true" />
        {state}
      </span>
      {changed && !compact && <span className="state-badge state-badge--changed">{changed}</span>}
      {changed && compact && (
        <span className="state-badge__changed-dot" role="img" aria-label={changed} />
      )}
    </span>
  );
}
