import * as Y from 'yjs';
import { type Bilingual, getFragment, getSections, isSectionKind, LANGS, newBilingualMap, type SectionKind } from './declarationLayout';
import { newSid } from './newSid';
import { type SectionPlace, sectionPosition } from './sectionPosition';

export interface NewSection {
  kind: SectionKind;
  title: Bilingual;
  /** Before or after another section; by default before the next meeting's (`closing`) section, else last. */
  place?: SectionPlace | null;
  /** Id and segment id sources and the position's randomness, for reproducible documents in tests. */
  makeId?: () => string;
  makeSid?: () => string;
  random?: () => number;
}

/**
 * Adds a section to a declaration in one transaction of `doc` and returns its id: a fresh random
 * id, its entry in `sections` (id, kind, title, position) and one empty paragraph, under one new
 * segment id, in both its French and Japanese text. Writing that first paragraph here, by the one
 * client that made the id, is what keeps two editors that open the empty section at once from
 * each writing a paragraph of their own (docs/document-model.md, rule 5).
 *
 * Throws for an unknown kind or a place naming a section the document does not list (misuse).
 */
export function insertSection(doc: Y.Doc, section: NewSection, origin: unknown = null): string {
  if (!isSectionKind(section.kind)) throw new Error(`insertSection: unknown kind ${String(section.kind)}`);
  const id = (section.makeId ?? newSectionId)();
  const sid = (section.makeSid ?? newSid)();
  doc.transact(() => {
    const map = new Y.Map<unknown>();
    map.set('id', id);
    map.set('kind', section.kind);
    map.set('title', newBilingualMap(section.title));
    map.set('position', sectionPosition(doc, section.place ?? null, null, section.random));
    getSections(doc).push([map]);
    for (const lang of LANGS) {
      const paragraph = new Y.XmlElement('paragraph');
      paragraph.setAttribute('sid', sid);
      getFragment(doc, id, lang).insert(0, [paragraph]);
    }
  }, origin);
  return id;
}

/** A new section id: `x` and 10 random letters (50 bits), URL-safe and never a template id. */
export function newSectionId(): string {
  return `x${newSid().slice(1, 11)}`;
}
