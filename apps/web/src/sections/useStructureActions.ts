import { type Bilingual, type SectionKind, sectionEntries, readBilingual } from '@accord/model/declarationLayout';
import { insertSection } from '@accord/model/insertSection';
import { moveSection } from '@accord/model/moveSection';
import { reinsertSection } from '@accord/model/reinsertSection';
import { type RemovedSection, removeSection } from '@accord/model/removeSection';
import type { SectionPlace } from '@accord/model/sectionPosition';
import { setSectionKind } from '@accord/model/setSectionKind';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useDeclaration } from '../editor/DeclarationContext';
import { shownTitle } from './shownTitle';
import { structureNotices } from './StructureNoticeStore';

/** Awareness field a page sets just before removing a section, so the others can say who did. */
export const REMOVING_FIELD = 'removingSection';

export interface StructureActions {
  /** Committees and administrators on a declaration that is not adopted (the server's rule A6, A10). */
  canShape: boolean;
  add(section: { kind: SectionKind; title: Bilingual; place: SectionPlace | null }): string;
  /** Moves one place up (-1) or down (+1); returns false at either end. */
  step(sectionId: string, direction: -1 | 1): boolean;
  move(sectionId: string, place: SectionPlace): boolean;
  setKind(sectionId: string, kind: SectionKind): void;
  remove(sectionId: string): void;
  bringBack(removed: RemovedSection): void;
}

/**
 * The structure changes this page may make, each one transaction of the shared document (the
 * model's operations) followed by a sentence for screen readers. Whether they are offered is
 * decided by the same rule the server applies to the `sections` root (`access.titles`).
 */
export function useStructureActions(): StructureActions {
  const { connection, access } = useDeclaration();
  const { t, i18n } = useTranslation();
  return useMemo(() => {
    const doc = connection.doc;
    const notices = structureNotices(doc);
    const titleOf = (sectionId: string) => {
      const entry = sectionEntries(doc).find((e) => e.id === sectionId);
      return (entry && shownTitle(readBilingual(entry.map.get('title')), i18n.language)) || t('sections.untitled');
    };
    const announceMove = (sectionId: string) => {
      const list = sectionEntries(doc);
      notices.announce(t('sections.moved', { title: titleOf(sectionId), position: list.findIndex((e) => e.id === sectionId) + 1, count: list.length }));
    };
    return {
      canShape: access.titles === null,
      add: ({ kind, title, place }) => {
        const id = insertSection(doc, { kind, title, place });
        announceMove(id);
        return id;
      },
      step: (sectionId, direction) => {
        const list = sectionEntries(doc);
        const index = list.findIndex((e) => e.id === sectionId);
        const neighbour = list[index + direction];
        if (index === -1 || !neighbour) return false;
        moveSection(doc, sectionId, direction < 0 ? { before: neighbour.id } : { after: neighbour.id });
        announceMove(sectionId);
        return true;
      },
      move: (sectionId, place) => {
        const moved = moveSection(doc, sectionId, place);
        if (moved) announceMove(sectionId);
        return moved;
      },
      setKind: (sectionId, kind) => {
        setSectionKind(doc, sectionId, kind);
      },
      remove: (sectionId) => {
        const title = titleOf(sectionId);
        connection.provider.awareness.setLocalStateField(REMOVING_FIELD, sectionId);
        notices.markRemovedHere(sectionId);
        const removed = removeSection(doc, sectionId);
        if (!removed) return;
        notices.push({ kind: 'removed-by-me', removed, title });
        notices.announce(t('sections.removedByMe', { title }));
      },
      bringBack: (removed) => {
        const title = shownTitle(readBilingual(removed.entry.title), i18n.language) || t('sections.untitled');
        reinsertSection(doc, removed);
        notices.forget(removed.id);
        notices.announce(t('sections.restored', { title }));
      },
    };
  }, [connection, access, t, i18n.language]);
}
