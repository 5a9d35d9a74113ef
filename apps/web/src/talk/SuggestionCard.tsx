import { diffText } from '@accord/diff/diffText';
import { isAuthor, mayDecide } from '@accord/permissions/talkRights';
import type { Role } from '@accord/permissions/roles';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { talkErrorMessage } from './talkErrorMessage';
import { type Suggestion, talkApi } from '../api/talkApi';
import { useDeclaration } from '../editor/DeclarationContext';
import { formatDateTime } from '../ui/formatDateTime';
import { DiffText } from '../versions/DiffText';
import type { TalkState } from './TalkState';

/**
 * One suggestion, as a word-level diff of the text it was made on and the proposed one (the diff
 * engine's tokenisers, per language), with who, why, and the committee's accept / reject.
 */
export function SuggestionCard({ suggestion: s, talk, memberId }: { suggestion: Suggestion; talk: TalkState; memberId: string | null }) {
  const { t, i18n } = useTranslation();
  const { connection, role } = useDeclaration();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const decide = (decision: 'accept' | 'reject' | 'withdraw') => {
    setError(null);
    setBusy(true);
    talkApi
      .decide(connection.id, s.id, decision)
      .then((updated) => talk.putSuggestion(updated))
      .catch((failure: unknown) => setError(talkErrorMessage(t, failure)))
      .finally(() => setBusy(false));
  };
  const open = s.status === 'open';
  return (
    <article className={`talk-card talk-card--suggestion${open ? '' : ' talk-card--resolved'}`} data-testid="talk-suggestion" data-suggestion-id={s.id} data-status={s.status} data-sid={s.sid}>
      <header className="talk-card__head">
        <span className={`lang-tag lang-tag--${s.language}`}>{t(`langCode.${s.language}`)}</span>
        <span>
          <strong>{s.author.name}</strong> <span className="muted">{t(`roles.${s.author.role as Role}`)}</span>{' '}
          <time className="muted" dateTime={s.createdAt}>
            {formatDateTime(s.createdAt, i18n.language)}
          </time>
        </span>
        <span className={`talk-badge talk-badge--${s.status}`} data-testid="talk-suggestion-status">
          {t(`talk.status.${s.status}`)}
        </span>
      </header>
      <DiffText ops={diffText(s.baseText, s.text, s.language)} lang={s.language} className="talk-diff" />
      {s.comment && <p className="talk-message__body">{s.comment}</p>}
      {s.decided && <p className="muted">{t('talk.decidedBy', { name: s.decided.by, date: formatDateTime(s.decided.at, i18n.language) })}</p>}
      {open && (
        <div className="talk-card__actions">
          {role && mayDecide(role) && (
            <>
              <button type="button" className="button button--primary" disabled={busy} onClick={() => decide('accept')} data-testid="talk-accept">
                {t('talk.accept')}
              </button>
              <button type="button" className="button" disabled={busy} onClick={() => decide('reject')} data-testid="talk-reject">
                {t('talk.reject')}
              </button>
            </>
          )}
          {role && isAuthor({ memberId, role }, s.author) && (
            <button type="button" className="button button--quiet" disabled={busy} onClick={() => decide('withdraw')}>
              {t('talk.withdraw')}
            </button>
          )}
        </div>
      )}
      {error && (
        <p className="talk-error" role="alert" data-testid="talk-suggestion-error">
          {error}
        </p>
      )}
    </article>
  );
}
