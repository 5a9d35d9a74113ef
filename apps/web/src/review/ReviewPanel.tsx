import { mayWrite } from '@accord/permissions/mayWrite';
import { useTranslation } from 'react-i18next';
import { useDeclaration } from '../editor/DeclarationContext';
import type { SectionRef } from '../sync/useSections';
import { useSectionTitle } from '../sync/useSectionTitle';
import { SidePanel } from '../ui/SidePanel';
import { FindingItem } from './FindingItem';
import { GlossaryEditor } from './GlossaryEditor';
import type { ReviewFinding } from './ReviewStatus';
import { useReview } from './useReview';
import './review.css';

interface ReviewPanelProps {
  sections: SectionRef[];
  onClose(): void;
}

/**
 * « Relecture / 校閲 / Review »: what the checks found in the live text, section by section; a click
 * goes to the passage, « not an error » sets a finding aside for everyone, with a reason.
 */
export function ReviewPanel({ sections, onClose }: ReviewPanelProps) {
  const { t } = useTranslation();
  const { connection, review, access, member, adopted } = useDeclaration();
  const snapshot = useReview(review);
  const dismissed = snapshot.findings.filter((f) => f.dismissal);
  const canEditGlossary = member !== null && access.titles !== 'revoked' && mayWrite(member, { kind: 'glossary' }, { adopted, sectionOfSegment: () => null }).ok;
  const may = (f: ReviewFinding) => access.text(f.sectionId) === null;
  return (
    <SidePanel heading={t('review.heading')} closeLabel={t('review.close')} onClose={onClose} className="review-panel" testId="review-panel">
      <p className="review-panel__summary" data-testid="review-summary" data-open={snapshot.openCount}>
        {snapshot.openCount === 0 ? t('review.none') : t('review.openCount', { count: snapshot.openCount })}
      </p>
      {sections.map((section) => {
        const open = snapshot.open.get(section.id);
        return open ? <SectionFindings key={section.id} section={section} findings={open} declarationId={connection.id} may={may} /> : null;
      })}
      {dismissed.length > 0 && (
        <details className="review-panel__dismissed" data-testid="review-dismissed">
          <summary>{t('review.dismissedCount', { count: dismissed.length })}</summary>
          <ul className="review-panel__list">
            {dismissed.map((f) => (
              <FindingItem key={f.id} declarationId={connection.id} finding={f} canDismiss={may(f)} />
            ))}
          </ul>
        </details>
      )}
      <GlossaryEditor doc={connection.doc} entries={snapshot.glossary} canEdit={canEditGlossary} />
    </SidePanel>
  );
}

function SectionFindings({ section, findings, declarationId, may }: { section: SectionRef; findings: readonly ReviewFinding[]; declarationId: string; may(f: ReviewFinding): boolean }) {
  const { text, lang } = useSectionTitle(section.title);
  return (
    <section className="review-panel__section" data-testid={`review-section-${section.id}`}>
      <h3 lang={lang}>{text}</h3>
      <ul className="review-panel__list">
        {findings.map((f) => (
          <FindingItem key={f.id} declarationId={declarationId} finding={f} canDismiss={may(f)} />
        ))}
      </ul>
    </section>
  );
}
