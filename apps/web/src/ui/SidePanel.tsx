import { type ReactNode, useEffect, useId, useRef } from 'react';

interface SidePanelProps {
  heading: string;
  closeLabel: string;
  onClose(): void;
  /** Extra class names beside `history-panel`, the panel's layout. */
  className?: string;
  testId: string;
  children: ReactNode;
}

/**
 * A panel beside the text (history, progress): not modal, so the text stays editable next to it.
 * It takes the focus when it opens, and Escape closes it — unless a modal dialog opened from it is
 * showing, in which case Escape closes that dialog only.
 */
export function SidePanel({ heading, closeLabel, onClose, className, testId, children }: SidePanelProps) {
  const headingId = useId();
  const closeRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    closeRef.current?.focus();
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && !event.defaultPrevented && !document.querySelector('dialog[open]')) onClose();
    };
    addEventListener('keydown', onKey);
    return () => removeEventListener('keydown', onKey);
  }, [onClose]);
  return (
    <aside className={`history-panel${className ? ` ${className}` : ''}`} aria-labelledby={headingId} data-testid={testId}>
      <div className="history-panel__head">
        <h2 id={headingId}>{heading}</h2>
        <button ref={closeRef} type="button" className="button button--quiet history-panel__close" onClick={onClose}>
          {closeLabel}
        </button>
      </div>
      {children}
    </aside>
  );
}
