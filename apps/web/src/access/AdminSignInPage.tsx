import { type FormEvent, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DisplayNameField } from './DisplayNameField';
import { useFragmentToken } from './useFragmentToken';
import { ApiError } from '../api/apiRequest';
import { signInAsAdmin } from '../api/sessionApi';
import { useUiLanguage } from '../i18n/useUiLanguage';
import { navigate } from '../routing/navigate';
import { AppHeader } from '../ui/AppHeader';
import { localUserStore } from '../user/localUserStore';
import { useLocalUser } from '../user/useLocalUser';

/**
 * `/admin`: the administrator signs this browser in with the token the server printed at its
 * first start (A1). A token brought in the address (`/admin#<token>`) fills the field and is
 * removed from the address at once, so it stays out of the history and of shared screens.
 */
export function AdminSignInPage() {
  const { t } = useTranslation();
  const local = useLocalUser();
  const [language] = useUiLanguage();
  const [token, setToken] = useState('');
  const [name, setName] = useState(local?.name ?? '');
  const [state, setState] = useState<{ status: 'idle' | 'signingIn' } | { status: 'error'; message: string }>({ status: 'idle' });
  const tokenId = useId();

  useEffect(() => {
    document.title = `${t('adminSignIn.heading')} — ${t('app.name')}`;
  }, [t]);

  const fromAddress = useFragmentToken();
  useEffect(() => {
    if (fromAddress === '') return;
    setToken(fromAddress);
    // Out of the address bar (and the history) once read: the token is a secret.
    history.replaceState(history.state, '', location.pathname);
  }, [fromAddress]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const trimmed = token.trim();
    if (trimmed === '' || name.trim() === '' || state.status === 'signingIn') return;
    setState({ status: 'signingIn' });
    try {
      await signInAsAdmin(trimmed, name.trim(), language);
      localUserStore.setName(name);
      navigate('/', { replace: true });
    } catch (error) {
      const wrong = error instanceof ApiError && (error.status === 401 || error.status === 403);
      setState({ status: 'error', message: wrong ? t('adminSignIn.wrongToken') : t('adminSignIn.error', { message: error instanceof Error ? error.message : String(error) }) });
    }
  };

  return (
    <>
      <AppHeader />
      <main id="main" className="home admin-sign-in" data-testid="admin-sign-in">
        <div className="panel welcome-panel">
          <h1>{t('adminSignIn.heading')}</h1>
          <p className="lede">{t('adminSignIn.intro')}</p>
          <form onSubmit={submit} className="join-form" data-testid="admin-sign-in-form">
            <div className="field">
              <label htmlFor={tokenId}>{t('adminSignIn.tokenLabel')}</label>
              <input
                id={tokenId}
                type="password"
                value={token}
                autoComplete="off"
                spellCheck={false}
                required
                onChange={(event) => setToken(event.target.value)}
                data-testid="admin-token"
              />
            </div>
            <DisplayNameField value={name} onChange={setName} testId="admin-name" />
            {state.status === 'error' && (
              <p className="form-error" role="alert" data-testid="admin-sign-in-error">
                {state.message}
              </p>
            )}
            <button
              type="submit"
              className="button button--primary"
              disabled={token.trim() === '' || name.trim() === '' || state.status === 'signingIn'}
              data-testid="admin-sign-in-submit"
            >
              {state.status === 'signingIn' ? t('adminSignIn.signingIn') : t('adminSignIn.submit')}
            </button>
          </form>
        </div>
      </main>
    </>
  );
}
