import { getSections, readBilingual, sectionEntries } from '@accord/model/declarationLayout';
import { useEffect, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { useDeclaration } from '../editor/DeclarationContext';
import { usePeers } from '../sync/useAwarenessPeers';
import { REMOVING_FIELD, useStructureActions } from './useStructureActions';
import { type StructureNotice, structureNotices } from './StructureNoticeStore';
import { shownTitle } from './shownTitle';
import './sections.css';

/**
 * The notices about the section list, at the bottom of the page: « Annuler » after this page
 * removed a section, and, to someone working in a section another member removes, who removed it,
 * that nothing they wrote is lost (the text stays in the document and its history) and, for a
 * committee, a button that brings it back. Also the aria-live region that reads moves aloud.
 */
export function StructureNotices() {
  const { t, i18n } = useTranslation();
  const { connection } = useDeclaration();
  const doc = connection.doc;
  const store = structureNotices(doc);
  const notices = useSyncExternalStore(store.subscribe, () => store.list);
  const said = useSyncExternalStore(store.subscribe, () => store.said);
  const actions = useStructureActions();
  const peers = usePeers(connection.provider.awareness);

  useEffect(() => {
    const awareness = connection.provider.awareness;
    // The list as last seen, entries as plain data: a removed map's content is gone once deleted.
    let seen = new Map(sectionEntries(doc).map((e) => [e.id, e.map.toJSON()]));
    const check = () => {
      const now = new Map(sectionEntries(doc).map((e) => [e.id, e.map.toJSON()]));
      const here = (awareness.getLocalState()?.location as { sectionId?: unknown } | null | undefined)?.sectionId;
      for (const [id, entry] of seen) {
        if (now.has(id) || store.takeRemovedHere(id)) continue;
        if (here !== id) continue;
        const remover = [...awareness.getStates()].find(([client, state]) => client !== awareness.clientID && state[REMOVING_FIELD] === id);
        store.push({
          kind: 'removed-under-you',
          removed: { id, entry },
          title: shownTitle(readBilingual(entry.title), i18n.language) || t('sections.untitled'),
          byClient: remover ? remover[0] : null,
        });
      }
      for (const id of now.keys()) if (!seen.has(id)) store.forget(id);
      seen = now;
    };
    const sections = getSections(doc);
    sections.observeDeep(check);
    return () => sections.unobserveDeep(check);
  }, [doc, connection, store, t, i18n.language]);

  const nameOf = (notice: StructureNotice) => {
    if (notice.kind !== 'removed-under-you') return '';
    // Who set the removal in their presence: now, or (if their presence came later) once it arrives.
    const byField = peers.find((p) => !p.isSelf && connection.provider.awareness.getStates().get(p.clientId)?.[REMOVING_FIELD] === notice.removed.id);
    const byClient = peers.find((p) => p.clientId === notice.byClient);
    return (byClient ?? byField)?.name ?? t('sections.someone');
  };

  return (
    <>
      <div className="visually-hidden" role="status" aria-live="polite" data-testid="structure-announcement">
        {said}
      </div>
      {notices.length > 0 && (
        <div className="structure-notices">
          {notices.map((notice) => (
            <div key={notice.key} className={`structure-notice structure-notice--${notice.kind}`} role="alert" data-testid={`structure-notice-${notice.kind}`}>
              <p>{notice.kind === 'removed-by-me' ? t('sections.removedByMe', { title: notice.title }) : t('sections.removedUnderYou', { title: notice.title, name: nameOf(notice) })}</p>
              <div className="structure-notice__actions">
                {actions.canShape && (
                  <button type="button" className="button button--primary" onClick={() => actions.bringBack(notice.removed)} data-testid="structure-undo">
                    {notice.kind === 'removed-by-me' ? t('sections.undo') : t('sections.bringBack')}
                  </button>
                )}
                <button type="button" className="button button--quiet" onClick={() => store.dismiss(notice.key)}>
                  {t('sections.dismiss')}
                </button>
              </div>
            </div>
          ))}
        </div>
      )}
    </>
  );
}
