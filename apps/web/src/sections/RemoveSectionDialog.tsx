import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { listMembers } from '../api/membersApi';
import { useDeclaration } from '../editor/DeclarationContext';
import { usePeers } from '../sync/useAwarenessPeers';
import { ActionDialog } from '../ui/ActionDialog';
import { useStructureActions } from './useStructureActions';

interface RemoveSectionDialogProps {
  /** The section to remove, or `null` when the dialog is closed. */
  section: { id: string; title: string } | null;
  onClose(): void;
}

/**
 * Asks before removing a section, naming it, and says what the removal takes from others: a
 * rapporteur assigned to it (administrators see the members; a committee does not), and who has
 * it open right now.
 */
export function RemoveSectionDialog({ section, onClose }: RemoveSectionDialogProps) {
  const { t } = useTranslation();
  const { connection, role } = useDeclaration();
  const actions = useStructureActions();
  const peers = usePeers(connection.provider.awareness);
  const [assigned, setAssigned] = useState(false);
  const sectionId = section?.id ?? null;

  useEffect(() => {
    setAssigned(false);
    if (sectionId === null || role !== 'admin') return;
    const abort = new AbortController();
    listMembers(connection.id, abort.signal).then(
      (members) => setAssigned(members.some((m) => m.role === 'rapporteur' && m.revokedAt === null && m.sections.includes(sectionId))),
      () => {},
    );
    return () => abort.abort();
  }, [sectionId, role, connection.id]);

  const inIt = sectionId === null ? [] : peers.filter((p) => !p.isSelf && p.location?.sectionId === sectionId).map((p) => p.name);
  const body = [
    t('sections.removeDialog.body'),
    assigned ? t('sections.removeDialog.rapporteur') : '',
    inIt.length > 0 ? t('sections.removeDialog.people', { count: inIt.length, names: inIt.join(', ') }) : '',
  ]
    .filter((part) => part !== '')
    .join(' ');
  return (
    <ActionDialog
      open={section !== null}
      title={section ? t('sections.removeDialog.title', { title: section.title }) : ''}
      body={body}
      confirmLabel={t('sections.removeDialog.confirm')}
      onConfirm={async () => {
        if (sectionId) actions.remove(sectionId);
      }}
      onClose={onClose}
      testId="remove-section-dialog"
    />
  );
}
