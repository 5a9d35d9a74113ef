import * as Y from 'yjs';
import { getFragment, getMeta, getSections, LANGS, sectionEntries } from './declarationLayout';
import { getTranslations } from './translationState';

/**
 * Makes `live` show what `target` shows — sections, their order and titles, every section's text in
 * both languages, metadata and translation confirmations — as one ordinary change on top of
 * `live`'s history. Nothing is rewritten: what is replaced is deleted and re-inserted as new
 * items, so every client sees the restore as an edit, undoing it is another edit, and a client
 * coming back later with an old copy cannot bring the replaced text back (its items are deleted).
 *
 * Only what differs is touched: a restore that changes one section leaves the others' items — and
 * the carets in them — alone. Call it inside a transaction of `live`. Pure: no I/O.
 */
export function restoreContent(live: Y.Doc, target: Y.Doc): void {
  const liveSections = getSections(live);
  const targetSections = getSections(target);
  const ids = new Set([...sectionEntries(live), ...sectionEntries(target)].map((entry) => entry.id));
  // Texts first: a section that comes back finds its text ready when the list shows it.
  for (const id of ids) {
    for (const lang of LANGS) replaceFragment(getFragment(live, id, lang), getFragment(target, id, lang));
  }
  if (JSON.stringify(liveSections.toJSON()) !== JSON.stringify(targetSections.toJSON())) {
    liveSections.delete(0, liveSections.length);
    liveSections.insert(0, targetSections.toArray().map((section) => section.clone()));
  }
  replaceMap(getMeta(live), getMeta(target));
  replaceMap(getTranslations(live), getTranslations(target));
}

function replaceFragment(live: Y.XmlFragment, target: Y.XmlFragment): void {
  if (live.toString() === target.toString()) return;
  live.delete(0, live.length);
  // Declarations hold elements and text only; an XmlHook (never written by Accord) is not copied.
  const nodes = target.toArray().filter((node): node is Y.XmlElement | Y.XmlText => !(node instanceof Y.XmlHook));
  live.insert(0, nodes.map((node) => node.clone()));
}

function replaceMap(live: Y.Map<unknown>, target: Y.Map<unknown>): void {
  for (const key of [...live.keys()]) if (!target.has(key)) live.delete(key);
  for (const [key, value] of target.entries()) {
    if (JSON.stringify(toPlain(live.get(key))) === JSON.stringify(toPlain(value))) continue;
    live.set(key, value instanceof Y.AbstractType ? value.clone() : value);
  }
}

function toPlain(value: unknown): unknown {
  return value instanceof Y.AbstractType ? value.toJSON() : value;
}
