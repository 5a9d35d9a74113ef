import { useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { adoptDeclaration } from '../api/workflowApi';
import { useDeclaration } from '../editor/DeclarationContext';
import { openProblems, sectionTitles } from '../review/openProblems';
import { OpenProblemsList } from '../review/OpenProblemsList';
import { useReview } from '../review/useReview';
import { ActionDialog } from '../ui/ActionDialog';

/**
 * Asks the mayor's office to confirm the adoption: it freezes the text for everyone (W6). When
 * passages are still « à revoir » or untranslated, or review findings are open, it lists them and
 * asks for an explicit confirmation first.
 */
export function AdoptDialog({ declarationId, open, onClose, testId }: { declarationId: string; open: boolean; onClose(): void; testId: string }) {
  const { t, i18n } = useTranslation();
  const { connection, translation, review } = useDeclaration();
  const translationSnapshot = useSyncExternalStore(translation.subscribe, translation.get);
  const problems = openProblems(translationSnapshot, useReview(review), null);
  const hasProblems = problems.length > 0;
  return (
    <ActionDialog
      open={open}
      title={t('adoption.adoptTitle')}
      body={t('adoption.adoptBody')}
      details={hasProblems && open ? <OpenProblemsList problems={problems} titles={sectionTitles(connection.doc, i18n.language)} testId={`${testId}-problems`} /> : undefined}
      acknowledge={hasProblems ? t('review.adoptConfirmOpen') : undefined}
      confirmLabel={t('adoption.adoptConfirm')}
      onConfirm={() => adoptDeclaration(declarationId)}
      onClose={onClose}
      testId={testId}
    />
  );
}
