import * as Y from 'yjs';
import { type Bilingual, getMeta, newBilingualMap, readBilingual } from './declarationLayout';

/**
 * The two mayors who sign the adopted declaration, kept in `meta` (docs/document-model.md): each
 * name and each office as a `{fr, ja}` nested map, so the French and the Japanese committee can
 * write their halves at the same moment. Not part of the plain JSON (`readDeclaration`): adding
 * them changed no existing version's hash; they freeze with the rest of the document on adoption.
 */
export const SIGNATORY_KEYS = {
  french: { name: 'frenchMayor', office: 'frenchMayorOffice' },
  japanese: { name: 'japaneseMayor', office: 'japaneseMayorOffice' },
} as const;

export type SignatorySide = keyof typeof SIGNATORY_KEYS;
export const SIGNATORY_SIDES = ['french', 'japanese'] as const satisfies readonly SignatorySide[];

export interface Signatory {
  /** The mayor's name as written in French and in Japanese (`""` when not set yet). */
  name: Bilingual;
  /** The office, e.g. « Maire de Cannes » / カンヌ市長 (`""` when not set yet). */
  office: Bilingual;
}

export type Signatories = Record<SignatorySide, Signatory>;

/** Both signatories; missing or foreign-shaped entries read as `""`, never throw. */
export function readSignatories(doc: Y.Doc): Signatories {
  const meta = getMeta(doc);
  const read = (side: SignatorySide): Signatory => ({
    name: readBilingual(meta.get(SIGNATORY_KEYS[side].name)),
    office: readBilingual(meta.get(SIGNATORY_KEYS[side].office)),
  });
  return { french: read('french'), japanese: read('japanese') };
}

/**
 * The nested map of one signatory field, created (empty) when the document has none yet — a
 * declaration made before these fields existed. New declarations get them from the template, so
 * two committees never race to create the same map there.
 */
export function signatoryMap(doc: Y.Doc, key: string): Y.Map<string> {
  const meta = getMeta(doc);
  const existing = meta.get(key);
  if (existing instanceof Y.Map) return existing as Y.Map<string>;
  const map = newBilingualMap({ fr: '', ja: '' });
  meta.set(key, map);
  return map;
}

/** Writes empty signatory maps into a new document's `meta` (inside the template's transaction). */
export function writeEmptySignatories(doc: Y.Doc): void {
  const meta = getMeta(doc);
  for (const side of SIGNATORY_SIDES) {
    for (const key of Object.values(SIGNATORY_KEYS[side])) meta.set(key, newBilingualMap({ fr: '', ja: '' }));
  }
}
