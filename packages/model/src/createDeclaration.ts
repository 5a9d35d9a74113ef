import * as Y from 'yjs';
import { type Bilingual, getFragment, getMeta, getSections, newBilingualMap } from './declarationLayout';
import { newSid } from './newSid';
import { readSegments } from './readDeclaration';
import { writeEmptySignatories } from './signatories';
import { TEMPLATE_SECTIONS } from './templateSections';
import { confirmTranslation } from './translationState';
import { countTextblocks, writeBlocks } from './writeBlocks';

export interface DeclarationOptions {
  title: Bilingual;
  edition?: number;
  hostCity?: Bilingual;
  nextHostCity?: Bilingual;
  startDate?: string;
  endDate?: string;
  /** Segment id source, for reproducible documents in tests. */
  makeSid?: () => string;
}

/**
 * Writes a new declaration from the template into an empty document, in one transaction.
 * Only the server calls this, once, when a declaration is created: a client that wrote the
 * template on its own would add a second copy of every section when it syncs.
 */
export function createDeclaration(doc: Y.Doc, options: DeclarationOptions): void {
  const makeSid = options.makeSid ?? newSid;
  const at = new Date();
  if (getSections(doc).length > 0) throw new Error('createDeclaration: the document already has sections');
  doc.transact(() => {
    const meta = getMeta(doc);
    meta.set('title', newBilingualMap(options.title));
    meta.set('edition', options.edition ?? null);
    meta.set('hostCity', newBilingualMap(options.hostCity ?? { fr: '', ja: '' }));
    meta.set('nextHostCity', newBilingualMap(options.nextHostCity ?? { fr: '', ja: '' }));
    meta.set('startDate', options.startDate ?? '');
    meta.set('endDate', options.endDate ?? '');
    writeEmptySignatories(doc);
    const sections = getSections(doc);
    TEMPLATE_SECTIONS.forEach((template, index) => {
      const section = new Y.Map<unknown>();
      section.set('id', template.id);
      section.set('kind', template.kind);
      section.set('title', newBilingualMap(template.title));
      // Reading order is by position (docs/document-model.md, "Sections array edits").
      section.set('position', index + 1);
      sections.push([section]);
      const sids = Array.from({ length: countTextblocks(template.blocks) }, makeSid);
      writeBlocks(getFragment(doc, template.id, 'fr'), template.blocks, 'fr', sids);
      writeBlocks(getFragment(doc, template.id, 'ja'), template.blocks, 'ja', sids);
      // The template is written as matching pairs: they start in sync.
      for (const segment of readSegments(doc, template.id)) confirmTranslation(doc, segment, 'template', at);
    });
  });
}

/** The declaration Accord shows on a fresh start, so a first visitor has something to edit. */
export const DEMO_DECLARATION: DeclarationOptions = {
  title: { fr: '9e Rencontres franco-japonaises — Déclaration de Cannes', ja: '第9回日仏自治体交流会議 カンヌ宣言' },
  edition: 9,
  hostCity: { fr: 'Cannes', ja: 'カンヌ' },
  nextHostCity: { fr: 'Japon (à préciser)', ja: '日本（未定）' },
  startDate: '2026-11-16',
  endDate: '2026-11-19',
};
