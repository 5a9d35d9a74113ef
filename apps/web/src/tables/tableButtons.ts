import type { CommandProps, Editor } from '@tiptap/core';
import { TextSelection } from '@tiptap/pm/state';
import { selectionCell, TableMap } from '@tiptap/pm/tables';
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
      { icon: 'addRow', label: t('tables.addRow'), run: () => chain().addRowAfter().command(caretDown).run() },
      { icon: 'deleteRow', label: t('tables.deleteRow'), run: () => chain().deleteRow().run() },
      { icon: 'addColumn', label: t('tables.addColumn'), run: () => chain().addColumnAfter().run() },
      { icon: 'deleteColumn', label: t('tables.deleteColumn'), run: () => chain().deleteColumn().run() },
      { icon: 'deleteTable', label: t('tables.deleteTable'), run: () => chain().deleteTable().run() },
    ],
  ];
}

/** Moves the caret to the cell below (the new row's, after « add a row »): people add a row to type in it. */
function caretDown({ tr, state }: CommandProps): boolean {
  const $cell = selectionCell(state);
  const table = $cell.node(-1);
  const tableStart = $cell.start(-1);
  const map = TableMap.get(table);
  const rect = map.findCell($cell.pos - tableStart);
  if (rect.bottom >= map.height) return true;
  const below = tableStart + map.map[rect.bottom * map.width + rect.left]!;
  tr.setSelection(TextSelection.near(tr.doc.resolve(below + 1)));
  return true;
}
