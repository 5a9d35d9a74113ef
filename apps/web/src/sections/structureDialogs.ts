import type { SectionPlace } from '@accord/model/sectionPosition';
import type * as Y from 'yjs';

/** The structure dialog open on a page: add a section at a place, or remove one. */
export type StructureDialog = { kind: 'add'; place: SectionPlace | null } | { kind: 'remove'; id: string; title: string } | null;

/**
 * Which structure dialog is open, per document: asked for by the outline and by any section's
 * menu, shown once by the page (`StructureDialogs`), which knows the section list.
 */
export class StructureDialogs {
  private current: StructureDialog = null;
  private readonly listeners = new Set<() => void>();

  get open(): StructureDialog {
    return this.current;
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  show(dialog: StructureDialog): void {
    this.current = dialog;
    for (const listener of this.listeners) listener();
  }
}

const dialogs = new WeakMap<Y.Doc, StructureDialogs>();

export function structureDialogs(doc: Y.Doc): StructureDialogs {
  let found = dialogs.get(doc);
  if (!found) dialogs.set(doc, (found = new StructureDialogs()));
  return found;
}
