import type { Role } from '@accord/permissions/roles';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { reopenDeclaration } from '../api/workflowApi';
import { Link } from '../routing/Link';
import { versionPath } from '../routing/route';
import { ActionDialog } from '../ui/ActionDialog';
import { formatDateTime } from '../ui/formatDateTime';
import { LockIcon } from '../ui/LockIcon';
import { AdoptDialog } from './AdoptDialog';
import type { WorkflowSnapshot } from './WorkflowStatus';

/**
 * Above the text, for the whole declaration: "adopted, frozen" (with "reopen" for an
 * administrator, W7), or, for the mayor's office once every section is approved, "adopt" (W6).
 * Nothing otherwise.
 */
export function AdoptionBanner({ declarationId, workflow, role }: { declarationId: string; workflow: WorkflowSnapshot; role: Role | null }) {
  const { t, i18n } = useTranslation();
  const [dialog, setDialog] = useState<'adopt' | 'reopen' | null>(null);
  const { adoption } = workflow;
  const close = () => setDialog(null);

  if (adoption) {
    return (
      <div className="adoption-banner adoption-banner--adopted" role="note" data-testid="adopted-banner">
        <LockIcon className="lock-icon adoption-banner__icon" />
        <div className="adoption-banner__text">
          <p className="adoption-banner__title">{t('adoption.adoptedTitle')}</p>
          <p className="adoption-banner__meta">{t('adoption.adoptedMeta', { date: formatDateTime(adoption.at, i18n.language), name: adoption.by })}</p>
        </div>
        <p className="adoption-banner__actions">
          <Link href={versionPath(declarationId, adoption.versionId)} className="button">
            {t('adoption.viewVersion')}
          </Link>
          {role === 'admin' && (
            <button type="button" className="button" onClick={() => setDialog('reopen')} data-testid="reopen-button">
              {t('adoption.reopen')}
            </button>
          )}
        </p>
        <ActionDialog
          open={dialog === 'reopen'}
          title={t('adoption.reopenTitle')}
          body={t('adoption.reopenBody')}
          commentLabel={t('adoption.reasonLabel')}
          confirmLabel={t('adoption.reopenConfirm')}
          onConfirm={(reason) => reopenDeclaration(declarationId, reason)}
          onClose={close}
          testId="reopen-dialog"
        />
      </div>
    );
  }

  if (!workflow.adoptable || role !== 'mayor-office') return null;
  return (
    <div className="adoption-banner adoption-banner--ready" role="note" data-testid="adoptable-banner">
      <div className="adoption-banner__text">
        <p className="adoption-banner__title">{t('adoption.readyTitle')}</p>
        <p className="adoption-banner__meta">{t('adoption.readyBody')}</p>
      </div>
      <p className="adoption-banner__actions">
        <button type="button" className="button button--primary" onClick={() => setDialog('adopt')} data-testid="adopt-button">
          {t('adoption.adopt')}
        </button>
      </p>
      <AdoptDialog declarationId={declarationId} open={dialog === 'adopt'} onClose={close} testId="adopt-dialog" />
    </div>
  );
}
