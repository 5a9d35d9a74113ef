import type { ReactNode } from 'react';

export type ToolbarIconName = 'paragraph' | 'heading2' | 'heading3' | 'bulletList' | 'orderedList' | 'bold' | 'italic' | 'undo' | 'redo';

/** 20×20 line icons drawn for the toolbar; decorative, the button carries the label. */
export function ToolbarIcon({ name }: { name: ToolbarIconName }) {
  return (
    <svg width="20" height="20" viewBox="0 0 20 20" aria-hidden="true" focusable="false" className="toolbar__icon">
      {ICONS[name]}
    </svg>
  );
}

const stroke = { fill: 'none', stroke: 'currentColor', strokeWidth: 1.6, strokeLinecap: 'round', strokeLinejoin: 'round' } as const;
const text = { fill: 'currentColor', fontFamily: 'inherit', fontWeight: 700 } as const;

const ICONS: Record<ToolbarIconName, ReactNode> = {
  paragraph: <path {...stroke} d="M11 4v12M14 4v12M15.5 4H8.5a3.5 3.5 0 0 0 0 7H11" />,
  heading2: (
    <text {...text} x="2" y="15" fontSize="13">
      H2
    </text>
  ),
  heading3: (
    <text {...text} x="2" y="15" fontSize="13" fontWeight={600}>
      H3
    </text>
  ),
  bulletList: (
    <g>
      <circle cx="4" cy="5.5" r="1.4" fill="currentColor" />
      <circle cx="4" cy="10" r="1.4" fill="currentColor" />
      <circle cx="4" cy="14.5" r="1.4" fill="currentColor" />
      <path {...stroke} d="M8 5.5h9M8 10h9M8 14.5h9" />
    </g>
  ),
  orderedList: (
    <g>
      <text fill="currentColor" fontSize="6.5" fontWeight={700} x="1.5" y="7.5">
        1
      </text>
      <text fill="currentColor" fontSize="6.5" fontWeight={700} x="1.5" y="12.5">
        2
      </text>
      <text fill="currentColor" fontSize="6.5" fontWeight={700} x="1.5" y="17.5">
        3
      </text>
      <path {...stroke} d="M8 5.5h9M8 10h9M8 14.5h9" />
    </g>
  ),
  bold: <path {...stroke} strokeWidth={2.2} d="M6 4h5a3 3 0 0 1 0 6H6zM6 10h6a3 3 0 0 1 0 6H6z" />,
  italic: <path {...stroke} d="M9 4h6M5 16h6M12 4 8 16" />,
  undo: <path {...stroke} d="M7 5 3.5 8.5 7 12M3.5 8.5H12a4.5 4.5 0 0 1 0 9H9" />,
  redo: <path {...stroke} d="M13 5l3.5 3.5L13 12M16.5 8.5H8a4.5 4.5 0 0 0 0 9h3" />,
};
