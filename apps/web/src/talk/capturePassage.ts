import type { Lang } from '@accord/model/declarationLayout';

/** A passage of one segment a person selected in an editor: where a comment or suggestion goes. */
export interface Passage {
  sectionId: string;
  lang: Lang;
  sid: string;
  /** Offsets in the block's plain text (a hard break is one character, as in the document model). */
  from: number;
  to: number;
  quote: string;
  /** The whole segment's text in this language, as the editor shows it. */
  blockText: string;
}

interface PmNode {
  attrs: Record<string, unknown>;
  content: { size: number };
  isTextblock: boolean;
  textBetween(from: number, to: number, blockSeparator?: string, leafText?: string): string;
}
interface PmView {
  state: { selection: { from: number; to: number }; doc: { resolve(pos: number): { parent: PmNode; parentOffset: number } } };
  posAtDOM(node: Node, offset: number): number;
}

let lastEditor: HTMLElement | null = null;
if (typeof document !== 'undefined') {
  document.addEventListener('focusin', (event) => {
    const prose = (event.target as Element | null)?.closest?.('.section-editor__prose');
    if (prose instanceof HTMLElement) lastEditor = prose;
  });
}

const proseOf = (node: Node | null): HTMLElement | null => {
  const element = node instanceof Element ? node : (node?.parentElement ?? null);
  const prose = element?.closest('.section-editor__prose');
  return prose instanceof HTMLElement ? prose : null;
};

/**
 * The passage selected now: the page's selection when it lies in an editor (read-only ones too),
 * else the last selection of the editor that last had the focus. A selection across blocks is
 * cut at the end of its first block: a comment belongs to one segment. `null` when no editor
 * holds a selection in a segment.
 */
export function capturePassage(): Passage | null {
  const selection = window.getSelection();
  const inPage = selection && selection.rangeCount > 0 ? proseOf(selection.anchorNode) : null;
  const dom = inPage ?? lastEditor;
  if (!dom || !dom.isConnected) return null;
  const view = (dom as HTMLElement & { editor?: { view: PmView } }).editor?.view;
  if (!view) return null;
  let from = view.state.selection.from;
  let to = view.state.selection.to;
  if (inPage && selection && proseOf(selection.focusNode) === dom) {
    const a = view.posAtDOM(selection.anchorNode!, selection.anchorOffset);
    const b = view.posAtDOM(selection.focusNode!, selection.focusOffset);
    from = Math.min(a, b);
    to = Math.max(a, b);
  }
  const $from = view.state.doc.resolve(from);
  const $to = view.state.doc.resolve(to);
  const block = $from.parent;
  const sid = block.attrs.sid;
  if (!block.isTextblock || typeof sid !== 'string') return null;
  const start = $from.parentOffset;
  const end = $to.parent === block ? $to.parentOffset : block.content.size;
  const sectionId = dom.dataset.sectionId;
  const lang = dom.dataset.lang;
  if (!sectionId || (lang !== 'fr' && lang !== 'ja')) return null;
  return {
    sectionId,
    lang,
    sid,
    from: start,
    to: end,
    quote: block.textBetween(start, end, undefined, '\n'),
    blockText: block.textBetween(0, block.content.size, undefined, '\n'),
  };
}
