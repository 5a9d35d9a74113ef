import { type Member, type Role, writesAnything, writesEverything } from '@accord/permissions/roles';
import { memo, Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LockNotice } from '../access/LockNotice';
import { SignInNeeded } from '../access/SignInNeeded';
import { membershipCache } from '../access/membershipCache';
import { SignOutButton } from '../access/SignOutButton';
import { useMembership } from '../access/useMembership';
import { type WriteAccess, writeAccess } from '../access/writeAccess';
import { useConnectionState, useDeclarationConnection } from '../sync/useDeclarationConnection';
import { useSections } from '../sync/useSections';
import { useTranslationStatus } from '../translation/useTranslationStatus';
import { AppHeader } from '../ui/AppHeader';
import { Link } from '../routing/Link';
import { auditPath, importIntoPath, membersPath } from '../routing/route';
import { type LocalUser, randomUserColor } from '../user/localUser';
import { useLocalUser } from '../user/useLocalUser';
import type { DeclarationConnection } from '../sync/DeclarationConnection';
import type { ReviewStatus } from '../review/ReviewStatus';
import { AdoptionBanner } from '../workflow/AdoptionBanner';
import { useWorkflow, useWorkflowStatus } from '../workflow/useWorkflowStatus';
import { ConnectionIndicator } from './ConnectionIndicator';
import { type Declaration, DeclarationContext } from './DeclarationContext';
import { DeclarationHeader } from './DeclarationHeader';
import { Outline } from './Outline';
import { PresenceList } from './PresenceList';
import { ProblemNotice } from './ProblemNotice';
import { SectionRow } from './SectionRow';
import { HistoryPanel, prefetchSidePanels, ProgressPanel, ReviewPanel, TalkPanel } from './sidePanels';
import { useScrollToPassage } from './useScrollToPassage';
import { useSectionInView } from './useSectionInView';
import { ColumnHeads } from '../ui/ColumnHeads';
import { TalkMarks } from '../talk/TalkMarks';
import type { TalkState } from '../talk/TalkState';
import { useTalk, useTalkState } from '../talk/useTalk';
import { VisitBanner } from '../talk/VisitBanner';
import { ReviewButton } from '../review/ReviewButton';
import { ReviewMarks } from '../review/ReviewMarks';
import { useReviewStatus } from '../review/useReview';
import { ExportButton } from '../export/ExportButton';
import { StructureDialogsView } from '../sections/StructureDialogsView';
import { StructureNotices } from '../sections/StructureNotices';

type Panel = 'history' | 'progress' | 'talk' | 'review' | null;

/**
 * `/d/<id>`: the whole declaration, every section in both languages, for everyone at once — as
 * far as this person may write it (docs/access-and-workflow.md), which the page asks the server
 * (`/me`) and then decides with the same rules the server applies.
 */
export function EditorPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const local = useLocalUser();
  const [membershipState, forgetMembership, reloadMembership] = useMembership(id);
  // Someone arriving with a session but no name on this device still needs a caret colour.
  const fallbackColor = useMemo(randomUserColor, []);
  const membership = membershipState.status === 'ready' ? membershipState.membership : null;
  // The member's name, given when they joined, is who they are to the others; the colour is this device's.
  const name = membership?.name || local?.name || t('presence.anonymous');
  const color = local?.color ?? fallbackColor;
  // Stable while name and colour are: the body below re-renders only when what it shows changes,
  // not on every keystroke's "unsaved" count in the header.
  const user: LocalUser = useMemo(() => ({ name, color }), [name, color]);
  // The socket waits for the session check (/me) unless this device already knows the member:
  // without a session there is nothing to connect to, and no refused WebSocket to retry (A18).
  const known = useMemo(() => membershipCache.get(id) !== null, [id]);
  const connection = useDeclarationConnection(id, user, membershipState.status === 'loading' ? known : membershipState.status !== 'unauthorized');
  const state = useConnectionState(connection);
  // Made here, for the header's count and the body alike; a new document (after a refused write) gets a new one.
  const review = useReviewStatus(connection?.doc ?? null);
  const [panel, setPanel] = useState<Panel>(null);
  const closePanel = useCallback(() => setPanel(null), []);
  const revoked = state.problem === 'revoked';
  // The conversation about the text (issue 17), live once this person's session is known.
  const talk = useTalkState(id, membershipState.status === 'ready' && !revoked);

  useEffect(() => {
    // A revoked session must not reopen this declaration from the cached membership later.
    if (revoked) forgetMembership();
  }, [revoked, forgetMembership]);
  useEffect(() => {
    // A new role (A3), each time: what the page offers follows what the server now allows.
    if (state.roleChanges > 0) reloadMembership();
  }, [state.roleChanges, reloadMembership]);

  if (membershipState.status === 'unauthorized') return <SignInNeeded declarationId={id} />;

  if (!connection || !state.ready || membershipState.status === 'loading') {
    return (
      <>
        <AppHeader>{connection && <ConnectionIndicator status={state.status} />}</AppHeader>
        <main id="main" className="editor-page editor-page--waiting">
          {state.problem ? (
            <ProblemNotice problem={state.problem} onRetry={() => connection?.retry()} onDismiss={() => connection?.dismissProblem()} />
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

  const role = membership?.role ?? null;
  const togglePanel = (which: Exclude<Panel, null>) => setPanel((open) => (open === which ? null : which));
  return (
    <>
      {/* Two rows (layout/layout.css): the title beside the brand, then the page's actions on the
          left and its state on the right — a new button goes in `declaration-bar__actions`. */}
      <AppHeader
        bar={
          <>
            <div className="declaration-bar__actions" data-testid="declaration-actions">
              <button
                type="button"
                className="button header-button"
                aria-expanded={panel === 'progress'}
                title={t('progress.openHint')}
                onClick={() => togglePanel('progress')}
                data-testid="progress-button"
              >
                {t('progress.open')}
              </button>
              {review && <ReviewButton status={review} open={panel === 'review'} onClick={() => togglePanel('review')} />}
              <button
                type="button"
                className="button header-button history-button"
                aria-expanded={panel === 'history'}
                title={t('history.openHint')}
                onClick={() => togglePanel('history')}
                data-testid="history-button"
              >
                {t('history.open')}
              </button>
              <TalkButton talk={talk} open={panel === 'talk'} onToggle={() => togglePanel('talk')} />
              <ExportButton declarationId={id} doc={connection.doc} member={membership} revoked={revoked} />
              {/* The other language's text, or a workshop's, arriving as a file (docs/import.md I5). */}
              {role && writesAnything(role) && !revoked && (
                <Link href={importIntoPath(id)} className="button header-button" data-testid="import-into-link">
                  {t('importer.link')}
                </Link>
              )}
              {role === 'admin' && (
                <>
                  <Link href={membersPath(id)} className="button header-button" data-testid="members-link">
                    {t('members.nav')}
                  </Link>
                  <Link href={auditPath(id)} className="button header-button" data-testid="audit-link">
                    {t('audit.nav')}
                  </Link>
                </>
              )}
              <SignOutButton />
            </div>
            <div className="declaration-bar__status">
              <ConnectionIndicator status={state.status} unsaved={state.unsaved} />
              {role && (
                <span className="role-chip" title={t(`roleHints.${role}`)} data-testid="my-role" data-role={role}>
                  {t(`roles.${role}`)}
                </span>
              )}
              <PresenceList key={state.generation} awareness={connection.provider.awareness} />
            </div>
          </>
        }
      >
        <DeclarationHeader doc={connection.doc} />
      </AppHeader>
      {state.problem && (
        <div className="editor-page__banner">
          <ProblemNotice problem={state.problem} onRetry={() => connection.retry()} onDismiss={() => connection.dismissProblem()} />
        </div>
      )}
      {/* Keyed by generation: after a refused write the document is a new one, and every editor rebinds. */}
      <DeclarationBody
        key={state.generation}
        connection={connection}
        review={review!}
        user={user}
        member={membership}
        role={role}
        revoked={revoked}
        panel={panel}
        onClosePanel={closePanel}
        talk={talk}
        memberId={membership?.memberId ?? null}
      />
    </>
  );
}

interface DeclarationBodyProps {
  connection: DeclarationConnection;
  review: ReviewStatus;
  user: LocalUser;
  member: Member | null;
  role: Role | null;
  revoked: boolean;
  /** The side panel on the right (history or progress), or none. */
  panel: Panel;
  onClosePanel(): void;
  talk: TalkState;
  memberId: string | null;
}

const DeclarationBody = memo(function DeclarationBody({ connection, review, user, member, role, revoked, panel, onClosePanel, talk, memberId }: DeclarationBodyProps) {
  const { t } = useTranslation();
  const sections = useSections(connection.doc);
  const translation = useTranslationStatus(connection.doc);
  const workflowStatus = useWorkflowStatus(connection.doc);
  const workflow = useWorkflow(workflowStatus);
  const adopted = workflow.adoption !== null;
  const access: WriteAccess = useMemo(() => writeAccess(member, { adopted, revoked }), [member, adopted, revoked]);
  const current = useSectionInView(sections.map((s) => s.id));
  useScrollToPassage(sections.length);
  // What the rows, the outline and the panels share; stable across keystrokes (see `user` above).
  const declaration: Declaration = useMemo(
    () => ({ connection, translation, workflow: workflowStatus, review, user, member, role, access, adopted }),
    [connection, translation, workflowStatus, review, user, member, role, access, adopted],
  );
  // Once the page is editable, the panels' code comes in the background (sidePanels).
  useEffect(prefetchSidePanels, []);
  // A reason that holds for every section is said once, here; each section then shows a short lock.
  const pageLock = access.titles === 'unverified' || access.titles === 'readOnlyRole' ? access.titles : null;
  const side =
    panel === 'history' ? (
      <HistoryPanel
        declarationId={connection.id}
        user={user}
        // The server's rule for versions: the roles that write the whole declaration.
        canSave={member !== null && writesEverything(member.role) && !revoked}
        canRestore={member !== null && writesEverything(member.role) && !revoked && !adopted}
        onClose={onClosePanel}
      />
    ) : panel === 'progress' ? (
      <ProgressPanel sections={sections} onClose={onClosePanel} />
    ) : panel === 'talk' ? (
      <TalkPanel talk={talk} memberId={memberId} onClose={onClosePanel} />
    ) : panel === 'review' ? (
      <ReviewPanel sections={sections} onClose={onClosePanel} />
    ) : null;
  return (
    <DeclarationContext.Provider value={declaration}>
      <ReviewMarks status={review} />
      <div className={`editor-layout${side ? ' editor-layout--with-panel' : ''}`}>
        <aside className="editor-layout__outline">
          <Outline sections={sections} currentId={current} />
        </aside>
        <main id="main" className="editor-layout__main" aria-label={t('editor.sectionsLabel')} data-testid="declaration-editor" data-adopted={adopted}>
          <AdoptionBanner declarationId={connection.id} workflow={workflow} role={role} />
          <VisitBanner talk={talk} />
          <TalkMarks talk={talk} />
          {pageLock && !adopted && (
            <div className="page-lock" data-testid="page-lock">
              <LockNotice reason={pageLock} role={role} />
            </div>
          )}
          <ColumnHeads />
          {sections.length === 0 && <p className="muted">{t('editor.noSections')}</p>}
          {sections.map((section, index) => (
            <SectionRow key={section.id} section={section} index={index} />
          ))}
        </main>
        {side && <Suspense fallback={<PanelLoading />}>{side}</Suspense>}
      </div>
      <StructureDialogsView sections={sections} />
      <StructureNotices />
    </DeclarationContext.Provider>
  );
});

/** A side panel whose code is still on its way (a slow network, before `prefetchSidePanels` ended). */
function PanelLoading() {
  const { t } = useTranslation();
  return (
    <aside className="history-panel" aria-busy="true">
      <p className="muted" role="status">
        {t('editor.panelLoading')}
      </p>
    </aside>
  );
}

/** « Discussion » in the header, with the number of unread notifications (C11). */
function TalkButton({ talk, open, onToggle }: { talk: TalkState; open: boolean; onToggle(): void }) {
  const { t } = useTranslation();
  const { unread } = useTalk(talk);
  return (
    <button type="button" className="button header-button" aria-expanded={open} title={t('talk.openHint')} onClick={onToggle} data-testid="talk-button">
      {t('talk.open')}
      {unread > 0 && (
        <span className="talk-count" data-testid="talk-unread">
          {unread}
        </span>
      )}
    </button>
  );
}
