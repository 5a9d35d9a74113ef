import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { dismissFinding, restoreFinding } from '../api/checksApi';
import { useUiLanguage } from '../i18n/useUiLanguage';
import { formatDateTime } from '../ui/formatDateTime';
import { jumpToPassage } from './jumpToPassage';
import type { ReviewFinding } from './ReviewStatus';

interface FindingItemProps {
  declarationId: string;
  finding: ReviewFinding;
  /** Whether this person may say « not an error » here, or withdraw it (R2, R3). */
  canDismiss: boolean;
}

/** One finding: what is wrong, in the reader's language, with the words on each side; a click goes to the passage. */
export function FindingItem({ declarationId, finding, canDismiss }: FindingItemProps) {
  const { t } = useTranslation();
  const [language] = useUiLanguage();
  const reasonId = useId();
  const [dismissing, setDismissing] = useState(false);
  const [reason, setReason] = useState('');
  const [state, setState] = useState<{ status: 'idle' | 'working' } | { status: 'error'; message: string }>({ status: 'idle' });
  const run = async (work: () => Promise<void>) => {
    setState({ status: 'working' });
    try {
      await work();
      setState({ status: 'idle' });
      setDismissing(false);
      setReason('');
    } catch (error) {
      setState({ status: 'error', message: error instanceof Error ? error.message : String(error) });
    }
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (reason.trim() === '' || state.status === 'working') return;
    void run(() => dismissFinding(declarationId, finding.id, reason.trim()));
  };
  const { dismissal } = finding;
  return (
    <li className={`review-finding review-finding--${finding.severity}${dismissal ? ' review-finding--dismissed' : ''}`} data-testid="review-finding" data-rule={finding.rule} data-finding-id={finding.id}>
      <button type="button" className="review-finding__jump" onClick={() => jumpToPassage(finding.sectionId, finding.sid, finding.lang)} title={t('review.jump')}>
        <span className="review-finding__rule">
          <span className="review-finding__dot" aria-hidden="true" />
          {t(`review.rules.${finding.rule}`)}
          <span className="visually-hidden"> — {t(`review.severity.${finding.severity}`)}</span>
        </span>
        <span className="review-finding__message">{finding.message[language]}</span>
        {(finding.evidence.fr || finding.evidence.ja) && (
          <span className="review-finding__evidence">
            {finding.evidence.fr && (
              <span lang="fr">
                <abbr title={t('review.sideFr')}>FR</abbr> {finding.evidence.fr}
              </span>
            )}
            {finding.evidence.ja && (
              <span lang="ja">
                <abbr title={t('review.sideJa')}>JA</abbr> {finding.evidence.ja}
              </span>
            )}
          </span>
        )}
      </button>
      {dismissal && (
        <p className="review-finding__dismissal" data-testid="review-dismissal">
          {t('review.dismissedBy', { name: dismissal.by, role: t(`roles.${dismissal.role as 'admin'}`, { defaultValue: dismissal.role }), date: formatDateTime(dismissal.at, language) })}{' '}
          <q>{dismissal.reason}</q>
        </p>
      )}
      {canDismiss && dismissal && (
        <button type="button" className="button button--small button--quiet" disabled={state.status === 'working'} onClick={() => void run(() => restoreFinding(declarationId, finding.id))} data-testid="review-restore">
          {t('review.restore')}
        </button>
      )}
      {canDismiss && !dismissal && !dismissing && (
        <button type="button" className="button button--small button--quiet" onClick={() => setDismissing(true)} data-testid="review-dismiss">
          {t('review.dismiss')}
        </button>
      )}
      {dismissing && (
        <form className="review-finding__form" onSubmit={submit}>
          <label htmlFor={reasonId}>{t('review.reasonLabel')}</label>
          {/* Enter confirms an IME conversion here: only the button submits. */}
          <textarea id={reasonId} rows={2} maxLength={1000} value={reason} autoFocus onChange={(e) => setReason(e.target.value)} data-testid="review-reason" />
          <span className="review-finding__form-actions">
            <button type="button" className="button button--small button--quiet" onClick={() => setDismissing(false)}>
              {t('dialog.cancel')}
            </button>
            <button type="submit" className="button button--small button--primary" disabled={reason.trim() === '' || state.status === 'working'} data-testid="review-dismiss-confirm">
              {state.status === 'working' ? t('dialog.working') : t('review.dismissConfirm')}
            </button>
          </span>
        </form>
      )}
      {state.status === 'error' && (
        <p className="form-error" role="alert">
          {t('dialog.error', { message: state.message })}
        </p>
      )}
    </li>
  );
}
