import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { signOut } from '../api/sessionApi';
import { navigate } from '../routing/navigate';
import { membershipCache } from './membershipCache';

/**
 * Signs this browser out (A18): the server removes the session cookies, the page forgets the
 * memberships it kept for offline use, and the home page then says how to get back in. The
 * declaration's text kept on this device for offline work stays, with any edit not yet sent.
 */
export function SignOutButton() {
  const { t } = useTranslation();
  const [problem, setProblem] = useState<string | null>(null);
  return (
    <>
      <button
        type="button"
        className="button header-button sign-out-button"
        title={problem ? t('calm.signOutError', { message: problem }) : t('calm.signOutHint')}
        onClick={async () => {
          try {
            await signOut();
            membershipCache.forgetAll();
            navigate('/', { replace: true });
            // The pages of the session just closed hold its connection: start from a clean page.
            location.reload();
          } catch (error) {
            setProblem(error instanceof Error ? error.message : String(error));
          }
        }}
        data-testid="sign-out"
      >
        {t('calm.signOut')}
      </button>
      {problem && (
        <span className="form-error" role="alert">
          {t('calm.signOutError', { message: problem })}
        </span>
      )}
    </>
  );
}
