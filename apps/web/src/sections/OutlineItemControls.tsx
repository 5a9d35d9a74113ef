import { useTranslation } from 'react-i18next';
import { useStructureActions } from './useStructureActions';

interface OutlineItemControlsProps {
  sectionId: string;
  title: string;
  index: number;
  count: number;
}

/**
 * Move up, move down and remove, for one outline item while the list is being shaped. After a
 * move the focus stays on the button pressed (on its twin if that one is now disabled), so the
 * keyboard can press it again; the new place is read aloud by the page's live region.
 */
export function OutlineItemControls({ sectionId, title, index, count }: OutlineItemControlsProps) {
  const { t } = useTranslation();
  const actions = useStructureActions();
  const step = (direction: -1 | 1) => {
    if (!actions.step(sectionId, direction)) return;
    // The item's DOM node moves with the list: give it the focus back once React has placed it.
    requestAnimationFrame(() => {
      const want = direction < 0 ? 'up' : 'down';
      const other = direction < 0 ? 'down' : 'up';
      const pick = (which: string) => document.querySelector<HTMLButtonElement>(`[data-testid="move-${which}-${sectionId}"]`);
      const button = pick(want);
      (button && !button.disabled ? button : pick(other))?.focus();
    });
  };
  return (
    <span className="outline-controls">
      <span className="outline-controls__grip" aria-hidden="true" title={t('sections.dragHandle', { title })}>
        ⠿
      </span>
      <button
        type="button"
        className="outline-controls__button"
        aria-label={t('sections.moveUpNamed', { title })}
        title={t('sections.moveUp')}
        disabled={index === 0}
        onClick={() => step(-1)}
        data-testid={`move-up-${sectionId}`}
      >
        ↑
      </button>
      <button
        type="button"
        className="outline-controls__button"
        aria-label={t('sections.moveDownNamed', { title })}
        title={t('sections.moveDown')}
        disabled={index === count - 1}
        onClick={() => step(1)}
        data-testid={`move-down-${sectionId}`}
      >
        ↓
      </button>
    </span>
  );
}
