import { maySuggest } from '@accord/permissions/talkRights';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDeclaration } from '../editor/DeclarationContext';
import { SidePanel } from '../ui/SidePanel';
import { capturePassage, type Passage } from './capturePassage';
import { NewComment, NewSuggestion } from './NewPassageForm';
import { NotificationList } from './NotificationList';
import { SuggestionCard } from './SuggestionCard';
import { ThreadCard } from './ThreadCard';
import type { TalkState } from './TalkState';
import { useTalk } from './useTalk';
import './talk.css';

/**
 * « Discussion »: the member's notifications, comments on the selected passage, suggestions of new
 * wording, and every open thread and suggestion with the passage they concern in both languages.
 */
export function TalkPanel({ talk, memberId, onClose }: { talk: TalkState; memberId: string | null; onClose(): void }) {
  const { t } = useTranslation();
  const { role, adopted } = useDeclaration();
  const snapshot = useTalk(talk);
  const [draft, setDraft] = useState<{ kind: 'comment' | 'suggestion'; passage: Passage } | null>(null);
  const [missing, setMissing] = useState(false);
  const [showClosed, setShowClosed] = useState(false);
  // On mousedown, before the button takes the focus: the selection in the text is still there.
  const start = (kind: 'comment' | 'suggestion') => {
    const passage = capturePassage();
    setMissing(passage === null);
    setDraft(passage ? { kind, passage } : null);
  };
  const canSuggest = role !== null && maySuggest(role, snapshot.observersMaySuggest) && !adopted;
  const openThreads = snapshot.threads.filter((th) => !th.resolved);
  const openSuggestions = snapshot.suggestions.filter((s) => s.status === 'open');
  const closedCount = snapshot.threads.length - openThreads.length + snapshot.suggestions.length - openSuggestions.length;
  return (
    <SidePanel heading={t('talk.heading')} closeLabel={t('history.close')} onClose={onClose} className="talk-panel" testId="talk-panel">
      <NotificationList talk={talk} snapshot={snapshot} />
      <div className="talk-panel__start">
        <button type="button" className="button" onMouseDown={(e) => e.preventDefault()} onClick={() => start('comment')} data-testid="talk-start-comment">
          {t('talk.commentSelection')}
        </button>
        {canSuggest && (
          <button type="button" className="button" onMouseDown={(e) => e.preventDefault()} onClick={() => start('suggestion')} data-testid="talk-start-suggestion">
            {t('talk.suggestSelection')}
          </button>
        )}
      </div>
      {missing && <p className="muted">{t('talk.selectFirst')}</p>}
      {role === 'admin' && (
        <label className="talk-setting">
          <input type="checkbox" checked={snapshot.observersMaySuggest} onChange={(e) => void talk.setObserversMaySuggest(e.target.checked)} data-testid="talk-observers-suggest" />{' '}
          {t('talk.observersMaySuggest')}
        </label>
      )}
      {draft?.kind === 'comment' && <NewComment passage={draft.passage} talk={talk} snapshot={snapshot} onDone={() => setDraft(null)} />}
      {draft?.kind === 'suggestion' && <NewSuggestion passage={draft.passage} talk={talk} onDone={() => setDraft(null)} />}
      {!snapshot.ready && <p className="muted">{t('talk.loading')}</p>}
      {snapshot.ready && openThreads.length === 0 && openSuggestions.length === 0 && <p className="muted">{t('talk.empty')}</p>}
      {openSuggestions.length > 0 && <h3 className="talk-panel__heading">{t('talk.suggestions', { count: openSuggestions.length })}</h3>}
      {openSuggestions.map((s) => (
        <SuggestionCard key={s.id} suggestion={s} talk={talk} memberId={memberId} />
      ))}
      {openThreads.length > 0 && <h3 className="talk-panel__heading">{t('talk.threads', { count: openThreads.length })}</h3>}
      {openThreads.map((th) => (
        <ThreadCard key={th.id} thread={th} talk={talk} snapshot={snapshot} memberId={memberId} />
      ))}
      {closedCount > 0 && (
        <button type="button" className="button button--quiet" onClick={() => setShowClosed((v) => !v)} aria-expanded={showClosed}>
          {t('talk.closed', { count: closedCount })}
        </button>
      )}
      {showClosed &&
        [
          ...snapshot.suggestions.filter((s) => s.status !== 'open').map((s) => <SuggestionCard key={s.id} suggestion={s} talk={talk} memberId={memberId} />),
          ...snapshot.threads.filter((th) => th.resolved).map((th) => <ThreadCard key={th.id} thread={th} talk={talk} snapshot={snapshot} memberId={memberId} />),
        ]}
    </SidePanel>
  );
}
