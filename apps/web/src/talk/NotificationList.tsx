import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../ui/formatDateTime';
import type { TalkSnapshot, TalkState } from './TalkState';

/** The member's notifications (C11), unread ones first marked; « mark all read » clears the count. */
export function NotificationList({ talk, snapshot }: { talk: TalkState; snapshot: TalkSnapshot }) {
  const { t, i18n } = useTranslation();
  const [open, setOpen] = useState(snapshot.unread > 0);
  if (snapshot.notifications.length === 0) return null;
  return (
    <section className="talk-notifications" data-testid="talk-notifications">
      <div className="talk-notifications__head">
        <button type="button" className="button button--quiet" aria-expanded={open} onClick={() => setOpen((v) => !v)}>
          {t('talk.notifications', { count: snapshot.unread })}
        </button>
        {snapshot.unread > 0 && (
          <button type="button" className="button button--quiet" onClick={() => void talk.readAllNotifications()} data-testid="talk-read-all">
            {t('talk.readAll')}
          </button>
        )}
      </div>
      {open && (
        <ul className="talk-notifications__list">
          {snapshot.notifications.slice(0, 30).map((n) => (
            <li key={n.id} className={n.readAt ? 'talk-notification' : 'talk-notification talk-notification--unread'} data-testid="talk-notification" data-kind={n.kind}>
              <span>{t(`talk.kinds.${n.kind}`, { name: n.actor, section: n.sectionId ?? '' })}</span>
              {n.text && <q className="talk-notification__text">{n.text}</q>}
              <time className="muted" dateTime={n.at}>
                {formatDateTime(n.at, i18n.language)}
              </time>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
