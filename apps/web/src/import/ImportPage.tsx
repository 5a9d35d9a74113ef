import type { Lang } from '@accord/model/declarationLayout';
import { DOUBTFUL_BELOW } from '@accord/import/ImportPreview';
import type { ImportPreviewBody, ImportSourcesBody } from '@accord/protocol/rest/import';
import { type FormEvent, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/apiRequest';
import { navigate } from '../routing/navigate';
import { declarationPath } from '../routing/route';
import { AppHeader } from '../ui/AppHeader';
import { MetaFields } from './MetaFields';
import { ReviewSection } from './ReviewSection';
import { createFromPreview, previewImport } from './importApi';
import { readImportFile } from './readImportFile';
import './import.css';

/**
 * `/import`: choose a French and/or a Japanese file, let the server detect and align them, check
 * and fix the pairs, then create the declaration and open it. Nothing is stored before « Create ».
 */
export function ImportPage() {
  const { t } = useTranslation();
  const [files, setFiles] = useState<Partial<Record<Lang, File>>>({});
  const [preview, setPreview] = useState<ImportPreviewBody | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const ids = { fr: useId(), ja: useId() };
  useEffect(() => {
    document.title = `${t('importer.heading')} — ${t('app.name')}`;
  }, [t]);

  const fail = (caught: unknown) => {
    setBusy(false);
    if (caught instanceof ApiError && (caught.status === 401 || caught.status === 403)) setError(t('importer.forbidden'));
    else setError(t('importer.error', { message: caught instanceof Error ? caught.message : String(caught) }));
  };

  const analyse = async (event: FormEvent) => {
    event.preventDefault();
    if (!files.fr && !files.ja) {
      setError(t('importer.needFile'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const sources: ImportSourcesBody = {};
      if (files.fr) sources.fr = await readImportFile(files.fr);
      if (files.ja) sources.ja = await readImportFile(files.ja);
      setPreview(await previewImport(sources));
      setBusy(false);
      window.scrollTo(0, 0);
    } catch (caught) {
      fail(caught);
    }
  };

  const create = async () => {
    if (!preview) return;
    setBusy(true);
    setError(null);
    try {
      navigate(declarationPath(await createFromPreview(preview)));
    } catch (caught) {
      fail(caught);
    }
  };

  const errorNotice = error && (
    <p className="form-error" role="alert">
      {error}
    </p>
  );

  if (!preview) {
    return (
      <>
        <AppHeader />
        <main id="main" className="import-page">
          <h1>{t('importer.heading')}</h1>
          <p className="lede">{t('importer.intro')}</p>
          <form className="panel import-files" onSubmit={analyse} noValidate>
            <div className="field-pair">
              {(['fr', 'ja'] as const).map((lang) => (
                <div className="field" key={lang}>
                  <label htmlFor={ids[lang]}>
                    <span className={`lang-tag lang-tag--${lang}`}>{lang.toUpperCase()}</span> {lang === 'fr' ? t('importer.fileFr') : t('importer.fileJa')}
                  </label>
                  <input
                    id={ids[lang]}
                    type="file"
                    accept=".docx,.md,.markdown,.txt,text/plain,text/markdown,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
                    onChange={(e) => setFiles((f) => ({ ...f, [lang]: e.target.files?.[0] }))}
                    data-testid={`import-file-${lang}`}
                  />
                  <span className="muted import-files__hint">{t('importer.fileHint')}</span>
                </div>
              ))}
            </div>
            {errorNotice}
            <button type="submit" className="button button--primary" disabled={busy} data-testid="import-analyse">
              {busy ? t('importer.analysing') : t('importer.analyse')}
            </button>
          </form>
        </main>
      </>
    );
  }

  const pairs = preview.sections.flatMap((s) => s.pairs);
  const doubtful = pairs.filter((p) => p.fr !== '' && p.ja !== '' && p.confidence < DOUBTFUL_BELOW && p.accepted === undefined).length;
  return (
    <>
      <AppHeader />
      <main id="main" className="import-page import-page--review">
        <h1>{t('importer.reviewHeading')}</h1>
        <p className="lede">{t('importer.reviewIntro')}</p>
        <p className="import-summary" data-testid="import-summary">
          {t('importer.summary', { sections: preview.sections.length, pairs: pairs.length, doubtful })}
        </p>
        {preview.warnings.length > 0 && (
          <section className="notice import-warnings" aria-label={t('importer.warnings')}>
            <h2>{t('importer.warnings')}</h2>
            <ul>
              {preview.warnings.map((w, i) => (
                <li key={i} lang="en" data-testid="import-warning">
                  {w.lang && <span className={`lang-tag lang-tag--${w.lang}`}>{w.lang.toUpperCase()}</span>} {w.message}
                </li>
              ))}
            </ul>
          </section>
        )}
        <MetaFields meta={preview.meta} onChange={(meta) => setPreview({ ...preview, meta })} />
        {preview.sections.map((section, i) => (
          <ReviewSection
            key={i}
            index={i}
            section={section}
            onChange={(next) => setPreview({ ...preview, sections: preview.sections.map((s, k) => (k === i ? next : s)) })}
          />
        ))}
        <div className="import-actions">
          {errorNotice}
          <button type="button" className="button" onClick={() => setPreview(null)} disabled={busy}>
            {t('importer.back')}
          </button>
          <button type="button" className="button button--primary" onClick={create} disabled={busy} data-testid="import-create">
            {busy ? t('importer.creating') : t('importer.create')}
          </button>
        </div>
      </main>
    </>
  );
}
