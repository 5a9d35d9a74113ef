import { type Role, writesEverything } from '@accord/permissions/roles';
import { useTranslation } from 'react-i18next';

/**
 * Which sections a member or invitation may edit: every one for the committees and
 * administrators, the listed ones (by title) for a rapporteur, none for the readers.
 */
export function SectionNames({ role, sections, titles }: { role: Role; sections: string[]; titles: ReadonlyMap<string, string> }) {
  const { t } = useTranslation();
  if (writesEverything(role)) return <span className="muted">{t('members.allSections')}</span>;
  if (role !== 'rapporteur') return <span className="muted">{t('members.readsOnly')}</span>;
  return (
    <ul className="section-chips">
      {sections.map((id) => (
        <li key={id} className="section-chip" title={id} data-removed={titles.has(id) ? undefined : true}>
          {/* A section removed since (issue 13): the assignment stays, and works again if it comes back. */}
          {titles.get(id) ?? t('sections.removedAssignment', { id })}
        </li>
      ))}
    </ul>
  );
}
