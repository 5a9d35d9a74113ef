import { useEffect, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { SignInNeeded } from '../access/SignInNeeded';
import { SignOutButton } from '../access/SignOutButton';
import { getSession } from '../api/sessionApi';
import { Link } from '../routing/Link';
import { ADMIN_PATH } from '../routing/route';
import { AppHeader } from '../ui/AppHeader';
import { DeclarationList } from './DeclarationList';
import { NewDeclarationForm } from './NewDeclarationForm';
import { listDeclarations } from '../api/declarationsApi';
import { useLoaded } from '../api/useLoaded';

export function HomePage() {
  const { t } = useTranslation();
  // Who this browser is first (A18): a visitor without a session gets the explanation, not a 401.
  const [list, reload] = useLoaded('declarations', async (signal) => {
    const session = await getSession(signal);
    return session.admin || session.declarations.length > 0 ? listDeclarations(signal) : null;
  });
  const headingId = useId();
  const admin = list.status === 'ready' && list.value !== null && list.value.admin;
  useEffect(() => {
    document.title = `${t('home.heading')} — ${t('app.name')}`;
  }, [t]);
  // No session at all on this device (401): not an error, the person has not joined yet.
  if ((list.status === 'error' && list.httpStatus === 401) || (list.status === 'ready' && list.value === null)) return <SignInNeeded />;
  return (
    <>
      <AppHeader>{list.status === 'ready' && <SignOutButton />}</AppHeader>
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
          {list.status === 'ready' && list.value && <DeclarationList declarations={list.value.declarations} />}
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
