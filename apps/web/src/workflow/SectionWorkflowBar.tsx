import type { Role } from '@accord/permissions/roles';
import type { SectionProgress } from '@accord/workflow/declarationProgress';
import { availableActions, type SectionAction } from '@accord/workflow/sectionWorkflow';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { takeSectionAction } from '../api/workflowApi';
import { LockNotice } from '../access/LockNotice';
import type { LockReason } from '../access/writeAccess';
import { formatDateTime } from '../ui/formatDateTime';
import { useDeclaration } from '../editor/DeclarationContext';
import { openProblems } from '../review/openProblems';
import { type Asking, askingFor, ConfirmActionDialog } from './ConfirmActionDialog';
import { StateBadge } from './StateBadge';

/** What a person is told once their action went through. */
const DONE_MESSAGE = {
  submit: 'calm.doneSubmit',
  validate: 'calm.doneValidate',
  approve: 'calm.doneApprove',
  'send-back': 'calm.doneSendBack',
} as const satisfies Record<SectionAction, string>;

interface SectionWorkflowBarProps {
  sectionId: string;
  progress: SectionProgress | null;
  /** Why the text of this section is read-only for this person, or null. */
  lock: LockReason | null;
}

/**
 * The head of one section: its state, which committees validated the current text, why it is
 * locked for this person, the last send-back comment, and the workflow actions this person may
 * take now (`availableActions`, the rule the server applies). An action's result comes back
 * through the document's `workflow` map, so every page updates at once, this one included.
 */
export function SectionWorkflowBar({ sectionId, progress, lock }: SectionWorkflowBarProps) {
  const { t, i18n } = useTranslation();
  // `member`: who is looking; null while unknown (then no action is offered).
  const { connection, member, adopted, translation, review } = useDeclaration();
  const declarationId = connection.id;
  const [busy, setBusy] = useState<SectionAction | null>(null);
  const [error, setError] = useState<string | null>(null);
  // A step may ask first; every step then says what happened (issue 18: a rapporteur on a phone
  // had no sign that anything was sent).
  const [asking, setAsking] = useState<Asking | null>(null);
  const [done, setDone] = useState<SectionAction | null>(null);
  if (!progress) return null;
  const actions = member && !adopted ? availableActions(progress.record, member, { sectionId, hash: progress.hash, adopted }) : [];
  const sentBack = progress.state === 'draft' ? progress.record.sentBack : undefined;
  const take = async (action: SectionAction, comment?: string) => {
    setDone(null);
    await takeSectionAction(declarationId, sectionId, action, comment);
    setDone(action);
  };
  const run = async (action: SectionAction) => {
    const ask = askingFor(action, () => openProblems(translation.get(), review.get(), sectionId));
    if (ask) {
      setAsking(ask);
      return;
    }
    setBusy(action);
    setError(null);
    try {
      await take(action);
    } catch (caught) {
      setError(t('workflow.actionError', { message: caught instanceof Error ? caught.message : String(caught) }));
    } finally {
      setBusy(null);
    }
  };
  const role: Role | null = member?.role ?? null;
  return (
    <div className="section-workflow" data-testid={`workflow-${sectionId}`}>
      <div className="section-workflow__row">
        <StateBadge progress={progress} testId={`state-${sectionId}`} />
        {progress.state === 'submitted' && (
          <span className="section-workflow__validations">
            {(['fr', 'ja'] as const).map((side) => {
              const done = progress.validatedBy.includes(side);
              const label = t(done ? 'workflow.validated' : 'workflow.awaitingValidation', { committee: t(`workflow.committee.${side}`) });
              return (
                <span
                  key={side}
                  className={`validation-chip validation-chip--${done ? 'done' : 'pending'}`}
                  data-side={side}
                  data-validated={done}
                  title={label}
                >
                  <span aria-hidden="true">
                    {t(`langCode.${side}`)} {done ? '✓' : '…'}
                  </span>
                  <span className="visually-hidden">{label}</span>
                </span>
              );
            })}
          </span>
        )}
        {lock && <LockNotice reason={lock} role={role} short={lock !== 'otherSection'} testId={`lock-${sectionId}`} />}
        {actions.length > 0 && (
          <span className="section-workflow__actions">
            {actions.map((action) => (
              <button
                key={action}
                type="button"
                className={`button button--small button--action button--action-${action}`}
                disabled={busy !== null}
                onClick={() => void run(action)}
                data-testid={`action-${action}-${sectionId}`}
              >
                {busy === action ? t('dialog.working') : t(`workflow.actions.${action}`, { committee: role ? t(`roles.${role}`) : '' })}
              </button>
            ))}
          </span>
        )}
      </div>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {done && (
        <p className="section-workflow__done" role="status" data-testid={`action-done-${sectionId}`}>
          {t(DONE_MESSAGE[done])}
        </p>
      )}
      {/* Before an edit silently drops them (W5): whoever may still write this text is told. */}
      {lock === null && !adopted && progress.validatedBy.length > 0 && (
        <p className="section-workflow__caution" data-testid={`validations-caution-${sectionId}`}>
          {t(progress.validatedBy.length === 2 ? 'calm.editDropsBoth' : 'calm.editDropsOne', {
            committee: t(`workflow.committee.${progress.validatedBy[0]!}`),
          })}
        </p>
      )}
      {sentBack && (
        <blockquote className="sent-back" data-testid={`sent-back-${sectionId}`}>
          <p className="sent-back__who">
            {t('workflow.sentBackBy', { name: sentBack.by, role: t(`roles.${sentBack.role}`), date: formatDateTime(sentBack.at, i18n.language) })}
          </p>
          <p className="sent-back__comment">{sentBack.comment}</p>
        </blockquote>
      )}
      <ConfirmActionDialog asking={asking} sectionId={sectionId} onConfirm={(action, comment) => take(action, comment || undefined)} onClose={() => setAsking(null)} />
    </div>
  );
}
