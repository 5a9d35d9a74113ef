import type { Bilingual, Lang } from '@accord/model/declarationLayout';
import { SIGNATORY_SIDES } from '@accord/model/signatories';
import { type ExportFrame, type ExportLang, HASH_PREFIX_LENGTH } from './ExportFrame';
import { EXPORT_LABELS } from './exportLabels';
import type { ExportContent } from './readExportContent';

/**
 * The parts every format prints the same way, so the DOCX, the print view and the PDF never
 * disagree about what a document is: its languages, its status line, its signature blocks.
 */
export function languagesOf(lang: ExportLang): readonly Lang[] {
  return lang === 'bilingual' ? ['fr', 'ja'] : [lang];
}

/** « Texte adopté » / 採択本文, or the draft mark, in each language; and the printed hash prefix. */
export function documentStatus(content: ExportContent, frame: ExportFrame): Bilingual & { hashPrefix: string } {
  const word = (l: Lang) => (frame.adopted ? EXPORT_LABELS[l].adoptedOn : EXPORT_LABELS[l].draft);
  return { fr: word('fr'), ja: word('ja'), hashPrefix: content.hash.slice(0, HASH_PREFIX_LENGTH) };
}

export interface SignatoryLine {
  lang: Lang;
  role: 'side' | 'office' | 'name';
  text: string;
}

/**
 * The two signature blocks, French side first: for each printed language, the side, the office
 * (« Le maire » / 市長 until a committee sets it) and the name (blank until set, to be written by
 * hand; the other language's spelling when only that one is set).
 */
export function signatoryLines(content: ExportContent, langs: readonly Lang[]): Array<{ side: 'french' | 'japanese'; lines: SignatoryLine[] }> {
  return SIGNATORY_SIDES.map((side) => {
    const who = content.signatories[side];
    const pick = (value: Bilingual, l: Lang) => value[l].trim() || value[l === 'fr' ? 'ja' : 'fr'].trim();
    const lines: SignatoryLine[] = [];
    for (const l of langs) {
      const labels = EXPORT_LABELS[l];
      lines.push({ lang: l, role: 'side', text: side === 'french' ? labels.sideFrench : labels.sideJapanese });
      lines.push({ lang: l, role: 'office', text: pick(who.office, l) || labels.mayorFallback });
      const name = pick(who.name, l);
      if (name !== '') lines.push({ lang: l, role: 'name', text: name });
    }
    return { side, lines };
  });
}
