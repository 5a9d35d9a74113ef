import { useTranslation } from 'react-i18next';
import { adoptDeclaration } from '../api/workflowApi';
import { ActionDialog } from '../ui/ActionDialog';

/** Asks the mayor's office to confirm the adoption: it freezes the text for everyone (W6). */
export function AdoptDialog({ declarationId, open, onClose, testId }: { declarationId: string; open: boolean; onClose(): void; testId: string }) {
  const { t } = useTranslation();
  return (
    <ActionDialog
      open={open}
      title={t('adoption.adoptTitle')}
      body={t('adoption.adoptBody')}
      confirmLabel={t('adoption.adoptConfirm')}
      onConfirm={() => adoptDeclaration(declarationId)}
      onClose={onClose}
      testId={testId}
    />
  );
}
