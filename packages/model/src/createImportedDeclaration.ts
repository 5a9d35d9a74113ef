import * as Y from 'yjs';
import { type Bilingual, type SectionKind, getFragment, getMeta, getSections, newBilingualMap } from './declarationLayout';
import { newSid } from './newSid';
import type { DeclarationMeta } from './readDeclaration';
import { confirmTranslation } from './translationState';
import { type RichBlock, richTextblocks, writeRichBlocks } from './writeRichBlocks';

export interface ImportedSection {
  kind: SectionKind;
  title: Bilingual;
  blocks: RichBlock[];
}

/**
 * Writes an imported declaration into an empty document, in one transaction: its metadata, its
 * sections in the given order and of any kinds, their text in both languages with shared segment
 * ids, and a translation confirmation (by `by`) for every textblock marked `confirmed` — the
 * others start as « to review » or untranslated. Section ids are the kind, numbered from the
 * second of a kind on (`workshop`, `workshop-2`…). Only the server calls this, like
 * `createDeclaration`.
 */
export function createImportedDeclaration(
  doc: Y.Doc,
  declaration: { meta: DeclarationMeta; sections: readonly ImportedSection[] },
  by: string,
  makeSid: () => string = newSid,
): void {
  if (getSections(doc).length > 0) throw new Error('createImportedDeclaration: the document already has sections');
  const at = new Date();
  doc.transact(() => {
    const meta = getMeta(doc);
    const m = declaration.meta;
    meta.set('title', newBilingualMap(m.title));
    meta.set('edition', m.edition);
    meta.set('hostCity', newBilingualMap(m.hostCity));
    meta.set('nextHostCity', newBilingualMap(m.nextHostCity));
    meta.set('startDate', m.startDate);
    meta.set('endDate', m.endDate);
    const used = new Map<string, number>();
    for (const section of declaration.sections) {
      const count = (used.get(section.kind) ?? 0) + 1;
      used.set(section.kind, count);
      const id = count === 1 ? section.kind : `${section.kind}-${count}`;
      const map = new Y.Map<unknown>();
      map.set('id', id);
      map.set('kind', section.kind);
      map.set('title', newBilingualMap(section.title));
      getSections(doc).push([map]);
      const textblocks = richTextblocks(section.blocks);
      const sids = textblocks.map(() => makeSid());
      writeRichBlocks(getFragment(doc, id, 'fr'), section.blocks, 'fr', sids);
      writeRichBlocks(getFragment(doc, id, 'ja'), section.blocks, 'ja', sids);
      textblocks.forEach((block, k) => {
        if (!block.confirmed) return;
        const plain = (lang: 'fr' | 'ja') => block.text[lang].map((r) => r.text).join('');
        confirmTranslation(doc, { sid: sids[k]!, fr: plain('fr'), ja: plain('ja') }, by, at);
      });
    }
  });
}
