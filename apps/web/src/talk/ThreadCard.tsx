import { resolvePassageAnchor } from '@accord/model/commentAnchor';
import { isAuthor, mayResolve } from '@accord/permissions/talkRights';
import type { Role } from '@accord/permissions/roles';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { talkErrorMessage } from './talkErrorMessage';
import { type CommentThread, talkApi } from '../api/talkApi';
import { useDeclaration } from '../editor/DeclarationContext';
import { passagePath } from '../routing/route';
import { sectionAnchor } from '../routing/sectionAnchor';
import { Link } from '../routing/Link';
import { formatDateTime } from '../ui/formatDateTime';
import { CommentBox } from './CommentBox';
import { SegmentTwins } from './SegmentTwins';
import type { TalkSnapshot, TalkState } from './TalkState';

/** One thread: the passage it is about (in both languages), its messages, a reply, resolve. */
export function ThreadCard({ thread, talk, snapshot, memberId }: { thread: CommentThread; talk: TalkState; snapshot: TalkSnapshot; memberId: string | null }) {
  const { t, i18n } = useTranslation();
  const { connection, role } = useDeclaration();
  const [error, setError] = useState<string | null>(null);
  /** The message being rewritten in place by its author (C3), if any. */
  const [editing, setEditing] = useState<string | null>(null);
  const where = resolvePassageAnchor(connection.doc, thread.anchor);
  const me = role ? { memberId, role } : null;
  const act = (work: () => Promise<void>) => {
    setError(null);
    work().catch((failure: unknown) => setError(talkErrorMessage(t, failure)));
  };
  return (
    <article className={`talk-card${thread.resolved ? ' talk-card--resolved' : ''}`} data-testid="talk-thread" data-thread-id={thread.id} data-sid={thread.anchor.sid}>
      <header className="talk-card__head">
        <span className={`lang-tag lang-tag--${thread.anchor.language}`}>{t(`langCode.${thread.anchor.language}`)}</span>
        <blockquote lang={thread.anchor.language} className="talk-card__quote">
          {thread.anchor.quote || t('talk.wholeSegment')}
        </blockquote>
        {where.state === 'deleted' && <span className="talk-badge talk-badge--warn">{t('talk.passageDeleted')}</span>}
        {where.state === 'changed' && <span className="talk-badge talk-badge--warn">{t('talk.passageChanged')}</span>}
        {thread.resolved && <span className="talk-badge">{t('talk.resolvedBy', { name: thread.resolved.by })}</span>}
      </header>
      <SegmentTwins sectionId={thread.anchor.sectionId} sid={thread.anchor.sid} />
      <ol className="talk-card__messages">
        {thread.messages.map((m) => (
          <li key={m.id} className="talk-message" data-testid="talk-message">
            <div className="talk-message__meta">
              <strong>{m.author.name}</strong> <span className="muted">{t(`roles.${m.author.role as Role}`)}</span>{' '}
              <time className="muted" dateTime={m.createdAt}>
                {formatDateTime(m.createdAt, i18n.language)}
              </time>
              {m.editedAt && (
                <span className="muted talk-message__edited" title={t('talk.editedAt', { when: formatDateTime(m.editedAt, i18n.language) })} data-testid="talk-message-edited">
                  · {t('talk.edited')}
                </span>
              )}
              {me && isAuthor(me, m.author) && editing !== m.id && (
                <span className="talk-message__own">
                  <button type="button" className="button button--quiet talk-link" onClick={() => setEditing(m.id)} data-testid="talk-message-edit">
                    {t('talk.edit')}
                  </button>
                  <button type="button" className="button button--quiet talk-link" onClick={() => act(() => talkApi.deleteMessage(connection.id, thread.id, m.id))}>
                    {t('talk.delete')}
                  </button>
                </span>
              )}
            </div>
            {editing === m.id ? (
              <CommentBox
                label={t('talk.editLabel')}
                submitLabel={t('talk.save')}
                people={[]}
                testId="talk-edit"
                autoFocus
                initialText={m.body}
                onCancel={() => setEditing(null)}
                onSubmit={async (body) => {
                  if (body !== m.body) talk.putThread(await talkApi.editMessage(connection.id, thread.id, m.id, body));
                  setEditing(null);
                }}
              />
            ) : (
              <p className="talk-message__body" data-testid="talk-message-body">
                {m.body}
              </p>
            )}
          </li>
        ))}
      </ol>
      <div className="talk-card__actions">
        <Link href={passagePath(connection.id, sectionAnchor(thread.anchor.sectionId), thread.anchor.sid, thread.anchor.language)} className="talk-link">
          {t('talk.goTo')}
        </Link>
        {role && mayResolve(role) && (
          <button
            type="button"
            className="button"
            data-testid="talk-resolve"
            onClick={() => act(async () => talk.putThread(await talkApi.resolve(connection.id, thread.id, !thread.resolved)))}
          >
            {thread.resolved ? t('talk.reopen') : t('talk.resolve')}
          </button>
        )}
      </div>
      {!thread.resolved && (
        <CommentBox
          label={t('talk.reply')}
          submitLabel={t('talk.send')}
          people={snapshot.people}
          testId="talk-reply"
          onSubmit={async (body, mentions) => talk.putThread(await talkApi.reply(connection.id, thread.id, body, mentions))}
        />
      )}
      {error && (
        <p className="talk-error" role="alert">
          {error}
        </p>
      )}
    </article>
  );
}
