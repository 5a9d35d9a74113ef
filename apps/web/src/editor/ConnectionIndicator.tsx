import { useTranslation } from 'react-i18next';
import type { ConnectionStatus } from '../sync/DeclarationConnection';

const LABEL_KEY = {
  connecting: 'connection.connecting',
  connected: 'connection.connected',
  reconnecting: 'connection.reconnecting',
  offline: 'connection.offline',
  stopped: 'connection.problem',
} as const;

/**
 * Whether edits are reaching the server, and whether this page's edits are stored: "Saved" only
 * once the server has acknowledged every local change. Announced politely when it changes.
 */
export function ConnectionIndicator({ status, unsaved = 0 }: { status: ConnectionStatus; unsaved?: number }) {
  const { t } = useTranslation();
  const text =
    status === 'offline' && unsaved > 0
      ? t('connection.offlineWaiting', { count: unsaved })
      : status === 'connected'
        ? unsaved > 0
          ? t('connection.unsaved', { count: unsaved })
          : t('connection.saved')
        : t(LABEL_KEY[status]);
  const saving = status === 'connected' && unsaved > 0;
  return (
    <div
      className={`connection connection--${status}${saving ? ' connection--saving' : ''}`}
      role="status"
      aria-label={t('connection.label', { status: text })}
      data-testid="connection-indicator"
      data-connection-status={status}
      data-unsaved={unsaved}
    >
      <span className="connection__dot" aria-hidden="true" />
      <span className="connection__text">{text}</span>
    </div>
  );
}
