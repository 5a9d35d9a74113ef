import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type MemberRow, revokeMember } from '../api/membersApi';
import { isUiLanguage } from '../i18n/uiLanguage';
import { ActionDialog } from '../ui/ActionDialog';
import { formatDateTime } from '../ui/formatDateTime';
import { RoleChangeDialog } from './RoleChangeDialog';
import { SectionNames } from './SectionNames';

interface MemberTableProps {
  declarationId: string;
  members: MemberRow[];
  /** Section ids in reading order, for a rapporteur's new sections. */
  sections: string[];
  titles: ReadonlyMap<string, string>;
  /** What each invitation was for ("for whom"), by id: shown as the invitation a member used. */
  inviteLabels: ReadonlyMap<string, string>;
  onChanged(): void;
}

/**
 * The members: name, role, sections, the invitation they used (A17), language, when they joined;
 * changing a role keeps the session and applies the new rights at once; revoking closes the
 * session at once (both A3).
 */
export function MemberTable({ declarationId, members, sections, titles, inviteLabels, onChanged }: MemberTableProps) {
  const { t, i18n } = useTranslation();
  const [revoking, setRevoking] = useState<MemberRow | null>(null);
  const [changing, setChanging] = useState<MemberRow | null>(null);
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
                  <div className="admin-table__buttons">
                    <button
                      type="button"
                      className="button button--small"
                      onClick={() => setChanging(member)}
                      aria-label={t('members.changeRoleOf', { name: member.name })}
                      data-testid="change-role"
                    >
                      {t('members.changeRole')}
                    </button>
                    <button type="button" className="button button--small button--danger" onClick={() => setRevoking(member)} data-testid="revoke-member">
                      {t('members.revoke')}
                    </button>
                  </div>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <RoleChangeDialog
        key={changing?.id ?? 'closed'}
        declarationId={declarationId}
        member={changing}
        sections={sections}
        titles={titles}
        onChanged={onChanged}
        onClose={() => setChanging(null)}
      />
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
