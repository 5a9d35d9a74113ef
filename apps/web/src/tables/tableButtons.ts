import type { Editor } from '@tiptap/core';
import type { TFunction } from 'i18next';
import type { ToolbarButton } from '../editor/EditorToolbar';
import './tables.css';

/**
 * The toolbar's table buttons: « insert a table » outside a table (the Chartres shape: a header
 * row, then rows for the interventions, two columns); inside one, add or delete a row or a
 * column, or the whole table. New cells come without sids: the sid plugin gives each a fresh
 * one, so a new row starts untranslated on the other side.
 */
export function tableButtons(editor: Editor, inTable: boolean, t: TFunction): ToolbarButton[][] {
  const chain = () => editor.chain().focus();
  if (!inTable) {
    return [[{ icon: 'insertTable', label: t('tables.insertTable'), run: () => chain().insertTable({ rows: 3, cols: 2, withHeaderRow: true }).run() }]];
  }
  return [
    [
      { icon: 'addRow', label: t('tables.addRow'), run: () => chain().addRowAfter().run() },
      { icon: 'deleteRow', label: t('tables.deleteRow'), run: () => chain().deleteRow().run() },
      { icon: 'addColumn', label: t('tables.addColumn'), run: () => chain().addColumnAfter().run() },
      { icon: 'deleteColumn', label: t('tables.deleteColumn'), run: () => chain().deleteColumn().run() },
      { icon: 'deleteTable', label: t('tables.deleteTable'), run: () => chain().deleteTable().run() },
    ],
  ];
}
