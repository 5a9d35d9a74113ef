import { getFragment } from '@accord/model/declarationLayout';
import * as Y from 'yjs';

/** Where a replayed trace is written: one paragraph of its own in this section fragment. */
export const TRACE_SECTION = { id: 'plenary', lang: 'fr' } as const;

/**
 * The text of the paragraph whose `sid` is `sid` in the trace's section fragment, or `null` while
 * the document has no such paragraph. Read as the delta's strings, not `toString()`, which would
 * render formatting as markup (a trace has none, but the comparison must be exact).
 */
export function traceText(doc: Y.Doc, sid: string): string | null {
  for (const node of getFragment(doc, TRACE_SECTION.id, TRACE_SECTION.lang).toArray()) {
    if (!(node instanceof Y.XmlElement) || node.getAttribute('sid') !== sid) continue;
    const text = node.get(0);
    if (!(text instanceof Y.XmlText)) return null;
    return (text.toDelta() as { insert: unknown }[]).map((op) => (typeof op.insert === 'string' ? op.insert : '')).join('');
  }
  return null;
}
