import type { Bilingual } from '@accord/model/declarationLayout';

/** What an export calls the text it prints: a version by its label, else by its kind (`VersionKind`, or the live text). */
export function versionLabel(version: { kind: 'current' | 'adopted' | (string & {}); label: string | null }): Bilingual {
  if (version.label !== null && version.label.trim() !== '') return { fr: version.label, ja: version.label };
  switch (version.kind) {
    case 'current':
      return { fr: 'Texte en cours', ja: '現在の本文' };
    case 'adopted':
      return { fr: 'Texte adopté', ja: '採択本文' };
    case 'automatic':
      return { fr: 'Enregistrement automatique', ja: '自動保存版' };
    case 'before-restore':
      return { fr: 'Avant restauration', ja: '復元前の版' };
    case 'before-removal':
      return { fr: 'Avant suppression d’une section', ja: 'セクション削除前の版' };
    default:
      // A named version without a label, or a kind this reader does not know yet.
      return { fr: 'Version enregistrée', ja: '保存版' };
  }
}
