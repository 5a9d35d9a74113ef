import { mayWrite } from '@accord/permissions/mayWrite';
import type { Member } from '@accord/permissions/roles';
import { getWorkflow, readAdoption } from '@accord/workflow/workflowMap';
import { Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { useYjs } from '../sync/useYjs';
import { ExportDialog } from '../editor/sidePanels';

/**
 * The editor's « Exporter » button and its menu, for everyone who reads the declaration (X1). The
 * signature blocks in it are writable by whoever may change `meta` — the server's rule (A6), asked
 * through `mayWrite` — and read-only for the others.
 */
export function ExportButton({ declarationId, doc, member, revoked }: { declarationId: string; doc: Y.Doc; member: Member | null; revoked: boolean }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  // The menu's code loads on the first opening (or ahead, sidePanels); it then stays, with its choices.
  const [opened, setOpened] = useState(false);
  const adopted = useYjs(getWorkflow(doc), () => readAdoption(doc) !== null);
  const mayEdit = !revoked && member !== null && mayWrite(member, { kind: 'meta' }, { adopted, sectionOfSegment: () => null }).ok;
  return (
    <>
      <button
        type="button"
        className="button header-button"
        aria-haspopup="dialog"
        aria-expanded={open}
        title={t('exportMenu.openHint')}
        onClick={() => {
          setOpen(true);
          setOpened(true);
        }}
        data-testid="export-button"
      >
        {t('exportMenu.open')}
      </button>
      {opened && (
        <Suspense fallback={null}>
          <ExportDialog
            declarationId={declarationId}
            open={open}
            onClose={() => setOpen(false)}
            adopted={adopted}
            signatories={{ doc, lockedReason: mayEdit ? null : t('exportMenu.signatoriesLocked') }}
          />
        </Suspense>
      )}
    </>
  );
}
