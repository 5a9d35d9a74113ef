import type { Lang } from '@accord/model/declarationLayout';
import { DOUBTFUL_BELOW } from '@accord/import/ImportPreview';
import type { ImportedLanguage, ImportIntoPreviewBody, ImportPreviewBody, ImportSourcesBody } from '@accord/protocol/rest/import';
import { type FormEvent, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/apiRequest';
import { Link } from '../routing/Link';
import { navigate } from '../routing/navigate';
import { useSearchParam } from '../routing/useSearchParam';
import { declarationPath } from '../routing/route';
import { AppHeader } from '../ui/AppHeader';
import { MetaFields } from './MetaFields';
import { ReviewSection } from './ReviewSection';
import { FilePicker } from './FilePicker';
import { ImportTarget } from './ImportTarget';
import { createFromPreview, previewImport, previewImportInto, writeIntoDeclaration } from './importApi';
import { readImportFile } from './readImportFile';
import './import.css';

/** A preview of a new declaration, or of one language to add to declaration `into`. */
type Preview = { into: null; body: ImportPreviewBody } | { into: string; body: ImportIntoPreviewBody };

/**
 * `/import` (`?into=<id>` to start with that declaration as the destination): choose a French
 * and/or a Japanese file, let the server detect and align them, check and fix the pairs, then
 * create the declaration — or add the text of its missing language to an existing one — and open
 * it. Nothing is stored before « Create » / « Add ».
 */
export function ImportPage() {
  const { t } = useTranslation();
  const [files, setFiles] = useState<Partial<Record<Lang, File>>>({});
  const [target, setTarget] = useState<string | null>(useSearchParam('into'));
  const [preview, setPreviewState] = useState<Preview | null>(null);
  const [written, setWritten] = useState<{ id: string; result: ImportedLanguage } | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const ids = { fr: useId(), ja: useId() };
  useEffect(() => {
    document.title = `${t('importer.heading')} — ${t('app.name')}`;
  }, [t]);

  const fail = (caught: unknown, into: boolean) => {
    setBusy(false);
    if (caught instanceof ApiError && into && caught.status === 403) setError(t('importer.refusedInto', { message: caught.message }));
    else if (caught instanceof ApiError && into && caught.code === 'frozen') setError(t('importer.frozen'));
    else if (caught instanceof ApiError && (caught.status === 401 || caught.status === 403)) setError(t('importer.forbidden'));
    else setError(t('importer.error', { message: caught instanceof Error ? caught.message : String(caught) }));
  };

  const analyse = async (event: FormEvent) => {
    event.preventDefault();
    if (!files.fr && !files.ja) {
      setError(t('importer.needFile'));
      return;
    }
    if (target !== null && files.fr && files.ja) {
      setError(t('importer.needOneFile'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const sources: ImportSourcesBody = {};
      if (files.fr) sources.fr = await readImportFile(files.fr);
      if (files.ja) sources.ja = await readImportFile(files.ja);
      setPreviewState(target === null ? { into: null, body: await previewImport(sources) } : { into: target, body: await previewImportInto(target, sources) });
      setBusy(false);
      window.scrollTo(0, 0);
    } catch (caught) {
      fail(caught, target !== null);
    }
  };

  const create = async () => {
    if (!preview) return;
    setBusy(true);
    setError(null);
    try {
      if (preview.into === null) {
        navigate(declarationPath(await createFromPreview(preview.body)));
        return;
      }
      const result = await writeIntoDeclaration(preview.into, preview.body);
      // Passages someone changed meanwhile were kept: say so before leaving for the editor.
      if (result.kept.length > 0) {
        setBusy(false);
        setWritten({ id: preview.into, result });
      } else navigate(declarationPath(preview.into));
    } catch (caught) {
      fail(caught, preview.into !== null);
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
            <ImportTarget value={target} onChange={setTarget} />
            <div className="field-pair">
              {(['fr', 'ja'] as const).map((lang) => (
                <div className="field" key={lang}>
                  <label htmlFor={ids[lang]}>
                    <span className={`lang-tag lang-tag--${lang}`}>{lang.toUpperCase()}</span> {lang === 'fr' ? t('importer.fileFr') : t('importer.fileJa')}
                  </label>
                  <FilePicker
                    id={ids[lang]}
                    accept=".docx,.md,.markdown,.txt,text/plain,text/markdown,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
                    file={files[lang]}
                    onChange={(file) => setFiles((f) => ({ ...f, [lang]: file }))}
                    testId={`import-file-${lang}`}
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

  if (written) {
    return (
      <>
        <AppHeader />
        <main id="main" className="import-page">
          <h1>{t('importer.writtenHeading')}</h1>
          <p className="notice" role="status" data-testid="import-kept">
            {t('importer.keptNotice', { count: written.result.kept.length })}
          </p>
          <Link href={declarationPath(written.id)} className="button button--primary">
            {t('importer.open')}
          </Link>
        </main>
      </>
    );
  }

  const body = preview.body;
  const into = preview.into === null ? null : { id: preview.into, language: (body as ImportIntoPreviewBody).language };
  const kept: Lang | undefined = into ? (into.language === 'fr' ? 'ja' : 'fr') : undefined;
  const setBody = (next: Partial<ImportPreviewBody>) => setPreviewState({ ...preview, body: { ...body, ...next } } as Preview);
  const pairs = body.sections.flatMap((s) => s.pairs);
  const doubtful = pairs.filter((p) => p.fr !== '' && p.ja !== '' && p.confidence < DOUBTFUL_BELOW && p.accepted === undefined).length;
  return (
    <>
      <AppHeader />
      <main id="main" className="import-page import-page--review">
        <h1>{into ? t(into.language === 'ja' ? 'importer.reviewIntoHeadingJa' : 'importer.reviewIntoHeadingFr') : t('importer.reviewHeading')}</h1>
        <p className="lede">{into ? t('importer.reviewIntoIntro') : t('importer.reviewIntro')}</p>
        {into && (
          <p className="import-into" data-testid="import-into">
            {t('importer.intoDeclaration', { title: body.meta.title[kept!] || body.meta.title[into.language] })}
          </p>
        )}
        <p className="import-summary" data-testid="import-summary">
          {t('importer.summary', { sections: body.sections.length, pairs: pairs.length, doubtful })}
        </p>
        {body.warnings.length > 0 && (
          <section className="notice import-warnings" aria-label={t('importer.warnings')}>
            <h2>{t('importer.warnings')}</h2>
            <ul>
              {body.warnings.map((w, i) => (
                <li key={i} lang="en" data-testid="import-warning">
                  {w.lang && <span className={`lang-tag lang-tag--${w.lang}`}>{w.lang.toUpperCase()}</span>} {w.message}
                </li>
              ))}
            </ul>
          </section>
        )}
        {/* Into a declaration, its metadata stays as it is: nothing to confirm. */}
        {!into && <MetaFields meta={body.meta} onChange={(meta) => setBody({ meta })} />}
        {body.sections.map((section, i) => (
          <ReviewSection
            key={i}
            index={i}
            section={section}
            {...(kept ? { kept } : {})}
            onChange={(next) => setBody({ sections: body.sections.map((s, k) => (k === i ? next : s)) })}
          />
        ))}
        <div className="import-actions">
          {errorNotice}
          <button type="button" className="button" onClick={() => setPreviewState(null)} disabled={busy}>
            {t('importer.back')}
          </button>
          <button type="button" className="button button--primary" onClick={create} disabled={busy} data-testid="import-create">
            {busy ? (into ? t('importer.adding') : t('importer.creating')) : into ? t(into.language === 'ja' ? 'importer.addJa' : 'importer.addFr') : t('importer.create')}
          </button>
        </div>
      </main>
    </>
  );
}
