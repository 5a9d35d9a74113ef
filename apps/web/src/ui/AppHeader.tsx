import { type ReactNode, useLayoutEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitcher } from '../i18n/LanguageSwitcher';
import { Link } from '../routing/Link';

interface AppHeaderProps {
  /** Page-specific items beside the brand: a title, tabs. */
  children?: ReactNode;
  /**
   * A second row under the first, across the whole width: a page's actions and its status (the
   * editor's buttons, save state, role, presence). Room for more buttons without squeezing the
   * title or pushing the language switcher over anything (layout/layout.css, "Header").
   */
  bar?: ReactNode;
}

/** The bar on top of every page: the app's name (a link home), page-specific items, languages. */
export function AppHeader({ children, bar }: AppHeaderProps) {
  const { t } = useTranslation();
  const header = useAppHeaderHeight();
  return (
    <header ref={header} className={`app-header${bar ? ' app-header--with-bar' : ''}`} data-testid="app-header">
      <Link href="/" className="app-header__brand" aria-label={`${t('app.name')} — ${t('editor.backHome')}`}>
        <span className="app-header__logo" aria-hidden="true">
          A
        </span>
        <span className="app-header__name">{t('app.name')}</span>
      </Link>
      <div className="app-header__middle">{children}</div>
      <LanguageSwitcher />
      {bar && <div className="app-header__bar">{bar}</div>}
    </header>
  );
}

/**
 * Publishes the header's height as `--app-header-height` on the document, for what sticks under it
 * (the outline, the side panels): the header grows on a phone and with its second row.
 */
function useAppHeaderHeight() {
  const ref = useRef<HTMLElement>(null);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    const publish = () => document.documentElement.style.setProperty('--app-header-height', `${Math.ceil(element.getBoundingClientRect().height)}px`);
    publish();
    const observer = new ResizeObserver(publish);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return ref;
}
