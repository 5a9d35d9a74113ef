import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { localUserStore } from './localUserStore';
import { useLocalUser } from './useLocalUser';

interface NameDialogProps {
  /** Shown without a cancel button while no name is known: the carets need one. */
  open: boolean;
  onClose(): void;
}

/** Asks for the display name (first visit, or "change my name"). A native modal `<dialog>`. */
export function NameDialog({ open, onClose }: NameDialogProps) {
  const { t } = useTranslation();
  const user = useLocalUser();
  const [name, setName] = useState(user?.name ?? '');
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const inputId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      setName(localUserStore.get()?.name ?? '');
      dialog.showModal();
    } else if (!open && dialog.open) {
      dialog.close();
    }
  }, [open]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (name.trim() === '') return;
    localUserStore.setName(name);
    onClose();
  };

  return (
    <dialog
      ref={ref}
      className="name-dialog"
      aria-labelledby={titleId}
      data-testid="name-dialog"
      // Escape would leave a first-time visitor without a name; it only closes a rename.
      onCancel={(event) => {
        if (!user) event.preventDefault();
        else onClose();
      }}
    >
      <form method="dialog" onSubmit={submit}>
        <h2 id={titleId}>{t('user.dialogTitle')}</h2>
        <p>{t('user.intro')}</p>
        <label htmlFor={inputId}>{t('user.nameLabel')}</label>
        <input
          id={inputId}
          name="name"
          value={name}
          autoFocus
          autoComplete="name"
          maxLength={60}
          required
          placeholder={t('user.namePlaceholder')}
          onChange={(event) => setName(event.target.value)}
          data-testid="name-input"
        />
        <div className="name-dialog__actions">
          {user && (
            <button type="button" className="button button--quiet" onClick={onClose}>
              {t('user.cancel')}
            </button>
          )}
          <button type="submit" className="button button--primary" disabled={name.trim() === ''} data-testid="name-submit">
            {t('user.save')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
