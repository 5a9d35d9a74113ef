import { EXPORT_LANGS, type ExportLang } from '@accord/export/ExportFrame';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from '../routing/Link';
import { declarationPath } from '../routing/route';
import { replaceQuery } from '../routing/replaceQuery';
import { useSearchParam } from '../routing/useSearchParam';
import { AppHeader } from '../ui/AppHeader';
import { exportUrl } from './exportApi';
import './export.css';

const LANG_LABEL = { fr: 'exportMenu.langFr', ja: 'exportMenu.langJa', bilingual: 'exportMenu.langBilingual' } as const;

/**
 * `/d/<id>/print?lang=…&version=…`: the print view, as the server renders it for the PDF (so
 * paper and screen are the same page), in a frame under a bar that prints it with the browser's
 * own Print — which works on a server without Chromium too.
 */
export function PrintPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const frame = useRef<HTMLIFrameElement>(null);
  const langParam = useSearchParam('lang');
  const lang: ExportLang = (EXPORT_LANGS as readonly string[]).includes(langParam ?? '') ? (langParam as ExportLang) : 'bilingual';
  const version = useSearchParam('version') ?? 'current';
  const comments = useSearchParam('comments') === '1';
  let src: string | null;
  try {
    src = exportUrl(id, { format: 'html', lang, version, comments });
  } catch {
    src = null; // a version reference the API would refuse: nothing to show
  }
  return (
    <>
      <AppHeader />
      <main id="main" className="print-page">
        <div className="print-bar" data-testid="print-bar">
          <Link href={declarationPath(id)} className="button header-button">
            {t('printView.back')}
          </Link>
          <div className="print-bar__langs" role="group" aria-label={t('printView.language')}>
            {EXPORT_LANGS.map((l) => (
              <button
                key={l}
                type="button"
                className="button header-button"
                aria-pressed={l === lang}
                onClick={() => replaceQuery({ lang: l, version, ...(comments ? { comments: '1' } : {}) })}
                data-testid={`print-lang-${l}`}
              >
                {t(LANG_LABEL[l])}
              </button>
            ))}
          </div>
          {src && (
            <>
              <a className="button header-button" href={src} target="_blank" rel="noopener">
                {t('printView.openAlone')}
              </a>
              <button type="button" className="button button--primary header-button" onClick={() => frame.current?.contentWindow?.print()} data-testid="print-button">
                {t('printView.print')}
              </button>
            </>
          )}
        </div>
        {src ? <iframe ref={frame} className="print-page__frame" src={src} title={t('printView.frameTitle')} data-testid="print-frame" /> : <p className="muted">{t('notFound.body')}</p>}
      </main>
    </>
  );
}
