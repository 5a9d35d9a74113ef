import type { Bilingual } from '@accord/model/declarationLayout';

/** What an export calls the text it prints: a named version by its label, any other by its kind. */
export function versionLabel(version: { kind: 'current' | 'adopted' | 'named' | 'automatic' | 'before-restore'; label: string | null }): Bilingual {
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
    case 'named':
      return { fr: 'Version enregistrée', ja: '保存版' };
  }
}
