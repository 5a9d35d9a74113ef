import { type MouseEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePeers } from '../sync/useAwarenessPeers';
import type { SectionRef } from '../sync/useSections';
import { useSectionTitle } from '../sync/useSectionTitle';
import { TranslationCounter } from '../translation/TranslationCounter';
import { useSectionTranslation, useTranslationTotal } from '../translation/useTranslationStatus';
import { StateBadge } from '../workflow/StateBadge';
import { useSectionProgress } from '../workflow/useWorkflowStatus';
import { jumpToSection } from '../routing/jumpToSection';
import { sectionAnchor } from '../routing/sectionAnchor';
import { useDeclaration } from './DeclarationContext';
import { OutlineItemControls } from '../sections/OutlineItemControls';
import { structureDialogs } from '../sections/structureDialogs';
import { type DropMark, useOutlineDrag } from '../sections/useOutlineDrag';
import { useStructureActions } from '../sections/useStructureActions';

interface OutlineProps {
  sections: SectionRef[];
  /** The section in view, highlighted. */
  currentId: string | null;
}

/**
 * The list of sections on the left: jump to one, see each one's workflow state, where the others
 * are working and which sections have passages to review; above it, the translation state of the whole declaration.
 */
export function Outline({ sections, currentId }: OutlineProps) {
  const { t } = useTranslation();
  const { connection, translation } = useDeclaration();
  const peers = usePeers(connection.provider.awareness);
  const headingId = useId();
  const totalHeadingId = useId();
  const total = useTranslationTotal(translation);
  // Shaping the list (issue 13): move buttons, drag and drop, add; for committees and administrators.
  const structure = useStructureActions();
  const [organizing, setOrganizing] = useState(false);
  const shaping = organizing && structure.canShape;
  const drag = useOutlineDrag((id, place) => structure.move(id, place));
  return (
    <>
      <section className="outline-translation" aria-labelledby={totalHeadingId}>
        <h2 id={totalHeadingId} className="outline__heading">
          {t('translation.totalHeading')}
        </h2>
        <TranslationCounter counts={total} variant="total" testId="translation-counts-total" />
      </section>
      <nav className="outline" aria-labelledby={headingId} data-testid="outline">
        <div className="outline__head">
          <h2 id={headingId} className="outline__heading">
            {t('editor.outline')}
          </h2>
          {structure.canShape && (
            <button
              type="button"
              className="button button--quiet outline__organize"
              aria-pressed={shaping}
              title={t('sections.organizeHint')}
              onClick={() => setOrganizing((on) => !on)}
              data-testid="outline-organize"
            >
              {shaping ? t('sections.organizeDone') : t('sections.organize')}
            </button>
          )}
        </div>
        <ol className={`outline__list${shaping ? ' outline__list--shaping' : ''}`}>
          {sections.map((section, index) => (
            <OutlineItem
              key={section.id}
              section={section}
              index={index}
              current={section.id === currentId}
              people={peers.filter((peer) => !peer.isSelf && peer.location?.sectionId === section.id)}
              shaping={shaping}
              count={sections.length}
              drag={shaping ? drag : null}
            />
          ))}
        </ol>
        {shaping && (
          <button
            type="button"
            className="button outline__add"
            onClick={() => structureDialogs(connection.doc).show({ kind: 'add', place: null })}
            data-testid="outline-add-section"
          >
            + {t('sections.add')}
          </button>
        )}
      </nav>
    </>
  );
}

interface OutlineItemProps {
  section: SectionRef;
  index: number;
  current: boolean;
  people: Array<{ clientId: number; name: string; color: string }>;
  /** The list is being shaped: move controls show, and items can be dragged. */
  shaping: boolean;
  count: number;
  drag: { dragging: string | null; mark: DropMark | null; itemProps: ReturnType<typeof useOutlineDrag>['itemProps'] } | null;
}

function OutlineItem({ section, index, current, people, shaping, count, drag }: OutlineItemProps) {
  const { t } = useTranslation();
  const { translation, workflow, member } = useDeclaration();
  const { text: title, lang } = useSectionTitle(section.title);
  // A rapporteur's own workshops stand out: the sections they answer for.
  const mine = member?.role === 'rapporteur' && member.sections.includes(section.id);
  const anchor = sectionAnchor(section.id);
  const counts = useSectionTranslation(translation, section.id)?.counts;
  const toReview = counts ? counts.stale + counts.untranslated : 0;
  const progress = useSectionProgress(workflow, section.id);
  const jump = (event: MouseEvent<HTMLAnchorElement>) => {
    event.preventDefault();
    jumpToSection(section.id);
  };
  const names = people.map((p) => p.name).join(', ');
  const markSide = drag?.mark?.id === section.id ? drag.mark.side : null;
  return (
    <li
      className={`outline__item${mine ? ' outline__item--mine' : ''}${shaping ? ' outline__item--shaping' : ''}${markSide ? ` outline__item--drop-${markSide}` : ''}${drag?.dragging === section.id ? ' outline__item--dragging' : ''}`}
      data-mine={mine || undefined}
      data-testid={`outline-item-${section.id}`}
      {...(drag ? drag.itemProps(section.id) : {})}
    >
      <a
        href={`#${anchor}`}
        onClick={jump}
        className="outline__link"
        aria-current={current ? 'location' : undefined}
        data-section-id={section.id}
      >
        <span className="outline__number" aria-hidden="true">
          {index + 1}
        </span>
        {/* The state under the title: beside it, long titles would have no room to wrap. */}
        <span className="outline__main">
          <span className="outline__title" lang={lang}>
            {title}
          </span>
          {mine && (
            <span className="outline__mine" data-testid={`outline-mine-${section.id}`}>
              {t('calm.yourSection')}
            </span>
          )}
          {progress && <StateBadge progress={progress} compact testId={`outline-state-${section.id}`} />}
        </span>
        {toReview > 0 && (
          <span
            className="outline__flag"
            role="img"
            aria-label={t('translation.sectionToReview', { count: toReview })}
            title={t('translation.sectionToReview', { count: toReview })}
          />
        )}
        {people.length > 0 && (
          <span className="outline__people" role="img" aria-label={t('editor.peopleInSection', { names })} title={names}>
            {people.slice(0, 4).map((person) => (
              <span key={person.clientId} className="presence-dot" style={{ backgroundColor: person.color }} />
            ))}
          </span>
        )}
      </a>
      {shaping && <OutlineItemControls sectionId={section.id} title={title} index={index} count={count} />}
    </li>
  );
}
