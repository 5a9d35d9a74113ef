import { canonicalHash } from '@accord/model/canonicalHash';
import { type Bilingual, getFragment, type SectionKind, sectionEntries, readBilingual } from '@accord/model/declarationLayout';
import { type DeclarationMeta, readDeclaration } from '@accord/model/readDeclaration';
import { readSignatories, type Signatories } from '@accord/model/signatories';
import type * as Y from 'yjs';
import { readRichSection } from './readRichSection';
import type { RichBlock } from './richText';

export interface ExportSection {
  id: string;
  kind: SectionKind;
  title: Bilingual;
  fr: RichBlock[];
  ja: RichBlock[];
}

/** Everything an export prints, as plain values: read from a document once, rendered later. */
export interface ExportContent {
  meta: DeclarationMeta;
  signatories: Signatories;
  sections: ExportSection[];
  /** SHA-256 of the declaration's canonical JSON: the hash versions and the adoption are bound to. */
  hash: string;
}

/**
 * Reads what an export needs from a declaration's document. Pure and synchronous, so the server can
 * run it inside a room's queue (a consistent state) and render the result outside it.
 */
export function readExportContent(doc: Y.Doc): ExportContent {
  const json = readDeclaration(doc);
  return {
    meta: json.meta,
    signatories: readSignatories(doc),
    sections: sectionEntries(doc).map(({ id, kind, map }) => ({
      id,
      kind,
      title: readBilingual(map.get('title')),
      fr: readRichSection(getFragment(doc, id, 'fr')),
      ja: readRichSection(getFragment(doc, id, 'ja')),
    })),
    hash: canonicalHash(json),
  };
}
