import { useTranslation } from 'react-i18next';
import type { Awareness } from 'y-protocols/awareness';
import { usePeers } from '../sync/useAwarenessPeers';

/** Beyond this many other people, the others show as coloured dots (names on hover), or the header would lose the title. */
const NAMED_OTHERS = 2;

/**
 * Who has the declaration open: a colour dot (their caret colour) and a name each, their role on
 * hover and for screen readers. Names and roles are the members' sessions', which the server
 * writes into everyone's presence (A15): what another client claims about itself never shows.
 */
export function PresenceList({ awareness }: { awareness: Awareness }) {
  const { t } = useTranslation();
  const peers = usePeers(awareness);
  const compact = peers.filter((peer) => !peer.isSelf).length > NAMED_OTHERS;
  return (
    <ul className={`presence${compact ? ' presence--compact' : ''}`} aria-label={t('presence.label')} data-testid="presence">
      {peers.map((peer) => {
        const name = peer.isSelf ? t('presence.you', { name: peer.name }) : peer.name;
        const role = peer.role ? t(`roles.${peer.role}`) : null;
        const dotOnly = compact && !peer.isSelf;
        return (
          <li
            key={peer.clientId}
            className="presence__person"
            data-self={peer.isSelf || undefined}
            data-role={peer.role ?? undefined}
            title={role ? t('presence.withRole', { name, role }) : dotOnly ? name : undefined}
          >
            <span className="presence-dot" style={{ backgroundColor: peer.color }} aria-hidden="true" />
            <span className={dotOnly ? 'visually-hidden' : 'presence__name'}>{name}</span>
            {role && <span className="visually-hidden">{t('presence.roleSuffix', { role })}</span>}
          </li>
        );
      })}
    </ul>
  );
}
