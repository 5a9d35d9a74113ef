import { useTranslation } from 'react-i18next';
import type { SyncProblem } from '../sync/DeclarationConnection';

interface ProblemNoticeProps {
  problem: SyncProblem;
  onRetry(): void;
  /** For a notice that asks nothing of the person (a refused change, already undone): "OK". */
  onDismiss(): void;
}

/** What went wrong with the connection, in words, and what the user can do about it. */
export function ProblemNotice({ problem, onRetry, onDismiss }: ProblemNoticeProps) {
  const { t } = useTranslation();
  const dismissable = problem === 'forbiddenWrite' || problem === 'roleChanged';
  const canRetry = problem !== 'unknownDeclaration' && problem !== 'revoked' && !dismissable;
  const mustReload = problem === 'malformed' || problem === 'tooBig';
  // A refused change or a new role is not an error of the person's making to fix: a calmer notice.
  const tone = dismissable ? 'notice--info' : 'notice--error';
  return (
    <div className={`notice ${tone}`} role="alert" data-testid="sync-problem" data-problem={problem}>
      <p>{t(`problem.${problem}`)}</p>
      {(canRetry || mustReload || dismissable) && (
        <div className="notice__actions">
          {mustReload ? (
            <button type="button" className="button" onClick={() => location.reload()}>
              {t('problem.reload')}
            </button>
          ) : dismissable ? (
            <button type="button" className="button" onClick={onDismiss} data-testid="dismiss-problem">
              {t('problem.dismiss')}
            </button>
          ) : (
            <button type="button" className="button" onClick={onRetry}>
              {t('problem.retryNow')}
            </button>
          )}
        </div>
      )}
    </div>
  );
}
