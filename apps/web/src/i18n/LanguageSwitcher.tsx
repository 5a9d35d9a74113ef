import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { UI_LANGUAGES } from './resources';
import { useUiLanguage } from './useUiLanguage';

/** On a phone (layout/layout.css) the buttons show these, each still in its own language. */
const SHORT_NAMES = { fr: 'FR', ja: '日本語', en: 'EN' } as const;

/**
 * Three buttons rather than a drop-down: one click, and each language is written in itself so a
 * reader can find theirs whatever the current language is.
 */
export function LanguageSwitcher() {
  const { t } = useTranslation();
  const [current, setLanguage] = useUiLanguage();
  const labelId = useId();
  return (
    <div className="language-switcher" role="group" aria-labelledby={labelId} data-testid="language-switcher">
      <span id={labelId} className="visually-hidden">
        {t('language.label')}
      </span>
      {UI_LANGUAGES.map((lang) => (
        <button
          key={lang}
          type="button"
          lang={lang}
          className="language-switcher__option"
          aria-pressed={current === lang}
          data-lang={lang}
          onClick={() => setLanguage(lang)}
        >
          <span className="language-switcher__full">{t(`language.${lang}`)}</span>
          <span className="language-switcher__short">{SHORT_NAMES[lang]}</span>
        </button>
      ))}
    </div>
  );
}
