import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EditorPage } from './editor/EditorPage';
import { HomePage } from './home/HomePage';
import { ComparePage } from './versions/ComparePage';
import { VersionPage } from './versions/VersionPage';
import { useRoute } from './routing/useRoute';
import { NotFoundPage } from './ui/NotFoundPage';
import { NameDialog } from './user/NameDialog';
import { useLocalUser } from './user/useLocalUser';

export function App() {
  const { t } = useTranslation();
  const route = useRoute();
  const user = useLocalUser();
  const [renaming, setRenaming] = useState(false);
  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      {route.page === 'home' && <HomePage />}
      {route.page === 'declaration' &&
        (user ? (
          // Keyed by id: another declaration is another document, connection and set of editors.
          <EditorPage key={route.id} id={route.id} user={user} onRename={() => setRenaming(true)} />
        ) : (
          <main id="main" className="editor-page editor-page--waiting" />
        ))}
      {route.page === 'version' && <VersionPage key={`${route.id}/${route.versionId}`} id={route.id} versionId={route.versionId} />}
      {route.page === 'compare' && <ComparePage key={route.id} id={route.id} />}
      {route.page === 'notFound' && <NotFoundPage />}
      <NameDialog open={!user || renaming} onClose={() => setRenaming(false)} />
    </>
  );
}
