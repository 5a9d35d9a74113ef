import { useSyncExternalStore } from 'react';
import { useDeclaration } from '../editor/DeclarationContext';
import type { SectionRef } from '../sync/useSections';
import { AddSectionDialog } from './AddSectionDialog';
import { RemoveSectionDialog } from './RemoveSectionDialog';
import { structureDialogs } from './structureDialogs';

/** The page's add and remove dialogs, opened from the outline or a section's menu. */
export function StructureDialogsView({ sections }: { sections: readonly SectionRef[] }) {
  const { connection } = useDeclaration();
  const store = structureDialogs(connection.doc);
  const open = useSyncExternalStore(store.subscribe, () => store.open);
  const close = () => store.show(null);
  return (
    <>
      <AddSectionDialog open={open?.kind === 'add'} sections={sections} place={open?.kind === 'add' ? open.place : null} onClose={close} />
      <RemoveSectionDialog section={open?.kind === 'remove' ? { id: open.id, title: open.title } : null} onClose={close} />
    </>
  );
}
