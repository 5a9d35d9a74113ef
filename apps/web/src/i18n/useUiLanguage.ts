import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { UiLanguage } from './resources';
import { isUiLanguage, rememberUiLanguage } from './uiLanguage';

/** The current interface language and a setter that also remembers the choice on this device. */
export function useUiLanguage(): [UiLanguage, (lang: UiLanguage) => void] {
  const { i18n } = useTranslation();
  const current = isUiLanguage(i18n.language) ? i18n.language : 'en';
  const set = useCallback(
    (lang: UiLanguage) => {
      rememberUiLanguage(lang);
      void i18n.changeLanguage(lang);
    },
    [i18n],
  );
  return [current, set];
}
