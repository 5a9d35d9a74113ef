import { createPassageAnchor } from '@accord/model/commentAnchor';
import { diffText } from '@accord/diff/diffText';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { talkApi } from '../api/talkApi';
import { useDeclaration } from '../editor/DeclarationContext';
import { DiffText } from '../versions/DiffText';
import { CommentBox } from './CommentBox';
import type { Passage } from './capturePassage';
import { talkErrorMessage } from './talkErrorMessage';
import type { TalkSnapshot, TalkState } from './TalkState';

/** A comment on the passage the person selected (C1). */
export function NewComment({ passage, talk, snapshot, onDone }: { passage: Passage; talk: TalkState; snapshot: TalkSnapshot; onDone(): void }) {
  const { t } = useTranslation();
  const { connection } = useDeclaration();
  return (
    <div className="talk-new" data-testid="talk-new-comment">
      <blockquote lang={passage.lang} className="talk-card__quote">
        {passage.quote || passage.blockText}
      </blockquote>
      <CommentBox
        label={t('talk.commentLabel')}
        submitLabel={t('talk.send')}
        people={snapshot.people}
        testId="talk-comment"
        autoFocus
        onSubmit={async (body, mentions) => {
          const anchor = createPassageAnchor(connection.doc, { sectionId: passage.sectionId, sid: passage.sid, language: passage.lang }, passage.from, passage.to);
          if (!anchor) throw new Error(t('talk.errors.passage_changed'));
          talk.putThread(await talkApi.comment(connection.id, anchor, body, mentions));
          onDone();
        }}
      />
    </div>
  );
}

/**
 * New wording for the selected segment (C6), typed in a plain text area — a Japanese IME composes
 * there as anywhere, nothing in the document is touched — with the word diff it will show.
 */
export function NewSuggestion({ passage, talk, onDone }: { passage: Passage; talk: TalkState; onDone(): void }) {
  const { t } = useTranslation();
  const { connection } = useDeclaration();
  const [text, setText] = useState(passage.blockText);
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const send = async () => {
    setSending(true);
    setError(null);
    try {
      talk.putSuggestion(
        await talkApi.suggest(connection.id, { sectionId: passage.sectionId, sid: passage.sid, language: passage.lang, baseText: passage.blockText, text, comment }),
      );
      onDone();
    } catch (failure) {
      setError(talkErrorMessage(t, failure));
    } finally {
      setSending(false);
    }
  };
  return (
    <div className="talk-new" data-testid="talk-new-suggestion">
      <label className="talk-box__label">
        {t('talk.suggestLabel')}
        <textarea lang={passage.lang} className="talk-box__input" rows={4} value={text} onChange={(e) => setText(e.target.value)} data-testid="talk-suggest-text" />
      </label>
      <DiffText ops={diffText(passage.blockText, text, passage.lang)} lang={passage.lang} className="talk-diff" />
      <label className="talk-box__label">
        {t('talk.suggestWhy')}
        <input className="talk-box__input" value={comment} onChange={(e) => setComment(e.target.value)} data-testid="talk-suggest-comment" />
      </label>
      <div className="talk-box__actions">
        <button type="button" className="button" onClick={onDone}>
          {t('dialog.cancel')}
        </button>
        <button type="button" className="button button--primary" disabled={sending || text === passage.blockText} onClick={() => void send()} data-testid="talk-suggest-send">
          {t('talk.suggestSend')}
        </button>
      </div>
      {error && (
        <p className="talk-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
