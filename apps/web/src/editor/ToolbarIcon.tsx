import type { ReactNode } from 'react';

export type ToolbarIconName =
  | 'paragraph'
  | 'heading2'
  | 'heading3'
  | 'bulletList'
  | 'orderedList'
  | 'bold'
  | 'italic'
  | 'undo'
  | 'redo'
  | 'superscript'
  | 'insertTable'
  | 'addRow'
  | 'deleteRow'
  | 'addColumn'
  | 'deleteColumn'
  | 'deleteTable';

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
  superscript: (
    <g>
      <path {...stroke} d="M3 7l7 9M10 7l-7 9" />
      <path {...stroke} strokeWidth={1.4} d="M13 4.2a1.7 1.7 0 0 1 3.3.5c0 1.2-3.3 2.8-3.3 4.3h3.5" />
    </g>
  ),
  insertTable: <path {...stroke} d="M3 4h14v12H3zM3 8h14M3 12h14M10 4v12" />,
  addRow: <path {...stroke} d="M3 3h14v8H3zM3 7h14M10 3v8M10 13.5v4M8 15.5h4" />,
  deleteRow: <path {...stroke} d="M3 3h14v8H3zM3 7h14M10 3v8M8 14l4 3.5M12 14l-4 3.5" />,
  addColumn: <path {...stroke} d="M3 3h8v14H3zM7 3v14M3 10h8M15.5 8v4M13.5 10h4" />,
  deleteColumn: <path {...stroke} d="M3 3h8v14H3zM7 3v14M3 10h8M14 8l3.5 4M17.5 8 14 12" />,
  deleteTable: <path {...stroke} d="M3 4h10v9H3zM3 8.5h10M8 4v9M14 13l4 4M18 13l-4 4" />,
};
