import { useEffect, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { SignInNeeded } from '../access/SignInNeeded';
import { Link } from '../routing/Link';
import { ADMIN_PATH } from '../routing/route';
import { AppHeader } from '../ui/AppHeader';
import { DeclarationList } from './DeclarationList';
import { NewDeclarationForm } from './NewDeclarationForm';
import { useDeclarationList } from './useDeclarationList';

export function HomePage() {
  const { t } = useTranslation();
  const [list, reload] = useDeclarationList();
  const headingId = useId();
  const admin = list.status === 'ready' && list.admin;
  useEffect(() => {
    document.title = `${t('home.heading')} — ${t('app.name')}`;
  }, [t]);
  if (list.status === 'unauthorized') return <SignInNeeded />;
  return (
    <>
      <AppHeader />
      <main id="main" className="home">
        <div className="home__intro">
          <h1 id={headingId}>{t('home.heading')}</h1>
          <p className="lede">{t('home.intro')}</p>
        </div>
        <section className="home__list" aria-labelledby={headingId} aria-busy={list.status === 'loading'}>
          {list.status === 'loading' && <p className="muted">{t('home.loading')}</p>}
          {list.status === 'error' && (
            <div className="notice notice--error" role="alert">
              <p>{t('home.loadError', { message: list.message })}</p>
              <button type="button" className="button" onClick={reload}>
                {t('home.retry')}
              </button>
            </div>
          )}
          {list.status === 'ready' && <DeclarationList declarations={list.declarations} />}
        </section>
        {admin ? (
          <NewDeclarationForm />
        ) : (
          <p className="home__admin-link">
            <Link href={ADMIN_PATH}>{t('access.adminLink')}</Link>
          </p>
        )}
      </main>
    </>
  );
}
