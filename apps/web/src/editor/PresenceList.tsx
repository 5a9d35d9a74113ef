import { useTranslation } from 'react-i18next';
import type { Awareness } from 'y-protocols/awareness';
import { usePeers } from '../sync/useAwarenessPeers';

/** Who has the declaration open: a colour dot (their caret colour) and a name each. */
export function PresenceList({ awareness, onRename }: { awareness: Awareness; onRename(): void }) {
  const { t } = useTranslation();
  const peers = usePeers(awareness);
  return (
    <ul className="presence" aria-label={t('presence.label')} data-testid="presence">
      {peers.map((peer) => (
        <li key={peer.clientId} className="presence__person" data-self={peer.isSelf || undefined}>
          {peer.isSelf ? (
            <button type="button" className="presence__self" onClick={onRename} title={t('presence.changeName')}>
              <span className="presence-dot" style={{ backgroundColor: peer.color }} aria-hidden="true" />
              <span>{t('presence.you', { name: peer.name })}</span>
            </button>
          ) : (
            <>
              <span className="presence-dot" style={{ backgroundColor: peer.color }} aria-hidden="true" />
              <span>{peer.name}</span>
            </>
          )}
        </li>
      ))}
    </ul>
  );
}
