import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { resources } from './resources';
import { initialUiLanguage, isUiLanguage } from './uiLanguage';

/** Starts i18next with the bundled messages and keeps `<html lang>` in step with the language. */
export function initI18n(): i18n {
  const lng = initialUiLanguage();
  void i18next.use(initReactI18next).init({
    resources,
    lng,
    fallbackLng: 'en',
    supportedLngs: ['fr', 'ja', 'en'],
    // The messages are bundled: initialise synchronously so the first render is translated.
    initAsync: false,
    // React escapes text itself.
    interpolation: { escapeValue: false },
  });
  const applyLang = (language: string) => {
    // Screen readers and the `:lang()` font rules both follow this attribute.
    document.documentElement.lang = isUiLanguage(language) ? language : 'en';
  };
  applyLang(lng);
  i18next.on('languageChanged', applyLang);
  return i18next;
}
