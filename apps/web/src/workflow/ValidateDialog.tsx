import { useTranslation } from 'react-i18next';
import { takeSectionAction } from '../api/workflowApi';
import { useDeclaration } from '../editor/DeclarationContext';
import type { OpenProblem } from '../review/openProblems';
import { OpenProblemsList } from '../review/OpenProblemsList';
import { sectionTitles } from '../review/openProblems';
import { ActionDialog } from '../ui/ActionDialog';

/**
 * A committee validating a section whose passages are « à revoir », untranslated or flagged by the
 * review: the list, and an explicit confirmation (W2 is unchanged; the server validates the text as it is).
 */
export function ValidateDialog({ problems, sectionId, onClose }: { problems: readonly OpenProblem[] | null; sectionId: string; onClose(): void }) {
  const { t, i18n } = useTranslation();
  const { connection } = useDeclaration();
  const testId = `validate-dialog-${sectionId}`;
  return (
    <ActionDialog
      open={problems !== null}
      title={t('review.validateTitle')}
      body={t('review.validateBody')}
      details={problems ? <OpenProblemsList problems={problems} titles={sectionTitles(connection.doc, i18n.language)} testId={`${testId}-problems`} /> : undefined}
      acknowledge={t('review.validateConfirmOpen')}
      confirmLabel={t('review.validateConfirm')}
      onConfirm={() => takeSectionAction(connection.id, sectionId, 'validate')}
      onClose={onClose}
      testId={testId}
    />
  );
}
