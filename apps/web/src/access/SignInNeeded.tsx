import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from '../routing/Link';
import { ADMIN_PATH } from '../routing/route';
import { AppHeader } from '../ui/AppHeader';

/**
 * What someone without a session sees: not an error, an explanation. People open Accord from the
 * personal link of their invitation; administrators sign in with their token.
 */
export function SignInNeeded({ declarationId }: { declarationId?: string }) {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = `${t('access.heading')} — ${t('app.name')}`;
  }, [t]);
  return (
    <>
      <AppHeader />
      <main id="main" className="home sign-in-needed" data-testid="sign-in-needed">
        <div className="panel welcome-panel">
          <h1>{t('access.heading')}</h1>
          <p className="lede">{declarationId ? t('access.declarationBody') : t('access.body')}</p>
          <p className="muted">{t('access.lostLink')}</p>
          <p className="welcome-panel__footer">
            <Link href={ADMIN_PATH} data-testid="admin-sign-in-link">
              {t('access.adminLink')}
            </Link>
          </p>
        </div>
      </main>
    </>
  );
}
