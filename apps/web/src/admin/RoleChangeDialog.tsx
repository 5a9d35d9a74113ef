import type { Role } from '@accord/permissions/roles';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { changeMemberRole, type MemberRow } from '../api/membersApi';
import { ActionDialog } from '../ui/ActionDialog';
import { INVITABLE_ROLES } from './invitableRoles';
import { SectionChoice } from './SectionChoice';

interface RoleChangeDialogProps {
  declarationId: string;
  /** The member whose role changes; the dialog is closed when null. */
  member: MemberRow | null;
  /** Section ids in reading order. */
  sections: string[];
  titles: ReadonlyMap<string, string>;
  onChanged(): void;
  onClose(): void;
}

interface Choice {
  role: Role;
  owned: string[];
}

/**
 * Gives a member another role — and a rapporteur her sections — without revoking her (A3). Her
 * session goes on; the server applies the new rights to her open pages at once. Keyed by the
 * member by its caller, so each member's dialog starts from her current role and sections.
 */
export function RoleChangeDialog({ declarationId, member, sections, titles, onChanged, onClose }: RoleChangeDialogProps) {
  const { t } = useTranslation();
  const roleId = useId();
  const [current, setChoice] = useState<Choice | null>(member && { role: member.role, owned: member.sections });
  return (
    <ActionDialog
      open={member !== null}
      title={t('members.changeRoleTitle', { name: member?.name ?? '' })}
      body={t('members.changeRoleBody')}
      confirmLabel={t('members.changeRoleConfirm')}
      details={
        current && (
          <div className="role-choice">
            <div className="field">
              <label htmlFor={roleId}>{t('members.newRole')}</label>
              <select
                id={roleId}
                value={current.role}
                onChange={(event) => setChoice({ ...current, role: event.target.value as Role })}
                data-testid="role-dialog-role"
              >
                {INVITABLE_ROLES.map((r) => (
                  <option key={r} value={r}>
                    {t(`roles.${r}`)}
                  </option>
                ))}
              </select>
              <p className="field__hint">{t(`roleHints.${current.role}`)}</p>
            </div>
            {current.role === 'rapporteur' && (
              <SectionChoice sections={sections} titles={titles} chosen={current.owned} onChange={(owned) => setChoice({ ...current, owned })} testId="role-dialog-sections" />
            )}
          </div>
        )
      }
      onConfirm={async () => {
        if (!member || !current) return;
        if (current.role === 'rapporteur' && current.owned.length === 0) throw new Error(t('members.needSections'));
        await changeMemberRole(declarationId, member.id, current.role, current.role === 'rapporteur' ? current.owned : []);
        onChanged();
      }}
      onClose={onClose}
      testId="role-dialog"
    />
  );
}
