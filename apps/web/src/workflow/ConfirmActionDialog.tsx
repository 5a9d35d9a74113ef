import type { SectionAction } from '@accord/workflow/sectionWorkflow';
import { useTranslation } from 'react-i18next';
import { useDeclaration } from '../editor/DeclarationContext';
import type { OpenProblem } from '../review/openProblems';
import { OpenProblemsList } from '../review/OpenProblemsList';
import { sectionTitles } from '../review/openProblems';
import { ActionDialog } from '../ui/ActionDialog';

/**
 * A workflow step that asks before it goes (issue 18): a send-back needs a reason for the
 * rapporteur; a submission is confirmed, since it hands the text over; a validation over passages
 * « à revoir », untranslated or flagged by the review lists them and needs a tick (W2 is unchanged:
 * the server validates the text as it is). Any other step goes at once.
 */
export type Asking = { action: 'send-back' | 'submit' } | { action: 'validate'; problems: readonly OpenProblem[] };

/** What `action` asks first, given the section's open problems; `null`: nothing, it goes at once. */
export function askingFor(action: SectionAction, problems: () => readonly OpenProblem[]): Asking | null {
  if (action === 'send-back' || action === 'submit') return { action };
  if (action === 'validate') {
    const open = problems();
    return open.length > 0 ? { action, problems: open } : null;
  }
  return null;
}

const TEST_ID = { 'send-back': 'send-back-dialog', submit: 'submit-dialog', validate: 'validate-dialog' } as const;

/** The one dialog of a section's workflow bar, for whichever step is asking; `onConfirm` takes the step. */
export function ConfirmActionDialog({ asking, sectionId, onConfirm, onClose }: {
  asking: Asking | null;
  sectionId: string;
  /** Takes the step, with the comment when it asked for one; a rejection stays in the dialog. */
  onConfirm(action: Asking['action'], comment: string): Promise<void>;
  onClose(): void;
}) {
  const { t, i18n } = useTranslation();
  const { connection } = useDeclaration();
  const testId = `${TEST_ID[asking?.action ?? 'submit']}-${sectionId}`;
  const text =
    asking?.action === 'send-back'
      ? { title: t('workflow.sendBackTitle'), body: t('workflow.sendBackBody'), commentLabel: t('workflow.commentLabel'), confirmLabel: t('workflow.sendBackConfirm') }
      : asking?.action === 'validate'
        ? { title: t('review.validateTitle'), body: t('review.validateBody'), acknowledge: t('review.validateConfirmOpen'), confirmLabel: t('review.validateConfirm') }
        : { title: t('calm.submitTitle'), body: t('calm.submitBody'), confirmLabel: t('workflow.actions.submit') };
  return (
    <ActionDialog
      open={asking !== null}
      {...text}
      details={
        asking?.action === 'validate' ? (
          <OpenProblemsList problems={asking.problems} titles={sectionTitles(connection.doc, i18n.language)} testId={`${testId}-problems`} />
        ) : undefined
      }
      onConfirm={(comment) => (asking ? onConfirm(asking.action, comment) : Promise.resolve())}
      onClose={onClose}
      testId={testId}
    />
  );
}
