import { useTranslation } from 'react-i18next';
import type { SyncProblem } from '../sync/DeclarationConnection';

/** What went wrong with the connection, in words, and what the user can do about it. */
export function ProblemNotice({ problem, onRetry }: { problem: SyncProblem; onRetry(): void }) {
  const { t } = useTranslation();
  const canRetry = problem !== 'unknownDeclaration';
  const mustReload = problem === 'malformed' || problem === 'tooBig';
  return (
    <div className="notice notice--error" role="alert" data-testid="sync-problem" data-problem={problem}>
      <p>{t(`problem.${problem}`)}</p>
      {(canRetry || mustReload) && (
        <div className="notice__actions">
          {mustReload ? (
            <button type="button" className="button" onClick={() => location.reload()}>
              {t('problem.reload')}
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
