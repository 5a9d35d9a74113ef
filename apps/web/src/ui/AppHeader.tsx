import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitcher } from '../i18n/LanguageSwitcher';
import { Link } from '../routing/Link';

/** The bar on top of every page: the app's name (a link home), page-specific items, languages. */
export function AppHeader({ children }: { children?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <header className="app-header">
      <Link href="/" className="app-header__brand" aria-label={`${t('app.name')} — ${t('editor.backHome')}`}>
        <span className="app-header__logo" aria-hidden="true">
          A
        </span>
        <span>{t('app.name')}</span>
      </Link>
      <div className="app-header__middle">{children}</div>
      <LanguageSwitcher />
    </header>
  );
}
