import type { DeclarationJson } from '@accord/model/readDeclaration';
import { isRole } from '@accord/permissions/roles';
import { useTranslation } from 'react-i18next';
import { listAudit } from '../api/auditApi';
import { listMembers } from '../api/membersApi';
import { formatDateTime } from '../ui/formatDateTime';
import { useLoaded } from '../api/useLoaded';
import { AdminFrame } from './AdminFrame';
import { AdminOnlyNotice } from './AdminOnlyNotice';
import { auditDetail } from './auditDetail';
import { isAuditAction, isRefusal } from './isAuditAction';
import { sectionTitles } from './sectionTitles';

/** `/d/<id>/audit` (administrators): every join, invitation, workflow step, version and refusal (W8), newest first. */
export function AuditPage({ id }: { id: string }) {
  return <AdminFrame id={id} page="audit">{(declaration) => <AuditBody id={id} declaration={declaration} />}</AdminFrame>;
}

function AuditBody({ id, declaration }: { id: string; declaration: DeclarationJson }) {
  const { t, i18n } = useTranslation();
  const [entries, reload] = useLoaded(`${id}/audit`, (signal) => listAudit(id, signal));
  // Only to name the member a revocation concerns; the log is readable without it.
  const [members] = useLoaded(`${id}/members`, (signal) => listMembers(id, signal));
  const memberNames = new Map(members.status === 'ready' ? members.value.map((m) => [m.id, m.name]) : []);
  const titles = sectionTitles(declaration, i18n.language);
  if (entries.status === 'loading') {
    return (
      <p className="muted" role="status">
        {t('audit.loading')}
      </p>
    );
  }
  if (entries.status === 'error') return <AdminOnlyNotice failure={entries} />;
  const newestFirst = [...entries.value].sort((a, b) => b.seq - a.seq);
  return (
    <section className="panel admin-panel">
      <div className="admin-panel__head">
        <p className="muted">{t('audit.intro', { count: newestFirst.length })}</p>
        <button type="button" className="button button--small" onClick={reload}>
          {t('audit.refresh')}
        </button>
      </div>
      {newestFirst.length === 0 ? (
        <p className="muted">{t('audit.empty')}</p>
      ) : (
        <table className="admin-table audit-table" data-testid="audit-table">
          <thead>
            <tr>
              <th scope="col">{t('audit.when')}</th>
              <th scope="col">{t('audit.who')}</th>
              <th scope="col">{t('audit.what')}</th>
              <th scope="col">{t('audit.section')}</th>
              <th scope="col">{t('audit.detail')}</th>
              <th scope="col">{t('audit.hash')}</th>
            </tr>
          </thead>
          <tbody>
            {newestFirst.map((entry) => (
              <tr key={entry.seq} data-action={entry.action} className={isRefusal(entry.action) ? 'audit-table__row--refused' : undefined}>
                <td className="admin-table__date">{formatDateTime(entry.at, i18n.language)}</td>
                <td>
                  <span className="admin-table__name">{entry.actor.name}</span>
                  {isRole(entry.actor.role) && <span className="audit-table__role">{t(`roles.${entry.actor.role}`)}</span>}
                </td>
                <td>
                  <span className={`audit-action audit-action--${entry.action}`}>
                    {isAuditAction(entry.action) ? t(`audit.actions.${entry.action}`) : entry.action}
                  </span>
                </td>
                <td>{entry.sectionId ? (titles.get(entry.sectionId) ?? entry.sectionId) : ''}</td>
                <td className="audit-table__detail">{auditDetail(entry.detail, titles, memberNames, t)}</td>
                <td>{entry.hash && <code title={entry.hash}>{entry.hash.slice(0, 8)}</code>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
