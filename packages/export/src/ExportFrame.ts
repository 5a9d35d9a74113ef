import type { Bilingual } from '@accord/model/declarationLayout';

/** The languages an export is made in: one of the two, or both side by side. */
export const EXPORT_LANGS = ['fr', 'ja', 'bilingual'] as const;
export type ExportLang = (typeof EXPORT_LANGS)[number];

/** What surrounds the text of an export: which version it is and whether it is the adopted text. */
export interface ExportFrame {
  lang: ExportLang;
  /** The version's name, in both languages (a named version's label is the same in both). */
  versionLabel: Bilingual;
  /** When the exported state was saved (a version) or read (the live text), ISO 8601. */
  versionDate: string;
  /**
   * The exported text is the one the adoption is bound to (same hash, adoption in force). Anything
   * else is a draft: marked « projet » / 草案 on every page, and without signature blocks.
   */
  adopted: boolean;
}

/** How many characters of the SHA-256 an export prints: enough to tell two texts apart by eye. */
export const HASH_PREFIX_LENGTH = 12;
