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
  /** The comments of an export asked with them (X7). `{who}` and `{date}` are replaced. */
  comments: string;
  resolvedBy: string;
  edited: string;
  passageGone: string;
  /** The passage is not found in the exported text (a saved version written before it). */
  passageAbsent: string;
  /** Where a comment's passage is when this export does not print it: in the other language. */
  passageIn: Record<Lang, string>;
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
    comments: 'Commentaires',
    resolvedBy: 'Résolu par {who}, le {date}',
    edited: 'modifié',
    passageGone: 'passage supprimé du texte',
    passageAbsent: 'passage absent de ce texte',
    passageIn: { fr: 'passage du texte français', ja: 'passage du texte japonais' },
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
    comments: 'コメント',
    resolvedBy: '{who}が解決済み（{date}）',
    edited: '編集済み',
    passageGone: '該当箇所は本文から削除されました',
    passageAbsent: 'この本文には該当箇所がありません',
    passageIn: { fr: 'フランス語本文の箇所', ja: '日本語本文の箇所' },
  },
};

/** A date (ISO) as each language writes it: « 18 novembre 2026 », 2026年11月18日. UTC, so every server agrees. */
export function formatExportDate(iso: string, lang: Lang): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(lang === 'fr' ? 'fr-FR' : 'ja-JP', { dateStyle: 'long', timeZone: 'UTC' }).format(date);
}

/** A moment (ISO) with its time, for comments: « 18 novembre 2026 à 10:05 UTC », 2026年11月18日 10:05 UTC. */
export function formatExportDateTime(iso: string, lang: Lang): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return `${new Intl.DateTimeFormat(lang === 'fr' ? 'fr-FR' : 'ja-JP', { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' }).format(date)} UTC`;
}
