import { useTranslation } from 'react-i18next';
import { Link } from '../routing/Link';
import { comparePath } from '../routing/route';
import { formatDateTime } from '../ui/formatDateTime';
import type { TalkState } from './TalkState';
import { useTalk } from './useTalk';
import './talk.css';

/**
 * « 14 passages changed since Tuesday 18:05 » (C9): opens the compare view between the state when
 * this member last left and now, FR and JA side by side; the changed passages stay marked in the
 * text until the member says they saw them (C10).
 */
export function VisitBanner({ talk }: { talk: TalkState }) {
  const { t, i18n } = useTranslation();
  const { visit } = useTalk(talk);
  if (!visit?.since || (visit.changedPassages === 0 && visit.newComments === 0 && visit.newSuggestions === 0)) return null;
  const date = formatDateTime(visit.since.at, i18n.language);
  return (
    <div className="visit-banner" role="status" data-testid="visit-banner" data-changed={visit.changedPassages}>
      <p className="visit-banner__text">
        <strong>{t('talk.visit.changed', { count: visit.changedPassages, date })}</strong>
        {visit.newComments + visit.newSuggestions > 0 && <span> {t('talk.visit.talk', { comments: visit.newComments, suggestions: visit.newSuggestions })}</span>}
      </p>
      <div className="visit-banner__actions">
        {visit.changedPassages > 0 && (
          <Link href={comparePath(talk.declarationId, visit.since.versionId, 'current')} className="button button--primary" data-testid="visit-open">
            {t('talk.visit.open')}
          </Link>
        )}
        <button type="button" className="button" onClick={() => void talk.markVisitSeen()} data-testid="visit-seen">
          {t('talk.visit.seen')}
        </button>
      </div>
    </div>
  );
}
