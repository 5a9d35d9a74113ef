import type { DeclarationJson } from '@accord/model/readDeclaration';
import { isRole } from '@accord/permissions/roles';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { listAudit } from '../api/auditApi';
import { listMembers } from '../api/membersApi';
import { formatDateTime } from '../ui/formatDateTime';
import { useLoaded } from '../api/useLoaded';
import { AdminFrame } from './AdminFrame';
import { AdminOnlyNotice } from './AdminOnlyNotice';
import { auditDetail } from './auditDetail';
import { AUDIT_PAGE_SIZE, auditChoices, type AuditFilter, filterAudit, NO_AUDIT_FILTER } from './filterAudit';
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
  const [filter, setFilter] = useState<AuditFilter>(NO_AUDIT_FILTER);
  const [page, setPage] = useState(0);
  if (entries.status === 'loading') {
    return (
      <p className="muted" role="status">
        {t('audit.loading')}
      </p>
    );
  }
  if (entries.status === 'error') return <AdminOnlyNotice failure={entries} />;
  const newestFirst = filterAudit(entries.value, filter);
  const choices = auditChoices(entries.value);
  const pages = Math.max(1, Math.ceil(newestFirst.length / AUDIT_PAGE_SIZE));
  const shownPage = Math.min(page, pages - 1);
  const shown = newestFirst.slice(shownPage * AUDIT_PAGE_SIZE, (shownPage + 1) * AUDIT_PAGE_SIZE);
  const choose = (key: keyof AuditFilter, value: string) => {
    setFilter((current) => ({ ...current, [key]: value }));
    setPage(0);
  };
  return (
    <section className="panel admin-panel">
      <div className="admin-panel__head">
        <p className="muted">{t('audit.intro', { count: newestFirst.length })}</p>
        <button type="button" className="button button--small" onClick={reload}>
          {t('audit.refresh')}
        </button>
      </div>
      <div className="audit-filters" data-testid="audit-filters">
        <label>
          <span>{t('audit.who')}</span>
          <select value={filter.actor} onChange={(event) => choose('actor', event.target.value)} data-testid="audit-filter-actor">
            <option value="">{t('calm.auditAny')}</option>
            {choices.actors.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>{t('audit.what')}</span>
          <select value={filter.action} onChange={(event) => choose('action', event.target.value)} data-testid="audit-filter-action">
            <option value="">{t('calm.auditAny')}</option>
            {choices.actions.map((action) => (
              <option key={action} value={action}>
                {isAuditAction(action) ? t(`audit.actions.${action}`) : action}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>{t('audit.section')}</span>
          <select value={filter.sectionId} onChange={(event) => choose('sectionId', event.target.value)} data-testid="audit-filter-section">
            <option value="">{t('calm.auditAny')}</option>
            {choices.sections.map((sectionId) => (
              <option key={sectionId} value={sectionId}>
                {titles.get(sectionId) ?? sectionId}
              </option>
            ))}
          </select>
        </label>
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
            {shown.map((entry) => (
              <tr key={entry.seq} data-action={entry.action} className={isRefusal(entry.action) ? 'audit-table__row--refused' : undefined}>
                <td className="admin-table__date">{formatDateTime(entry.at, i18n.language, { seconds: true })}</td>
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
      {pages > 1 && (
        <nav className="audit-pager" aria-label={t('calm.auditPages')} data-testid="audit-pager">
          <button type="button" className="button button--small" disabled={shownPage === 0} onClick={() => setPage(shownPage - 1)} data-testid="audit-newer">
            {t('calm.auditNewer')}
          </button>
          <span data-testid="audit-page-number">{t('calm.auditPage', { page: shownPage + 1, pages })}</span>
          <button type="button" className="button button--small" disabled={shownPage >= pages - 1} onClick={() => setPage(shownPage + 1)} data-testid="audit-older">
            {t('calm.auditOlder')}
          </button>
        </nav>
      )}
    </section>
  );
}
