/**
 * Every string of the interface, in the three interface languages, one file each. English is
 * the reference shape: French and Japanese must have exactly its keys, so a missing translation
 * fails the type check instead of showing a key to a committee member.
 */
import { en, type Messages } from './en';
import { fr } from './fr';
import { ja } from './ja';

export const UI_LANGUAGES = ['fr', 'ja', 'en'] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];

export const resources: Record<UiLanguage, { translation: Messages }> = {
  en: { translation: en },
  fr: { translation: fr },
  ja: { translation: ja },
};
