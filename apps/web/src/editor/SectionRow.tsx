import { LANGS } from '@accord/model/declarationLayout';
import { useTranslation } from 'react-i18next';
import type { DeclarationConnection } from '../sync/DeclarationConnection';
import { TranslationCounter } from '../translation/TranslationCounter';
import type { TranslationStatus } from '../translation/TranslationStatus';
import { useSectionTranslation } from '../translation/useTranslationStatus';
import type { SectionRef } from '../sync/useSections';
import { useSectionTitle } from '../sync/useSectionTitle';
import type { LocalUser } from '../user/localUser';
import type { Member } from '@accord/permissions/roles';
import type { WriteAccess } from '../access/writeAccess';
import { SectionWorkflowBar } from '../workflow/SectionWorkflowBar';
import { useSectionProgress } from '../workflow/useWorkflowStatus';
import type { WorkflowStatus } from '../workflow/WorkflowStatus';
import { SectionEditor } from './SectionEditor';
import { SectionTitleInput } from './SectionTitleInput';
import { sectionAnchor } from '../routing/sectionAnchor';

interface SectionRowProps {
  connection: DeclarationConnection;
  translation: TranslationStatus;
  workflow: WorkflowStatus;
  section: SectionRef;
  index: number;
  user: LocalUser;
  member: Member | null;
  access: WriteAccess;
  adopted: boolean;
}

/**
 * One section: its workflow state and actions, then its two titles over its two texts, French on
 * the left and Japanese on the right; read-only, with the reason, where this person may not write.
 */
export function SectionRow({ connection, translation, workflow, section, index, user, member, access, adopted }: SectionRowProps) {
  const { t } = useTranslation();
  const { titles, text: heading, lang: headingLang } = useSectionTitle(section.title);
  const headingId = `${sectionAnchor(section.id)}-heading`;
  const counts = useSectionTranslation(translation, section.id)?.counts;
  const progress = useSectionProgress(workflow, section.id);
  const lock = access.text(section.id);
  const titleLock = access.titles;
  const titleLockText = titleLock ? t(`lock.${titleLock}`, { role: member ? t(`roles.${member.role}`) : '' }) : null;
  return (
    <section
      id={sectionAnchor(section.id)}
      className={`section-row${lock ? ' section-row--locked' : ''}`}
      data-locked={lock ?? undefined}
      aria-labelledby={headingId}
      data-section-id={section.id}
      data-testid={`section-${section.id}`}
      tabIndex={-1}
    >
      {/* The visible titles are inputs; this heading gives the section a name in the page outline. */}
      <h2 id={headingId} className="visually-hidden" lang={headingLang}>
        {index + 1}. {heading}
      </h2>
      <div className="section-row__meta">
        <SectionWorkflowBar
          declarationId={connection.id}
          sectionId={section.id}
          progress={progress}
          member={member}
          adopted={adopted}
          lock={lock}
        />
        {counts && <TranslationCounter counts={counts} variant="row" testId={`translation-counts-${section.id}`} />}
      </div>
      <div className="section-row__grid">
        {LANGS.map((lang) => (
          <div key={lang} className={`section-row__column section-row__column--${lang}`}>
            <div className="section-row__title">
              <span className="section-row__number" aria-hidden="true">
                {index + 1}
              </span>
              <SectionTitleInput sectionId={section.id} title={section.title} lang={lang} lockedReason={titleLockText} />
            </div>
            <SectionEditor
              connection={connection}
              translation={translation}
              sectionId={section.id}
              sectionTitle={titles[lang]}
              lang={lang}
              user={user}
              locked={lock !== null}
              canConfirm={access.confirm(section.id)}
            />
          </div>
        ))}
      </div>
    </section>
  );
}
