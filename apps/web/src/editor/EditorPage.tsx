import { type ReactNode, useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useConnectionState, useDeclarationConnection } from '../sync/useDeclarationConnection';
import { useSections } from '../sync/useSections';
import { useTranslationStatus } from '../translation/useTranslationStatus';
import { AppHeader } from '../ui/AppHeader';
import { Link } from '../routing/Link';
import type { LocalUser } from '../user/localUser';
import type { DeclarationConnection } from '../sync/DeclarationConnection';
import { ConnectionIndicator } from './ConnectionIndicator';
import { DeclarationHeader } from './DeclarationHeader';
import { Outline } from './Outline';
import { PresenceList } from './PresenceList';
import { ProblemNotice } from './ProblemNotice';
import { SectionRow } from './SectionRow';
import { HistoryPanel } from '../versions/HistoryPanel';
import { useScrollToPassage } from './useScrollToPassage';
import { useSectionInView } from './useSectionInView';
import { ColumnHeads } from '../ui/ColumnHeads';

interface EditorPageProps {
  id: string;
  user: LocalUser;
  onRename(): void;
}

/** `/d/<id>`: the whole declaration, every section in both languages, for everyone at once. */
export function EditorPage({ id, user, onRename }: EditorPageProps) {
  const { t } = useTranslation();
  const connection = useDeclarationConnection(id, user);
  const state = useConnectionState(connection);
  const [historyOpen, setHistoryOpen] = useState(false);
  const closeHistory = useCallback(() => setHistoryOpen(false), []);

  if (!connection || !state.ready) {
    return (
      <>
        <AppHeader>{connection && <ConnectionIndicator status={state.status} />}</AppHeader>
        <main id="main" className="editor-page editor-page--waiting">
          {state.problem ? (
            <ProblemNotice problem={state.problem} onRetry={() => connection?.retry()} />
          ) : (
            <p className="muted" role="status" data-testid="editor-loading">
              {t('editor.loading')}
            </p>
          )}
          <p>
            <Link href="/">{t('editor.backHome')}</Link>
          </p>
        </main>
      </>
    );
  }

  return (
    <>
      <AppHeader>
        <DeclarationHeader doc={connection.doc} />
        <div className="app-header__status">
          <button
            type="button"
            className="button history-button"
            aria-expanded={historyOpen}
            title={t('history.openHint')}
            onClick={() => setHistoryOpen((open) => !open)}
            data-testid="history-button"
          >
            {t('history.open')}
          </button>
          <ConnectionIndicator status={state.status} unsaved={state.unsaved} />
          <PresenceList awareness={connection.provider.awareness} onRename={onRename} />
        </div>
      </AppHeader>
      {state.problem && (
        <div className="editor-page__banner">
          <ProblemNotice problem={state.problem} onRetry={() => connection.retry()} />
        </div>
      )}
      <DeclarationBody
        connection={connection}
        user={user}
        panel={historyOpen ? <HistoryPanel declarationId={id} user={user} onClose={closeHistory} /> : null}
      />
    </>
  );
}

interface DeclarationBodyProps {
  connection: DeclarationConnection;
  user: LocalUser;
  /** A side panel on the right (the history), or null. */
  panel: ReactNode;
}

function DeclarationBody({ connection, user, panel }: DeclarationBodyProps) {
  const { t } = useTranslation();
  const sections = useSections(connection.doc);
  const translation = useTranslationStatus(connection.doc);
  const current = useSectionInView(sections.map((s) => s.id));
  useScrollToPassage(sections.length);
  return (
    <div className={`editor-layout${panel ? ' editor-layout--with-panel' : ''}`}>
      <aside className="editor-layout__outline">
        <Outline sections={sections} translation={translation} awareness={connection.provider.awareness} currentId={current} />
      </aside>
      <main id="main" className="editor-layout__main" aria-label={t('editor.sectionsLabel')} data-testid="declaration-editor">
        <ColumnHeads />
        {sections.length === 0 && <p className="muted">{t('editor.noSections')}</p>}
        {sections.map((section, index) => (
          <SectionRow key={section.id} connection={connection} translation={translation} section={section} index={index} user={user} />
        ))}
      </main>
      {panel}
    </div>
  );
}
