import type { Lang } from '@accord/model/declarationLayout';

/** The words an exported document prints around the text, in the language of the part they label. */
export interface ExportLabels {
  draft: string;
  draftNotice: string;
  untranslated: string;
  version: string;
  hash: string;
  adoptedOn: string;
  signature: string;
  mayorFallback: string;
  sideFrench: string;
  sideJapanese: string;
  /** Between a label and its value: « \u00a0: » in French, a full-width colon in Japanese. */
  colon: string;
  /** `{page}` and `{pages}` are replaced by the page numbers (DOCX fields, CSS counters). */
  pageOf: string;
}

/** French typography: no-break spaces inside « » and before « : » as the template's text has them. */
export const EXPORT_LABELS: Record<Lang, ExportLabels> = {
  fr: {
    draft: 'PROJET',
    draftNotice: 'Projet — ce texte n’est pas le texte adopté.',
    untranslated: '[non traduit]',
    version: 'Version',
    hash: 'Empreinte SHA-256',
    adoptedOn: 'Texte adopté',
    signature: 'Signature',
    mayorFallback: 'Le maire',
    sideFrench: 'Pour la partie française',
    sideJapanese: 'Pour la partie japonaise',
    pageOf: 'Page {page} sur {pages}',
    colon: '\u00a0: ',
  },
  ja: {
    draft: '草案',
    draftNotice: '草案：この文書は採択された本文ではありません。',
    untranslated: '［未翻訳］',
    version: '版',
    hash: 'SHA-256',
    adoptedOn: '採択本文',
    signature: '署名',
    mayorFallback: '市長',
    sideFrench: 'フランス側',
    sideJapanese: '日本側',
    pageOf: '{page} / {pages} ページ',
    colon: '：',
  },
};

/** A date (ISO) as each language writes it: « 18 novembre 2026 », 2026年11月18日. UTC, so every server agrees. */
export function formatExportDate(iso: string, lang: Lang): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(lang === 'fr' ? 'fr-FR' : 'ja-JP', { dateStyle: 'long', timeZone: 'UTC' }).format(date);
}
