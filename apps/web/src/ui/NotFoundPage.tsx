import { useTranslation } from 'react-i18next';
import { Link } from '../routing/Link';
import { AppHeader } from './AppHeader';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <>
      <AppHeader />
      <main id="main" className="home">
        <h1>{t('notFound.heading')}</h1>
        <p>{t('notFound.body')}</p>
        <p>
          <Link href="/">{t('editor.backHome')}</Link>
        </p>
      </main>
    </>
  );
}
