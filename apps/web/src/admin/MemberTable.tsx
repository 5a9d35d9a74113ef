import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type MemberRow, revokeMember } from '../api/membersApi';
import { isUiLanguage } from '../i18n/uiLanguage';
import { ActionDialog } from '../ui/ActionDialog';
import { formatDateTime } from '../ui/formatDateTime';
import { SectionNames } from './SectionNames';

interface MemberTableProps {
  declarationId: string;
  members: MemberRow[];
  titles: ReadonlyMap<string, string>;
  /** What each invitation was for ("for whom"), by id: shown as the invitation a member used. */
  inviteLabels: ReadonlyMap<string, string>;
  onChanged(): void;
}

/**
 * The members: name, role, sections, the invitation they used (A17), language, when they joined;
 * revoking closes their session at once (A3).
 */
export function MemberTable({ declarationId, members, titles, inviteLabels, onChanged }: MemberTableProps) {
  const { t, i18n } = useTranslation();
  const [revoking, setRevoking] = useState<MemberRow | null>(null);
  if (members.length === 0) return <p className="muted">{t('members.noMembers')}</p>;
  return (
    <>
      <table className="admin-table" data-testid="member-table">
        <thead>
          <tr>
            <th scope="col">{t('members.name')}</th>
            <th scope="col">{t('members.role')}</th>
            <th scope="col">{t('members.sections')}</th>
            <th scope="col">{t('members.invite')}</th>
            <th scope="col">{t('members.language')}</th>
            <th scope="col">{t('members.joined')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('members.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {members.map((member) => (
            <tr key={member.id} data-member-id={member.id} data-revoked={member.revokedAt !== null} className={member.revokedAt ? 'admin-table__row--revoked' : undefined}>
              <td className="admin-table__name">{member.name}</td>
              <td>
                <span className="role-chip">{t(`roles.${member.role}`)}</span>
              </td>
              <td>
                <SectionNames role={member.role} sections={member.sections} titles={titles} />
              </td>
              <td className="member-table__invite" data-invite-id={member.inviteId ?? undefined}>
                {(member.inviteId && inviteLabels.get(member.inviteId)) || t('members.noInvite')}
              </td>
              <td className="member-table__language">{isUiLanguage(member.language) ? t(`language.${member.language}`) : member.language}</td>
              <td className="admin-table__date">{formatDateTime(member.joinedAt, i18n.language)}</td>
              <td className="admin-table__actions">
                {member.revokedAt ? (
                  <span className="status-pill status-pill--revoked">{t('members.revokedOn', { date: formatDateTime(member.revokedAt, i18n.language) })}</span>
                ) : (
                  <button type="button" className="button button--small button--danger" onClick={() => setRevoking(member)} data-testid="revoke-member">
                    {t('members.revoke')}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <ActionDialog
        open={revoking !== null}
        title={t('members.revokeTitle', { name: revoking?.name ?? '' })}
        body={t('members.revokeBody')}
        confirmLabel={t('members.revoke')}
        onConfirm={async () => {
          if (revoking) await revokeMember(declarationId, revoking.id);
          onChanged();
        }}
        onClose={() => setRevoking(null)}
        testId="revoke-member-dialog"
      />
    </>
  );
}
