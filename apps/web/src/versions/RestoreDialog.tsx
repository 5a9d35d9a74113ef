import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { restoreVersion, type VersionSummary } from '../api/versionsApi';
import { formatDateTime } from '../ui/formatDateTime';
import type { LocalUser } from '../user/localUser';
import { versionTitle } from './versionTitle';

interface RestoreDialogProps {
  declarationId: string;
  /** The version to restore; the dialog is open while it is set. */
  version: VersionSummary | null;
  user: LocalUser;
  /** `restored`: the server restored it (the live text changes for everyone through sync). */
  onClose(restored: boolean): void;
}

/** Asks before restoring: the change reaches every participant at once. A native modal `<dialog>`. */
export function RestoreDialog({ declarationId, version, user, onClose }: RestoreDialogProps) {
  const { t, i18n } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const [state, setState] = useState<{ status: 'idle' | 'restoring' } | { status: 'error'; message: string }>({ status: 'idle' });

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (version && !dialog.open) {
      setState({ status: 'idle' });
      dialog.showModal();
    } else if (!version && dialog.open) {
      dialog.close();
    }
  }, [version]);

  const confirm = async () => {
    if (!version || state.status === 'restoring') return;
    setState({ status: 'restoring' });
    try {
      await restoreVersion(declarationId, version.id, user.name);
      setState({ status: 'idle' });
      onClose(true);
    } catch (error) {
      setState({ status: 'error', message: error instanceof Error ? error.message : String(error) });
    }
  };

  return (
    <dialog
      ref={ref}
      className="name-dialog restore-dialog"
      aria-labelledby={titleId}
      data-testid="restore-dialog"
      onCancel={(event) => {
        if (state.status === 'restoring') event.preventDefault();
        else onClose(false);
      }}
    >
      {version && (
        <>
          <h2 id={titleId}>{t('history.restoreTitle')}</h2>
          <p>{t('history.restoreBody', { label: versionTitle(version, t), date: formatDateTime(version.createdAt, i18n.language) })}</p>
          {state.status === 'error' && (
            <p className="form-error" role="alert">
              {t('history.restoreError', { message: state.message })}
            </p>
          )}
          <div className="name-dialog__actions">
            <button type="button" className="button button--quiet" onClick={() => onClose(false)} disabled={state.status === 'restoring'}>
              {t('history.cancel')}
            </button>
            <button type="button" className="button button--primary" onClick={() => void confirm()} disabled={state.status === 'restoring'} data-testid="restore-confirm">
              {state.status === 'restoring' ? t('history.restoring') : t('history.restoreConfirm')}
            </button>
          </div>
        </>
      )}
    </dialog>
  );
}
