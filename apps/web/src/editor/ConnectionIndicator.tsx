import { useTranslation } from 'react-i18next';
import type { ConnectionStatus } from '../sync/DeclarationConnection';

const LABEL_KEY = {
  connecting: 'connection.connecting',
  connected: 'connection.connected',
  reconnecting: 'connection.reconnecting',
  offline: 'connection.offline',
  stopped: 'connection.problem',
} as const;

/** Whether edits are reaching the server; announced politely when it changes. */
export function ConnectionIndicator({ status }: { status: ConnectionStatus }) {
  const { t } = useTranslation();
  const text = t(LABEL_KEY[status]);
  return (
    <div
      className={`connection connection--${status}`}
      role="status"
      aria-label={t('connection.label', { status: text })}
      data-testid="connection-indicator"
      data-connection-status={status}
    >
      <span className="connection__dot" aria-hidden="true" />
      <span className="connection__text">{text}</span>
    </div>
  );
}
