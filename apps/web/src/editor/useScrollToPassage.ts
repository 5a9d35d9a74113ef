import type { Editor } from '@tiptap/core';
import { useEffect } from 'react';

/**
 * Opens the editor at the place the address names — `#<section anchor>`, and `?sid=<segment>` for
 * one passage in it (links from the comparison view) — once that place has been rendered: the
 * section rows come with the first sync, their text a moment later, when each editor binds to
 * its Yjs fragment. Then puts the caret at the start of the passage — in `?lang=` when that
 * side has it — and tidies the address.
 */
export function useScrollToPassage(sectionCount: number): void {
  useEffect(() => {
    const anchor = decodeURIComponent(location.hash.slice(1));
    if (!anchor || sectionCount === 0) return;
    const params = new URLSearchParams(location.search);
    const sid = params.get('sid');
    const lang = params.get('lang');
    let frames = 0;
    let handle = 0;
    const attempt = () => {
      const section = document.getElementById(anchor);
      const selector = `.ProseMirror [data-sid="${CSS.escape(sid ?? '')}"]`;
      const block =
        sid && section
          ? ((lang === 'fr' || lang === 'ja' ? section.querySelector<HTMLElement>(`.ProseMirror[data-lang="${lang}"] [data-sid="${CSS.escape(sid)}"]`) : null) ??
            section.querySelector<HTMLElement>(selector))
          : null;
      // Give the passage about two seconds to appear (a removed one never will), then settle for the section.
      if (!section || (sid && !block && frames < 120)) {
        if (++frames < 240) handle = requestAnimationFrame(attempt);
        return;
      }
      const target = block ?? section;
      target.scrollIntoView({ block: block ? 'center' : 'start' });
      if (block) placeCaret(block);
      else section.focus({ preventScroll: true });
      if (sid) history.replaceState(history.state, '', `${location.pathname}${location.hash}`);
    };
    handle = requestAnimationFrame(attempt);
    return () => cancelAnimationFrame(handle);
    // Once, when the sections first exist: later edits must not pull the reader back.
  }, [sectionCount > 0]);
}

/** TipTap keeps its editor on the editable element; the caret goes to the start of `block`. */
export function placeCaret(block: HTMLElement): void {
  const root = block.closest<HTMLElement & { editor?: Editor }>('.ProseMirror');
  const editor = root?.editor;
  if (!editor || editor.isDestroyed) return;
  // By the segment id in the document rather than `posAtDOM(block, 0)`, which lands before the list
  // item (between items) when the passage is a list item's paragraph.
  const sid = block.dataset.sid;
  let pos = -1;
  editor.state.doc.descendants((node, at) => {
    if (pos >= 0) return false;
    if (node.isTextblock && node.attrs.sid === sid) pos = at + 1;
    return pos < 0;
  });
  if (pos < 0) pos = editor.view.posAtDOM(block, 0);
  editor.chain().setTextSelection(pos).focus(undefined, { scrollIntoView: false }).run();
}
