import type { PeopleList } from '@accord/protocol/rest/comments';
import { type KeyboardEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { talkErrorMessage } from './talkErrorMessage';

interface CommentBoxProps {
  label: string;
  submitLabel: string;
  people: PeopleList['people'];
  /** Resolves once sent; a rejection is shown under the box and the text kept. */
  onSubmit(body: string, mentions: string[]): Promise<void>;
  testId: string;
  autoFocus?: boolean;
  /** The text the box starts with (editing a message). */
  initialText?: string;
  /** Shown as « Annuler »; Escape does the same (outside an IME composition). */
  onCancel?(): void;
}

/**
 * A comment or reply being written. Enter sends and Shift+Enter breaks the line — except while
 * an input method is composing: the Enter that confirms a Japanese conversion (`isComposing`,
 * keyCode 229) never sends. « @ » buttons insert a member's name; every member named « @Name »
 * in the text when it is sent is mentioned (C4).
 */
export function CommentBox({ label, submitLabel, people, onSubmit, testId, autoFocus, initialText = '', onCancel }: CommentBoxProps) {
  const { t } = useTranslation();
  const id = useId();
  const [text, setText] = useState(initialText);
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const send = async () => {
    const body = text.trim();
    if (body === '' || sending) return;
    setSending(true);
    setError(null);
    try {
      await onSubmit(body, people.filter((p) => body.includes(`@${p.name}`)).map((p) => p.memberId));
      setText('');
    } catch (failure) {
      setError(talkErrorMessage(t, failure));
    } finally {
      setSending(false);
    }
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.nativeEvent.isComposing || event.keyCode === 229) return;
    if (event.key === 'Escape' && onCancel) {
      event.preventDefault();
      onCancel();
      return;
    }
    if (event.key !== 'Enter' || event.shiftKey) return;
    event.preventDefault();
    void send();
  };
  return (
    <div className="talk-box">
      <label htmlFor={id} className="talk-box__label">
        {label}
      </label>
      <textarea
        id={id}
        className="talk-box__input"
        value={text}
        rows={2}
        autoFocus={autoFocus}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={onKeyDown}
        data-testid={testId}
      />
      {people.length > 0 && (
        <div className="talk-box__mentions" aria-label={t('talk.mention')}>
          {people.map((p) => (
            <button key={p.memberId} type="button" className="talk-chip" onClick={() => setText((v) => `${v}${v && !v.endsWith(' ') ? ' ' : ''}@${p.name} `)}>
              @{p.name}
            </button>
          ))}
        </div>
      )}
      <div className="talk-box__actions">
        <span className="muted talk-box__hint">{t('talk.enterHint')}</span>
        {onCancel && (
          <button type="button" className="button button--quiet" onClick={onCancel} data-testid={`${testId}-cancel`}>
            {t('talk.cancel')}
          </button>
        )}
        <button type="button" className="button button--primary" disabled={sending || text.trim() === ''} onClick={() => void send()} data-testid={`${testId}-send`}>
          {submitLabel}
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
