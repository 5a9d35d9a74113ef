import { SECTION_KINDS, type SectionKind } from '@accord/model/declarationLayout';
import { useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useDeclaration } from '../editor/DeclarationContext';
import { sectionAnchor } from '../routing/sectionAnchor';
import { structureDialogs } from './structureDialogs';
import { useStructureActions } from './useStructureActions';

interface SectionStructureMenuProps {
  sectionId: string;
  kind: SectionKind;
  /** The title shown for the section, to name it in the menu and the dialogs. */
  title: string;
}

/**
 * A section's structure menu, beside its workflow state, for those who may shape the list: add a
 * section before or after it, change its kind, remove it (after a confirmation).
 */
export function SectionStructureMenu({ sectionId, kind, title }: SectionStructureMenuProps) {
  const { t } = useTranslation();
  const { connection } = useDeclaration();
  const actions = useStructureActions();
  const kindId = useId();
  const menu = useRef<HTMLDetailsElement>(null);
  if (!actions.canShape) return null;
  const dialogs = structureDialogs(connection.doc);
  const close = () => menu.current?.removeAttribute('open');
  return (
    <details className="structure-menu" ref={menu} data-testid={`structure-menu-${sectionId}`}>
      <summary className="button button--quiet structure-menu__summary" aria-label={t('sections.menuLabel', { title })}>
        {t('sections.menu')}
      </summary>
      <div className="structure-menu__panel">
        <button
          type="button"
          className="button button--quiet"
          onClick={() => {
            close();
            dialogs.show({ kind: 'add', place: { before: sectionId } });
          }}
          data-testid={`add-before-${sectionId}`}
        >
          {t('sections.addBefore')}
        </button>
        <button
          type="button"
          className="button button--quiet"
          onClick={() => {
            close();
            dialogs.show({ kind: 'add', place: { after: sectionId } });
          }}
          data-testid={`add-after-${sectionId}`}
        >
          {t('sections.addAfter')}
        </button>
        {/* Moving from here too: on a phone the outline is hidden. */}
        <button
          type="button"
          className="button button--quiet"
          onClick={() => {
            close();
            actions.step(sectionId, -1);
            requestAnimationFrame(() => document.getElementById(sectionAnchor(sectionId))?.scrollIntoView({ block: 'start' }));
          }}
          data-testid={`menu-move-up-${sectionId}`}
        >
          ↑ {t('sections.moveUp')}
        </button>
        <button
          type="button"
          className="button button--quiet"
          onClick={() => {
            close();
            actions.step(sectionId, 1);
            requestAnimationFrame(() => document.getElementById(sectionAnchor(sectionId))?.scrollIntoView({ block: 'start' }));
          }}
          data-testid={`menu-move-down-${sectionId}`}
        >
          ↓ {t('sections.moveDown')}
        </button>
        <label htmlFor={kindId} className="structure-menu__label">
          {t('sections.kindLabel')}
        </label>
        <select
          id={kindId}
          value={kind}
          aria-label={t('sections.changeKind', { title })}
          onChange={(event) => actions.setKind(sectionId, event.target.value as SectionKind)}
          data-testid={`kind-${sectionId}`}
        >
          {SECTION_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`sections.kind.${k}`)}
            </option>
          ))}
        </select>
        <button
          type="button"
          className="button button--danger"
          onClick={() => {
            close();
            dialogs.show({ kind: 'remove', id: sectionId, title });
          }}
          data-testid={`remove-${sectionId}`}
        >
          {t('sections.remove')}
        </button>
      </div>
    </details>
  );
}
