import { Table } from '@tiptap/extension-table';
import { Plugin } from '@tiptap/pm/state';
import { tableEditingKey } from '@tiptap/pm/tables';
import { ySyncPluginKey } from '@tiptap/y-tiptap';

/**
 * `plugin` (prosemirror-tables' `tableEditing`) with its repair of ragged tables run only after
 * this editor's own edits. A remote change can leave a row short of cells (one person adds a
 * column while another adds a row); if every open editor repaired it on receiving it, each would
 * add its own filler cell and the row would end up with one per person. As for segment ids
 * (`sidExtension`), the client that edits the table repairs it.
 */
export function onlyAfterLocalEdits(plugin: Plugin): Plugin {
  const append = plugin.spec.appendTransaction;
  if (!append) return plugin;
  return new Plugin({
    ...plugin.spec,
    appendTransaction(transactions, oldState, state) {
      if (transactions.every((tr) => tr.getMeta(ySyncPluginKey) !== undefined)) return null;
      return append.call(this, transactions, oldState, state);
    },
  });
}

/** TipTap's table, without resizing (no column widths written), repairing only after local edits. */
export const DeclarationTable = Table.extend({
  addProseMirrorPlugins() {
    return (this.parent?.() ?? []).map((plugin) => (plugin.spec.key === tableEditingKey ? onlyAfterLocalEdits(plugin) : plugin));
  },
}).configure({ resizable: false });
