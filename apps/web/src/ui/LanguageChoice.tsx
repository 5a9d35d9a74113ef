import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { UI_LANGUAGES, type UiLanguage } from '../i18n/resources';

/** "Your language": three radio buttons, each language named in itself. */
export function LanguageChoice({ value, onChange, label }: { value: UiLanguage; onChange(lang: UiLanguage): void; label: string }) {
  const { t } = useTranslation();
  const name = useId();
  return (
    <fieldset className="language-choice" data-testid="language-choice">
      <legend>{label}</legend>
      <div className="language-choice__options">
        {UI_LANGUAGES.map((lang) => (
          <label key={lang} className="language-choice__option" lang={lang}>
            <input type="radio" name={name} value={lang} checked={value === lang} onChange={() => onChange(lang)} data-lang={lang} />
            <span>{t(`language.${lang}`)}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
