import { assignSids } from '@accord/model/assignSids';
import { TEXTBLOCK_TYPES } from '@accord/model/declarationLayout';
import { newSid } from '@accord/model/newSid';
import { Extension } from '@tiptap/core';
import type { Node as PmNode } from '@tiptap/pm/model';
import { type EditorState, Plugin, PluginKey, type Transaction } from '@tiptap/pm/state';
import { ySyncPluginKey } from '@tiptap/y-tiptap';

export const sidPluginKey = new PluginKey('segmentIds');

/** Meta on a transaction that asks the plugin to check the document though nobody edited it. */
const CHECK_ON_LOAD = 'checkOnLoad';

/**
 * Segment ids: every paragraph and heading carries a `sid` attribute (`data-sid` in the DOM);
 * the same sid in the French and Japanese fragment of a section marks a block and its
 * translation. The plugin repairs missing and duplicated ids with the model's `assignSids` rule.
 *
 * It repairs only after local edits (and once on load): a remote change was already repaired by
 * the client that made it, and if both clients repaired the same blocks they would overwrite each
 * other's fresh ids back and forth.
 */
export const SidExtension = Extension.create({
  name: 'segmentIds',

  addGlobalAttributes() {
    return [
      {
        types: [...TEXTBLOCK_TYPES],
        attributes: {
          sid: {
            default: null,
            // Splitting copies the id to both halves; the repair then gives the new half a fresh
            // one, which is the model's rule (see `assignSids`).
            keepOnSplit: true,
            parseHTML: (element) => element.getAttribute('data-sid'),
            renderHTML: (attributes) => (typeof attributes.sid === 'string' ? { 'data-sid': attributes.sid } : {}),
          },
        },
      },
    ];
  },

  addProseMirrorPlugins() {
    return [
      new Plugin({
        key: sidPluginKey,
        appendTransaction(transactions, _oldState, state) {
          const onLoad = transactions.some((tr) => tr.getMeta(sidPluginKey) === CHECK_ON_LOAD);
          const localEdit = transactions.some((tr) => tr.docChanged && tr.getMeta(ySyncPluginKey) === undefined);
          if (!onLoad && !localEdit) return null;
          const tr = repairSids(state);
          // A repair on load is not the user's edit: keep it out of their undo history.
          if (tr && !localEdit) tr.setMeta('addToHistory', false);
          return tr;
        },
        view(view) {
          // The Yjs content has been rendered by now (the sync plugin comes first); blocks without
          // ids were written by a client that does not follow the model. An empty fragment stays
          // untouched: writing an empty paragraph into it would race with other clients doing the same.
          let cancelled = false;
          queueMicrotask(() => {
            // A read-only editor writes nothing, repairs included: the server would refuse the
            // change (4403) and this page would have to discard its copy of the declaration.
            if (cancelled || view.isDestroyed || !view.editable) return;
            const ystate: { type?: { length: number } } | undefined = ySyncPluginKey.getState(view.state);
            if (!ystate?.type || ystate.type.length === 0) return;
            if (!needsRepair(view.state.doc)) return;
            view.dispatch(view.state.tr.setMeta(sidPluginKey, CHECK_ON_LOAD));
          });
          return {
            destroy() {
              cancelled = true;
            },
          };
        },
      }),
    ];
  },
});

interface Textblock {
  pos: number;
  node: PmNode;
}

function textblocks(doc: PmNode): Textblock[] {
  const out: Textblock[] = [];
  doc.descendants((node, pos) => {
    if ((TEXTBLOCK_TYPES as readonly string[]).includes(node.type.name)) {
      out.push({ pos, node });
      return false;
    }
    return true;
  });
  return out;
}

function sidOf(node: PmNode): string | null {
  const sid: unknown = node.attrs.sid;
  return typeof sid === 'string' && sid !== '' ? sid : null;
}

function needsRepair(doc: PmNode): boolean {
  const seen = new Set<string>();
  for (const { node } of textblocks(doc)) {
    const sid = sidOf(node);
    if (sid === null || seen.has(sid)) return true;
    seen.add(sid);
  }
  return false;
}

/**
 * Applies `assignSids` to the document, with one refinement for Enter at the very start of a
 * block: ProseMirror then leaves the original attributes on the new, empty block before the text.
 * The text is what has a translation, so when a duplicated id sits on an empty block and on a
 * non-empty one, the non-empty one keeps it.
 */
export function repairSids(state: EditorState): Transaction | null {
  const blocks = textblocks(state.doc);
  const sids = blocks.map(({ node }) => sidOf(node));
  const nonEmptyHolders = new Set<string>();
  blocks.forEach(({ node }, i) => {
    const sid = sids[i];
    if (sid && node.content.size > 0) nonEmptyHolders.add(sid);
  });
  const counts = new Map<string, number>();
  for (const sid of sids) if (sid) counts.set(sid, (counts.get(sid) ?? 0) + 1);
  const preferred = sids.map((sid, i) =>
    sid && (counts.get(sid) ?? 0) > 1 && blocks[i]!.node.content.size === 0 && nonEmptyHolders.has(sid) ? null : sid,
  );
  const changes = assignSids(preferred, newSid);
  if (changes.length === 0) return null;
  const tr = state.tr;
  for (const { index, sid } of changes) tr.setNodeAttribute(blocks[index]!.pos, 'sid', sid);
  return tr;
}
