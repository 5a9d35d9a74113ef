import { Extension } from '@tiptap/core';
import type { Node as PmNode } from '@tiptap/pm/model';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import './typography.css';

export const nbspPluginKey = new PluginKey<DecorationSet>('nbsp');

/** U+00A0 (before « : » and inside « ») and U+202F, the narrow one (before ; ! ?). */
const NBSP = /[\u00a0\u202f]/g;

function build(doc: PmNode): DecorationSet {
  const decorations: Decoration[] = [];
  doc.descendants((node, pos) => {
    if (!node.isText) return true;
    for (const match of node.text!.matchAll(NBSP)) {
      const from = pos + match.index;
      decorations.push(Decoration.inline(from, from + 1, { class: match[0] === '\u202f' ? 'nbsp nbsp--narrow' : 'nbsp' }));
    }
    return false;
  });
  return DecorationSet.create(doc, decorations);
}

/**
 * Shows non-breaking spaces with a faint tint, so committees see where French typography keeps
 * a space with its word. A view-only decoration: nothing is written to the document. During an
 * IME composition the tints are only mapped through the change, never rebuilt, so the text node
 * being composed is not re-rendered under the IME.
 */
export const NbspExtension = Extension.create({
  name: 'nbspMarks',
  addProseMirrorPlugins() {
    return [
      new Plugin<DecorationSet>({
        key: nbspPluginKey,
        state: {
          init: (_config, state) => build(state.doc),
          apply(tr, value) {
            if (!tr.docChanged) return value;
            // ProseMirror tags the transactions it makes from a composition.
            if (tr.getMeta('composition') !== undefined) return value.map(tr.mapping, tr.doc);
            return build(tr.doc);
          },
        },
        props: {
          decorations: (state) => nbspPluginKey.getState(state) ?? DecorationSet.empty,
        },
      }),
    ];
  },
});
