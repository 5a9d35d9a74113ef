import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type InviteRow, revokeInvite } from '../api/membersApi';
import { formatDateTime } from '../ui/formatDateTime';
import { SectionNames } from './SectionNames';

interface InviteTableProps {
  declarationId: string;
  invites: InviteRow[];
  titles: ReadonlyMap<string, string>;
  onChanged(): void;
}

type InviteStatus = 'active' | 'expired' | 'revoked' | 'used';

function statusOf(invite: InviteRow, now: number): InviteStatus {
  if (invite.revokedAt) return 'revoked';
  if (invite.expiresAt && Date.parse(invite.expiresAt) <= now) return 'expired';
  if (invite.uses >= invite.maxUses) return 'used';
  return 'active';
}

/**
 * The invitations made for this declaration, newest first: for whom, how many of its uses are
 * taken and by whom (A17); an active one can be withdrawn.
 */
export function InviteTable({ declarationId, invites, titles, onChanged }: InviteTableProps) {
  const { t, i18n } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  if (invites.length === 0) return <p className="muted">{t('members.noInvites')}</p>;
  const now = Date.now();
  const sorted = [...invites].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  const revoke = async (invite: InviteRow) => {
    setError(null);
    try {
      await revokeInvite(declarationId, invite.id);
      onChanged();
    } catch (caught) {
      setError(t('members.inviteError', { message: caught instanceof Error ? caught.message : String(caught) }));
    }
  };
  return (
    <>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <table className="admin-table" data-testid="invite-table">
        <thead>
          <tr>
            <th scope="col">{t('members.role')}</th>
            <th scope="col">{t('members.sections')}</th>
            <th scope="col">{t('members.created')}</th>
            <th scope="col">{t('members.uses')}</th>
            <th scope="col">{t('members.status')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('members.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {sorted.map((invite) => {
            const status = statusOf(invite, now);
            return (
              <tr key={invite.id} data-invite-id={invite.id} data-status={status} className={status !== 'active' ? 'admin-table__row--revoked' : undefined}>
                <td>
                  <span className="role-chip">{t(`roles.${invite.role}`)}</span>
                  {invite.label && (
                    <span className="invite-table__label" data-testid="invite-label-cell">
                      {invite.label}
                    </span>
                  )}
                </td>
                <td>
                  <SectionNames role={invite.role} sections={invite.sections} titles={titles} />
                </td>
                <td className="admin-table__date">{formatDateTime(invite.createdAt, i18n.language)}</td>
                <td data-testid="invite-uses">
                  <span className="invite-table__count">{t('members.usesCount', { uses: invite.uses, max: invite.maxUses })}</span>
                  <span className="invite-table__used-by">
                    {invite.usedBy.length > 0 ? invite.usedBy.map((u) => u.name).join(', ') : t('members.notUsedYet')}
                  </span>
                </td>
                <td>
                  <span className={`status-pill status-pill--${status}`}>
                    {status === 'active'
                      ? invite.expiresAt
                        ? t('members.activeUntil', { date: formatDateTime(invite.expiresAt, i18n.language) })
                        : t('members.activeForever')
                      : t(`members.inviteStatus.${status}`)}
                  </span>
                </td>
                <td className="admin-table__actions">
                  {status === 'active' && (
                    <button type="button" className="button button--small" onClick={() => void revoke(invite)} data-testid="revoke-invite">
                      {t('members.withdraw')}
                    </button>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </>
  );
}
