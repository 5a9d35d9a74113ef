import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/apiRequest';
import { createDeclaration } from '../api/declarationsApi';
import { navigate } from '../routing/navigate';
import { declarationPath } from '../routing/route';

/**
 * Creates a declaration from its two titles; the server writes the template, then we open it.
 * Shown to administrators only (the server refuses anyone else).
 */
export function NewDeclarationForm() {
  const { t } = useTranslation();
  const [titleFr, setTitleFr] = useState('');
  const [titleJa, setTitleJa] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const frId = useId();
  const jaId = useId();
  const headingId = useId();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const title = { fr: titleFr.trim(), ja: titleJa.trim() };
    if (title.fr === '' || title.ja === '') {
      setError(t('home.required'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const id = await createDeclaration(title);
      navigate(declarationPath(id));
    } catch (caught) {
      if (caught instanceof ApiError && (caught.status === 401 || caught.status === 403)) {
        // The administrator session ended (or was never on this browser): say so, and how to sign in.
        setError(t('home.createForbidden'));
        setBusy(false);
        return;
      }
      setError(t('home.createError', { message: caught instanceof Error ? caught.message : String(caught) }));
      setBusy(false);
    }
  };

  return (
    <section className="panel new-declaration" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('home.newHeading')}</h2>
      <p className="muted">{t('home.newIntro')}</p>
      <form onSubmit={submit} noValidate data-testid="new-declaration-form">
        <div className="field-pair">
          <div className="field" data-lang="fr">
            <label htmlFor={frId}>
              <span className="lang-tag lang-tag--fr">FR</span> {t('home.titleFr')}
            </label>
            <input id={frId} lang="fr" value={titleFr} maxLength={300} onChange={(e) => setTitleFr(e.target.value)} data-testid="new-title-fr" />
          </div>
          <div className="field" data-lang="ja">
            <label htmlFor={jaId}>
              <span className="lang-tag lang-tag--ja">JA</span> {t('home.titleJa')}
            </label>
            <input id={jaId} lang="ja" value={titleJa} maxLength={300} onChange={(e) => setTitleJa(e.target.value)} data-testid="new-title-ja" />
          </div>
        </div>
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" className="button button--primary" disabled={busy} data-testid="create-declaration">
          {busy ? t('home.creating') : t('home.create')}
        </button>
      </form>
    </section>
  );
}
