import { Extension } from '@tiptap/core';
import type { Node as PmNode } from '@tiptap/pm/model';
import { Plugin, PluginKey, TextSelection } from '@tiptap/pm/state';
import type { EditorView } from '@tiptap/pm/view';
import { absolutePositionToRelativePosition, relativePositionToAbsolutePosition, ySyncPluginKey } from '@tiptap/y-tiptap';
import type * as Y from 'yjs';

export const compositionHoldPluginKey = new PluginKey('compositionHold');

/** The parts of y-tiptap's ProsemirrorBinding this extension holds and releases (3.0.9). */
interface Binding {
  type: Y.XmlFragment;
  doc: Y.Doc;
  mapping: Parameters<typeof absolutePositionToRelativePosition>[2];
  /** The observer of `type` that renders remote changes (bound once, in the constructor). */
  _observeFunction: (events: Array<Y.YEvent<Y.AbstractType<unknown>>>, transaction: Y.Transaction) => void;
  /** Writes the ProseMirror document into `type`; looked up on the instance at each call. */
  _prosemirrorChanged(doc: PmNode): void;
  /** Renders `type` afresh into the editor. */
  _forceRerender(): void;
}

/** A composition in progress: where it started in the Y document, and where it is now locally. */
interface Held {
  binding: Binding;
  startRel: Y.RelativePosition;
  endRel: Y.RelativePosition;
  /** The composed range in the current local document, mapped through every local change. */
  from: number;
  to: number;
}

/**
 * Keeps an IME composition whole while others type in the same text (issue #11).
 *
 * A remote change re-renders the editor's blocks; when it lands next to the composition, the
 * browser's composition range is lost, and the next reading the IME sends is inserted instead of
 * replacing the previous one: stray kana (ににほにほん…). So, from compositionstart to
 * compositionend, this editor neither renders remote changes nor writes its own intermediate
 * readings to Yjs (y-prosemirror #81). Remote changes keep arriving in the Y.Doc meanwhile; every
 * other editor of the page and every other person stay live. At the end, the editor renders the
 * Y.Doc afresh and inserts the committed text once, where the composition started — a Yjs relative
 * position, so it follows whatever others typed before it — as an ordinary local edit.
 */
export const CompositionHoldExtension = Extension.create({
  name: 'compositionHold',

  addProseMirrorPlugins() {
    let held: Held | null = null;
    let pendingEnd: ReturnType<typeof setTimeout> | null = null;

    const bindingOf = (view: EditorView): Binding | null => {
      const state: { binding?: Binding } | undefined = ySyncPluginKey.getState(view.state);
      return state?.binding ?? null;
    };

    const start = (view: EditorView) => {
      const binding = bindingOf(view);
      if (!binding || held) return;
      guardWrites(binding);
      const { from, to } = view.state.selection;
      held = {
        binding,
        startRel: absolutePositionToRelativePosition(from, binding.type, binding.mapping),
        endRel: absolutePositionToRelativePosition(to, binding.type, binding.mapping),
        from,
        to,
      };
      holding.add(binding);
      binding.type.unobserveDeep(binding._observeFunction);
    };

    const finish = (view: EditorView) => {
      if (pendingEnd !== null) clearTimeout(pendingEnd);
      pendingEnd = null;
      const ending = held;
      if (!ending || view.isDestroyed) return;
      held = null;
      const { binding } = ending;
      const committed = view.state.doc.slice(ending.from, ending.to);
      holding.delete(binding);
      binding.type.observeDeep(binding._observeFunction);
      // The Y.Doc as it is now, with what others typed meanwhile and without the readings.
      binding._forceRerender();
      const at = (rel: Y.RelativePosition) => relativePositionToAbsolutePosition(binding.doc, binding.type, rel, binding.mapping);
      const size = view.state.doc.content.size;
      const from = at(ending.startRel) ?? Math.min(ending.from, size);
      const to = Math.max(from, at(ending.endRel) ?? from);
      // A cancelled composition with nothing selected before it changes nothing.
      if (committed.size === 0 && from === to) return;
      const tr = view.state.tr.replace(from, to, committed);
      tr.setSelection(TextSelection.create(tr.doc, tr.mapping.map(to)));
      view.dispatch(tr);
    };

    return [
      new Plugin({
        key: compositionHoldPluginKey,
        // Every change while composing is local (remote ones are held): map the composed range.
        appendTransaction(transactions) {
          if (held) {
            for (const tr of transactions) {
              held.from = tr.mapping.map(held.from, -1);
              held.to = tr.mapping.map(held.to, 1);
            }
          }
          return null;
        },
        props: {
          handleDOMEvents: {
            compositionstart(view) {
              // A composition that follows right after the last one: commit the last one first.
              if (pendingEnd !== null) finish(view);
              start(view);
              return false;
            },
            compositionend(view) {
              // ProseMirror reads the committed text from the DOM in a microtask after this event;
              // a task later, the local document holds it.
              if (held) pendingEnd = setTimeout(() => finish(view), 0);
              return false;
            },
          },
        },
        view() {
          return {
            destroy() {
              if (pendingEnd !== null) clearTimeout(pendingEnd);
              if (held) {
                holding.delete(held.binding);
                held.binding.type.observeDeep(held.binding._observeFunction);
              }
              held = null;
            },
          };
        },
      }),
    ];
  },
});

/** Bindings whose writes to Yjs are held (a composition is in progress in their editor). */
const holding = new WeakSet<Binding>();
const guarded = new WeakSet<Binding>();

/** Makes `binding` skip writing the editor into Yjs while it is in `holding`. */
function guardWrites(binding: Binding): void {
  if (guarded.has(binding)) return;
  guarded.add(binding);
  const write = binding._prosemirrorChanged.bind(binding);
  binding._prosemirrorChanged = (doc) => {
    // Writing now would also undo, in Yjs, the remote changes this editor has not rendered.
    if (!holding.has(binding)) write(doc);
  };
}
