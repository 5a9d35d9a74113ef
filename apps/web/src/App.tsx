import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { AdminSignInPage } from './access/AdminSignInPage';
import { JoinPage } from './access/JoinPage';
import { HomePage } from './home/HomePage';
import { pageModules } from './routing/pageModules';
import { useRoute } from './routing/useRoute';
import { NotFoundPage } from './ui/NotFoundPage';
import { PageLoading } from './ui/PageLoading';

const EditorPage = lazy(pageModules.declaration);
const VersionPage = lazy(pageModules.version);
const ComparePage = lazy(pageModules.compare);
const MembersPage = lazy(pageModules.members);
const AuditPage = lazy(pageModules.audit);
const ImportPage = lazy(pageModules.import);
const PrintPage = lazy(pageModules.print);

export function App() {
  const { t } = useTranslation();
  const route = useRoute();
  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      {route.page === 'home' && <HomePage />}
      {route.page === 'join' && <JoinPage />}
      {route.page === 'admin' && <AdminSignInPage />}
      <Suspense fallback={<PageLoading />}>
        {/* Keyed by id: another declaration is another document, connection and set of editors. */}
        {route.page === 'declaration' && <EditorPage key={route.id} id={route.id} />}
        {route.page === 'version' && <VersionPage key={`${route.id}/${route.versionId}`} id={route.id} versionId={route.versionId} />}
        {route.page === 'compare' && <ComparePage key={route.id} id={route.id} />}
        {route.page === 'members' && <MembersPage key={route.id} id={route.id} />}
        {route.page === 'audit' && <AuditPage key={route.id} id={route.id} />}
        {route.page === 'import' && <ImportPage />}
        {route.page === 'print' && <PrintPage key={route.id} id={route.id} />}
      </Suspense>
      {route.page === 'notFound' && <NotFoundPage />}
    </>
  );
}
