import { useTranslation } from 'react-i18next';
import { AppHeader } from './AppHeader';

/** What a page shows while its code arrives (the declaration's pages load on demand, see App). */
export function PageLoading() {
  const { t } = useTranslation();
  return (
    <>
      <AppHeader />
      <main id="main" className="editor-page editor-page--waiting">
        <p className="muted" role="status" data-testid="page-loading">
          {t('editor.loading')}
        </p>
      </main>
    </>
  );
}
