import { type FormEvent, type ReactNode, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

interface ActionDialogProps {
  open: boolean;
  title: string;
  body: string;
  /** Asks for a text that may not be empty (a send-back comment, a reopening reason); none when absent. */
  commentLabel?: string;
  confirmLabel: string;
  /** Shown under the body: what the person should know first (the open problems before adopting). */
  details?: ReactNode;
  /** A box to tick before confirming (« I have seen these problems… »); none when absent. */
  acknowledge?: string;
  /** Runs the action; a rejection is shown in the dialog, which stays open. */
  onConfirm(comment: string): Promise<void>;
  onClose(): void;
  testId: string;
}

/**
 * Asks before a step that concerns everyone (send a section back, adopt, reopen), with a text
 * field when the step needs a reason. A native modal `<dialog>`, styled like the others.
 */
export function ActionDialog({ open, title, body, commentLabel, confirmLabel, details, acknowledge, onConfirm, onClose, testId }: ActionDialogProps) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const fieldId = useId();
  const [comment, setComment] = useState('');
  const [acknowledged, setAcknowledged] = useState(false);
  const [state, setState] = useState<{ status: 'idle' | 'working' } | { status: 'error'; message: string }>({ status: 'idle' });

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      setComment('');
      setAcknowledged(false);
      setState({ status: 'idle' });
      dialog.showModal();
    } else if (!open && dialog.open) {
      dialog.close();
    }
  }, [open]);

  const needsComment = commentLabel !== undefined;
  const ready = (!needsComment || comment.trim() !== '') && (acknowledge === undefined || acknowledged);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!ready || state.status === 'working') return;
    setState({ status: 'working' });
    try {
      await onConfirm(comment.trim());
      setState({ status: 'idle' });
      onClose();
    } catch (error) {
      setState({ status: 'error', message: error instanceof Error ? error.message : String(error) });
    }
  };

  return (
    <dialog
      ref={ref}
      className="name-dialog action-dialog"
      aria-labelledby={titleId}
      data-testid={testId}
      onCancel={(event) => {
        if (state.status === 'working') event.preventDefault();
        else onClose();
      }}
    >
      {open && (
        <form onSubmit={submit}>
          <h2 id={titleId}>{title}</h2>
          <p>{body}</p>
          {details}
          {acknowledge !== undefined && (
            <label className="review-confirm">
              <input type="checkbox" checked={acknowledged} onChange={(event) => setAcknowledged(event.target.checked)} data-testid={`${testId}-acknowledge`} />
              <span>{acknowledge}</span>
            </label>
          )}
          {needsComment && (
            <>
              <label htmlFor={fieldId}>{commentLabel}</label>
              <textarea
                id={fieldId}
                className="action-dialog__comment"
                value={comment}
                rows={4}
                maxLength={2000}
                required
                autoFocus
                onChange={(event) => setComment(event.target.value)}
                data-testid={`${testId}-comment`}
              />
            </>
          )}
          {state.status === 'error' && (
            <p className="form-error" role="alert">
              {t('dialog.error', { message: state.message })}
            </p>
          )}
          <div className="name-dialog__actions">
            <button type="button" className="button button--quiet" onClick={onClose} disabled={state.status === 'working'}>
              {t('dialog.cancel')}
            </button>
            <button type="submit" className="button button--primary" disabled={!ready || state.status === 'working'} data-testid={`${testId}-confirm`}>
              {state.status === 'working' ? t('dialog.working') : confirmLabel}
            </button>
          </div>
        </form>
      )}
    </dialog>
  );
}
