import { SECTION_STATES } from '@accord/workflow/sectionWorkflow';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDeclaration } from '../editor/DeclarationContext';
import { SidePanel } from '../ui/SidePanel';
import { jumpToSection } from '../routing/jumpToSection';
import type { SectionRef } from '../sync/useSections';
import { useSectionTitle } from '../sync/useSectionTitle';
import { TranslationCounter } from '../translation/TranslationCounter';
import { useSectionTranslation, useTranslationTotal } from '../translation/useTranslationStatus';
import { formatDateTime } from '../ui/formatDateTime';
import { AdoptDialog } from './AdoptDialog';
import { StateBadge } from './StateBadge';
import { useSectionProgress, useWorkflow } from './useWorkflowStatus';

interface ProgressPanelProps {
  sections: SectionRef[];
  onClose(): void;
}

/**
 * The dashboard beside the text: how many sections are in each state, what changed since it was
 * validated or approved, what remains to translate, and — for the mayor's office — adoption once
 * everything is approved. Live, like the text: it reads the same document.
 */
export function ProgressPanel({ sections, onClose }: ProgressPanelProps) {
  const { t, i18n } = useTranslation();
  const { connection, workflow, translation, role } = useDeclaration();
  const declarationId = connection.id;
  const snapshot = useWorkflow(workflow);
  const total = useTranslationTotal(translation);
  const [adopting, setAdopting] = useState(false);
  const count = snapshot.sections.length;


  return (
    <SidePanel heading={t('progress.heading')} closeLabel={t('progress.close')} onClose={onClose} className="progress-panel" testId="progress-panel">

      <section className="progress-panel__block" aria-label={t('progress.sectionsHeading')}>
        <p className="progress-panel__headline" data-testid="progress-approved">
          {t('progress.approvedOf', { approved: snapshot.counts.approved, total: count })}
        </p>
        <div className="progress-bar" aria-hidden="true">
          {SECTION_STATES.map((state) =>
            snapshot.counts[state] > 0 ? (
              <span key={state} className={`progress-bar__part progress-bar__part--${state}`} style={{ flexGrow: snapshot.counts[state] }} />
            ) : null,
          )}
        </div>
        <ul className="progress-legend" data-testid="progress-counts">
          {SECTION_STATES.map((state) => (
            <li key={state} className={`progress-legend__item progress-legend__item--${state}`} data-state={state} data-count={snapshot.counts[state]}>
              <span className="progress-legend__dot" aria-hidden="true" />
              <span className="progress-legend__label">{t(`workflow.state.${state}`)}</span>
              <span className="progress-legend__count">{snapshot.counts[state]}</span>
            </li>
          ))}
        </ul>
        {snapshot.changedSince > 0 && (
          <p className="progress-panel__warning" data-testid="progress-changed">
            {t('progress.changedSince', { count: snapshot.changedSince })}
          </p>
        )}
      </section>

      <section className="progress-panel__block">
        <h3 className="progress-panel__subheading">{t('translation.totalHeading')}</h3>
        <TranslationCounter counts={total} variant="total" testId="progress-translation" />
      </section>

      <section className="progress-panel__block">
        <h3 className="progress-panel__subheading">{t('progress.adoptionHeading')}</h3>
        {snapshot.adoption ? (
          <p data-testid="progress-adoption">{t('adoption.adoptedMeta', { date: formatDateTime(snapshot.adoption.at, i18n.language), name: snapshot.adoption.by })}</p>
        ) : snapshot.adoptable ? (
          <>
            <p data-testid="progress-adoption">{t('adoption.readyBody')}</p>
            {role === 'mayor-office' && (
              <button type="button" className="button button--primary" onClick={() => setAdopting(true)} data-testid="progress-adopt">
                {t('adoption.adopt')}
              </button>
            )}
          </>
        ) : (
          <p className="muted" data-testid="progress-adoption">
            {t('progress.notYetAdoptable', { count: count - snapshot.counts.approved })}
          </p>
        )}
      </section>

      <section className="progress-panel__block">
        <h3 className="progress-panel__subheading">{t('progress.bySection')}</h3>
        <ol className="progress-sections">
          {sections.map((section, index) => (
            <ProgressRow key={section.id} section={section} index={index} />
          ))}
        </ol>
      </section>
      <AdoptDialog declarationId={declarationId} open={adopting} onClose={() => setAdopting(false)} testId="progress-adopt-dialog" />
    </SidePanel>
  );
}

function ProgressRow({ section, index }: { section: SectionRef; index: number }) {
  const { workflow, translation } = useDeclaration();
  const { t } = useTranslation();
  const { text: title, lang } = useSectionTitle(section.title);
  const progress = useSectionProgress(workflow, section.id);
  const counts = useSectionTranslation(translation, section.id)?.counts;
  const toReview = counts ? counts.stale + counts.untranslated : 0;
  return (
    <li className="progress-sections__item">
      <button type="button" className="progress-sections__link" onClick={() => jumpToSection(section.id)}>
        <span className="outline__number" aria-hidden="true">
          {index + 1}
        </span>
        <span className="progress-sections__title" lang={lang}>
          {title}
        </span>
        {progress && <StateBadge progress={progress} compact />}
      </button>
      {toReview > 0 && <span className="progress-sections__review">{t('translation.sectionToReview', { count: toReview })}</span>}
    </li>
  );
}
