import { useTranslation } from 'react-i18next';
import { AdminSignInPage } from './access/AdminSignInPage';
import { JoinPage } from './access/JoinPage';
import { AuditPage } from './admin/AuditPage';
import { MembersPage } from './admin/MembersPage';
import { EditorPage } from './editor/EditorPage';
import { HomePage } from './home/HomePage';
import { ComparePage } from './versions/ComparePage';
import { VersionPage } from './versions/VersionPage';
import { useRoute } from './routing/useRoute';
import { NotFoundPage } from './ui/NotFoundPage';
import { PrintPage } from './export/PrintPage';

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
      {/* Keyed by id: another declaration is another document, connection and set of editors. */}
      {route.page === 'declaration' && <EditorPage key={route.id} id={route.id} />}
      {route.page === 'version' && <VersionPage key={`${route.id}/${route.versionId}`} id={route.id} versionId={route.versionId} />}
      {route.page === 'compare' && <ComparePage key={route.id} id={route.id} />}
      {route.page === 'members' && <MembersPage key={route.id} id={route.id} />}
      {route.page === 'audit' && <AuditPage key={route.id} id={route.id} />}
      {route.page === 'print' && <PrintPage key={route.id} id={route.id} />}
      {route.page === 'notFound' && <NotFoundPage />}
    </>
  );
}
