import { useTranslation } from 'react-i18next';
import type { LanguageMovement } from '@accord/diff/diffDeclarations';

/** Which language moved: the other one is probably the stale translation. */
export function LanguageTag({ languages }: { languages: LanguageMovement }) {
  const { t } = useTranslation();
  return (
    <span className={`language-tag language-tag--${languages}`} data-languages={languages}>
      {t(`compare.languages.${languages}`)}
    </span>
  );
}
