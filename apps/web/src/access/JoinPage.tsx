import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DisplayNameField } from './DisplayNameField';
import { inspectInvite, type InviteSummary, joinWithInvite } from '../api/sessionApi';
import type { UiLanguage } from '../i18n/resources';
import { useUiLanguage } from '../i18n/useUiLanguage';
import { navigate } from '../routing/navigate';
import { declarationPath } from '../routing/route';
import { sectionAnchor } from '../routing/sectionAnchor';
import { AppHeader } from '../ui/AppHeader';
import { formatDateTime } from '../ui/formatDateTime';
import { LanguageChoice } from '../ui/LanguageChoice';
import { orderedTitles } from '../ui/orderedTitles';
import { localUserStore } from '../user/localUserStore';
import { useLocalUser } from '../user/useLocalUser';
import { type InviteProblem, inviteProblem } from './inviteProblem';
import { useFragmentToken } from './useFragmentToken';

type Inspection =
  | { status: 'checking' }
  | { status: 'ready'; invite: InviteSummary }
  | { status: 'invalid'; problem: InviteProblem | 'missing' }
  | { status: 'error'; message: string };

/**
 * `/join#<token>`: what the invitation is for (declaration, role, sections), then the person's
 * name and language; joining makes them a member, the server sets the session cookie (A3), and
 * the declaration opens.
 */
export function JoinPage() {
  const { t, i18n } = useTranslation();
  const token = useFragmentToken();
  const [inspection, setInspection] = useState<Inspection>({ status: 'checking' });

  useEffect(() => {
    document.title = `${t('join.heading')} — ${t('app.name')}`;
  }, [t]);

  useEffect(() => {
    if (token === '') {
      setInspection({ status: 'invalid', problem: 'missing' });
      return;
    }
    const controller = new AbortController();
    setInspection({ status: 'checking' });
    inspectInvite(token, controller.signal).then(
      (invite) => setInspection({ status: 'ready', invite }),
      (error: unknown) => {
        if (controller.signal.aborted) return;
        const problem = inviteProblem(error);
        if (problem) setInspection({ status: 'invalid', problem });
        else setInspection({ status: 'error', message: error instanceof Error ? error.message : String(error) });
      },
    );
    return () => controller.abort();
  }, [token]);

  return (
    <>
      <AppHeader />
      <main id="main" className="home join-page" data-testid="join-page">
        <div className="panel welcome-panel">
          <h1>{t('join.heading')}</h1>
          {inspection.status === 'checking' && (
            <p className="muted" role="status">
              {t('join.checking')}
            </p>
          )}
          {inspection.status === 'invalid' && (
            <div className="notice notice--error" role="alert" data-testid="invite-problem" data-problem={inspection.problem}>
              <p>{t(`join.problem.${inspection.problem}`)}</p>
            </div>
          )}
          {inspection.status === 'error' && (
            <div className="notice notice--error" role="alert" data-testid="invite-problem" data-problem="error">
              <p>{t('join.checkError', { message: inspection.message })}</p>
            </div>
          )}
          {inspection.status === 'ready' && (
            <>
              <InviteCard invite={inspection.invite} language={i18n.language} />
              <JoinForm
                token={token}
                onProblem={(problem) => setInspection({ status: 'invalid', problem })}
                declarationId={inspection.invite.declarationId}
              />
            </>
          )}
        </div>
      </main>
    </>
  );
}

function InviteCard({ invite, language }: { invite: InviteSummary; language: string }) {
  const { t } = useTranslation();
  const [primary, secondary] = orderedTitles(invite.title, language);
  return (
    <div className="invite-card" data-testid="invite-card" data-role={invite.role}>
      <p className="invite-card__title" lang={primary?.lang}>
        {primary?.text ?? ''}
      </p>
      {secondary && (
        <p className="invite-card__subtitle" lang={secondary.lang}>
          {secondary.text}
        </p>
      )}
      <dl className="invite-card__facts">
        <dt>{t('join.role')}</dt>
        <dd>
          <span className="role-chip">{t(`roles.${invite.role}`)}</span>
          <span className="invite-card__hint">{t(`roleHints.${invite.role}`)}</span>
        </dd>
        {invite.role === 'rapporteur' && (
          <>
            <dt>{t('join.sections')}</dt>
            <dd>
              <ul className="section-chips">
                {invite.sections.map((section) => (
                  <li key={section} className="section-chip">
                    {(invite.sectionTitles[section] && orderedTitles(invite.sectionTitles[section], language)[0]?.text) || section}
                  </li>
                ))}
              </ul>
            </dd>
          </>
        )}
        {invite.expiresAt && (
          <>
            <dt>{t('join.expires')}</dt>
            <dd>{formatDateTime(invite.expiresAt, language)}</dd>
          </>
        )}
      </dl>
    </div>
  );
}

function JoinForm({ token, declarationId, onProblem }: { token: string; declarationId: string; onProblem(problem: InviteProblem): void }) {
  const { t } = useTranslation();
  const local = useLocalUser();
  const [uiLanguage, setUiLanguage] = useUiLanguage();
  const [name, setName] = useState(local?.name ?? '');
  // One language control on the page: « Votre langue » is the interface language, the same one
  // the header's switcher sets, so the two cannot disagree and nothing switches back on joining.
  const language: UiLanguage = uiLanguage;
  const [state, setState] = useState<{ status: 'idle' | 'joining' } | { status: 'error'; message: string }>({ status: 'idle' });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const trimmed = name.trim();
    if (trimmed === '' || state.status === 'joining') return;
    setState({ status: 'joining' });
    try {
      const joined = await joinWithInvite(token, trimmed, language);
      // The name is also this device's default next time (another invitation, another declaration).
      localUserStore.setName(joined.name);
      // Replace, not push: "back" must not return to a used invitation. A rapporteur lands on the
      // first workshop entrusted to them rather than on the preamble.
      const first = joined.role === 'rapporteur' ? joined.sections[0] : undefined;
      navigate(`${declarationPath(joined.declarationId || declarationId)}${first ? `#${sectionAnchor(first)}` : ''}`, { replace: true });
    } catch (error) {
      const problem = inviteProblem(error);
      if (problem) onProblem(problem);
      else setState({ status: 'error', message: error instanceof Error ? error.message : String(error) });
    }
  };

  return (
    <form className="join-form" onSubmit={submit} data-testid="join-form">
      <DisplayNameField value={name} onChange={setName} autoFocus testId="join-name" />
      <LanguageChoice value={language} onChange={setUiLanguage} label={t('join.languageLabel')} />
      {state.status === 'error' && (
        <p className="form-error" role="alert">
          {t('join.joinError', { message: state.message })}
        </p>
      )}
      <button type="submit" className="button button--primary" disabled={name.trim() === '' || state.status === 'joining'} data-testid="join-submit">
        {state.status === 'joining' ? t('join.joining') : t('join.submit')}
      </button>
    </form>
  );
}
