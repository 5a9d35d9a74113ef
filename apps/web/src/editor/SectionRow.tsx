import { LANGS } from '@accord/model/declarationLayout';
import { useTranslation } from 'react-i18next';
import { TranslationCounter } from '../translation/TranslationCounter';
import { useSectionTranslation } from '../translation/useTranslationStatus';
import type { SectionRef } from '../sync/useSections';
import { useSectionTitle } from '../sync/useSectionTitle';
import { SectionWorkflowBar } from '../workflow/SectionWorkflowBar';
import { useSectionProgress } from '../workflow/useWorkflowStatus';
import { useDeclaration } from './DeclarationContext';
import { SectionEditor } from './SectionEditor';
import { SectionTitleInput } from './SectionTitleInput';
import { sectionAnchor } from '../routing/sectionAnchor';
import { SectionStructureMenu } from '../sections/SectionStructureMenu';

interface SectionRowProps {
  section: SectionRef;
  index: number;
}

/**
 * One section: its workflow state and actions, then its two titles over its two texts, French on
 * the left and Japanese on the right; read-only, with the reason, where this person may not write.
 */
export function SectionRow({ section, index }: SectionRowProps) {
  const { t } = useTranslation();
  const { translation, workflow, member, access } = useDeclaration();
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
        <SectionWorkflowBar sectionId={section.id} progress={progress} lock={lock} />
        {counts && <TranslationCounter counts={counts} variant="row" testId={`translation-counts-${section.id}`} />}
        <SectionStructureMenu sectionId={section.id} kind={section.kind} title={heading} />
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
              sectionId={section.id}
              sectionTitle={titles[lang]}
              lang={lang}
              locked={lock !== null}
              canConfirm={access.confirm(section.id)}
            />
          </div>
        ))}
      </div>
    </section>
  );
}
