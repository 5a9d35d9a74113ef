import type { Lang } from '@accord/model/declarationLayout';
import type { Editor } from '@tiptap/core';
import { useEditorState } from '@tiptap/react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { yUndoPluginKey } from '@tiptap/y-tiptap';
import { ToolbarIcon, type ToolbarIconName } from './ToolbarIcon';
import { tableButtons } from '../tables/tableButtons';

export interface ToolbarButton {
  icon: ToolbarIconName;
  label: string;
  active?: boolean;
  disabled?: boolean;
  run(): void;
}

/** Formatting for the focused editor: block types, lists, emphasis, and this user's undo/redo. */
export function EditorToolbar({ editor, lang }: { editor: Editor; lang: Lang }) {
  const { t } = useTranslation();
  const state = useEditorState({
    editor,
    selector: ({ editor: e }) => {
      const undo = yUndoPluginKey.getState(e.state) as { undoManager?: { undoStack: unknown[]; redoStack: unknown[] } } | undefined;
      return {
        paragraph: e.isActive('paragraph') && !e.isActive('bulletList') && !e.isActive('orderedList'),
        h2: e.isActive('heading', { level: 2 }),
        h3: e.isActive('heading', { level: 3 }),
        bullet: e.isActive('bulletList'),
        ordered: e.isActive('orderedList'),
        bold: e.isActive('bold'),
        italic: e.isActive('italic'),
        superscript: e.isActive('superscript'),
        inTable: e.isActive('table'),
        canUndo: (undo?.undoManager?.undoStack.length ?? 0) > 0,
        canRedo: (undo?.undoManager?.redoStack.length ?? 0) > 0,
      };
    },
  });
  const chain = () => editor.chain().focus();
  const groups: ToolbarButton[][] = [
    [
      { icon: 'paragraph', label: t('toolbar.paragraph'), active: state.paragraph, run: () => chain().setParagraph().run() },
      { icon: 'heading2', label: t('toolbar.heading2'), active: state.h2, run: () => chain().toggleHeading({ level: 2 }).run() },
      { icon: 'heading3', label: t('toolbar.heading3'), active: state.h3, run: () => chain().toggleHeading({ level: 3 }).run() },
    ],
    [
      { icon: 'bulletList', label: t('toolbar.bulletList'), active: state.bullet, run: () => chain().toggleBulletList().run() },
      { icon: 'orderedList', label: t('toolbar.orderedList'), active: state.ordered, run: () => chain().toggleOrderedList().run() },
    ],
    [
      { icon: 'bold', label: t('toolbar.bold'), active: state.bold, run: () => chain().toggleBold().run() },
      { icon: 'italic', label: t('toolbar.italic'), active: state.italic, run: () => chain().toggleItalic().run() },
      { icon: 'superscript', label: t('tables.superscript'), active: state.superscript, run: () => chain().toggleSuperscript().run() },
    ],
    ...tableButtons(editor, state.inTable, t),
    [
      { icon: 'undo', label: t('toolbar.undo'), disabled: !state.canUndo, run: () => chain().undo().run() },
      { icon: 'redo', label: t('toolbar.redo'), disabled: !state.canRedo, run: () => chain().redo().run() },
    ],
  ];
  return (
    <div className="toolbar" role="toolbar" aria-label={t('toolbar.label', { lang: t(`langName.${lang}`) })} data-testid="toolbar">
      {groups.map((group, i) => (
        <Group key={i}>
          {group.map((button) => (
            <button
              key={button.icon}
              type="button"
              className="toolbar__button"
              aria-label={button.label}
              title={button.label}
              aria-pressed={button.active === undefined ? undefined : button.active}
              disabled={button.disabled}
              data-command={button.icon}
              // Keep the focus (and the selection) in the editor.
              onMouseDown={(event) => event.preventDefault()}
              onClick={button.run}
            >
              <ToolbarIcon name={button.icon} />
            </button>
          ))}
        </Group>
      ))}
    </div>
  );
}

function Group({ children }: { children: ReactNode }) {
  return <div className="toolbar__group">{children}</div>;
}
