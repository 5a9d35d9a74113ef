import type { DeclarationJson } from '@accord/model/readDeclaration';
import { useTranslation } from 'react-i18next';
import { listInvites, listMembers } from '../api/membersApi';
import { useLoaded } from '../api/useLoaded';
import { AdminFrame } from './AdminFrame';
import { AdminOnlyNotice } from './AdminOnlyNotice';
import { InviteForm } from './InviteForm';
import { InviteTable } from './InviteTable';
import { MemberTable } from './MemberTable';
import { sectionTitles } from './sectionTitles';

/** `/d/<id>/members` (administrators): who has which role, invitations to make and to withdraw. */
export function MembersPage({ id }: { id: string }) {
  return <AdminFrame id={id} page="members">{(declaration) => <MembersBody id={id} declaration={declaration} />}</AdminFrame>;
}

function MembersBody({ id, declaration }: { id: string; declaration: DeclarationJson }) {
  const { t, i18n } = useTranslation();
  const [members, reloadMembers] = useLoaded(`${id}/members`, (signal) => listMembers(id, signal));
  const [invites, reloadInvites] = useLoaded(`${id}/invites`, (signal) => listInvites(id, signal));
  const titles = sectionTitles(declaration, i18n.language);
  const inviteLabels = new Map(invites.status === 'ready' ? invites.value.flatMap((i) => (i.label ? [[i.id, i.label] as const] : [])) : []);
  if (members.status === 'error') return <AdminOnlyNotice failure={members} />;
  return (
    <div className="admin-stack">
      <section className="panel admin-panel" aria-labelledby="members-heading">
        <h2 id="members-heading">{t('members.membersHeading')}</h2>
        {members.status === 'loading' ? (
          <p className="muted" role="status">
            {t('members.loading')}
          </p>
        ) : (
          <MemberTable
            declarationId={id}
            members={members.value}
            sections={declaration.sections.map((s) => s.id)}
            titles={titles}
            inviteLabels={inviteLabels}
            onChanged={() => {
              reloadMembers();
              reloadInvites();
            }}
          />
        )}
      </section>
      <section className="panel admin-panel" aria-labelledby="invite-heading">
        <h2 id="invite-heading">{t('members.inviteHeading')}</h2>
        <InviteForm declarationId={id} sections={declaration.sections.map((s) => s.id)} titles={titles} onCreated={reloadInvites} />
      </section>
      <section className="panel admin-panel" aria-labelledby="invites-heading">
        <h2 id="invites-heading">{t('members.invitesHeading')}</h2>
        {invites.status === 'loading' && (
          <p className="muted" role="status">
            {t('members.loading')}
          </p>
        )}
        {invites.status === 'error' && <AdminOnlyNotice failure={invites} />}
        {invites.status === 'ready' && <InviteTable declarationId={id} invites={invites.value} titles={titles} onChanged={reloadInvites} />}
      </section>
    </div>
  );
}
