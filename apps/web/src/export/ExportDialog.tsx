import { EXPORT_LANGS, type ExportLang } from '@accord/export/ExportFrame';
import { EXPORT_FORMATS, type ExportFormat } from '@accord/export/exportFilename';
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { ApiError } from '../api/apiRequest';
import { printPath } from '../routing/route';
import { downloadExport, exportUrl } from './exportApi';
import { SignatoriesFields } from './SignatoriesFields';
import './export.css';

export interface ExportDialogProps {
  declarationId: string;
  open: boolean;
  onClose(): void;
  /** A version from the history, exported as it is; absent: the current text or the adopted one. */
  version?: { id: string; title: string };
  /** Whether an adopted text exists (the « adopted » choice needs one: the server says 409 otherwise). */
  adopted: boolean;
  /** The editor's document and why this person may not change the signature blocks (`null`: they may). */
  signatories?: { doc: Y.Doc; lockedReason: string | null };
}

const FORMAT_LABEL = { docx: 'exportMenu.formatDocx', pdf: 'exportMenu.formatPdf', html: 'exportMenu.formatHtml' } as const;
const LANG_LABEL = { fr: 'exportMenu.langFr', ja: 'exportMenu.langJa', bilingual: 'exportMenu.langBilingual' } as const;

/**
 * The « Exporter / 書き出し / Export » menu: format, language, version, then a download (DOCX, PDF)
 * or the print view (HTML) in a new tab. In the editor it also holds the signature blocks, which
 * the committees fill in. A native modal `<dialog>`, like the others.
 */
export function ExportDialog({ declarationId, open, onClose, version, adopted, signatories }: ExportDialogProps) {
  const { t, i18n } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const [format, setFormat] = useState<ExportFormat>('docx');
  const [lang, setLang] = useState<ExportLang>(i18n.language === 'ja' ? 'ja' : i18n.language === 'fr' ? 'fr' : 'bilingual');
  const [comments, setComments] = useState(false);
  const [which, setWhich] = useState<'current' | 'adopted'>(adopted ? 'adopted' : 'current');
  const [state, setState] = useState<{ status: 'idle' | 'working' } | { status: 'error'; message: string }>({ status: 'idle' });

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      setState({ status: 'idle' });
      dialog.showModal();
    } else if (!open && dialog.open) dialog.close();
  }, [open]);

  useEffect(() => {
    if (!adopted && which === 'adopted') setWhich('current');
  }, [adopted, which]);

  const versionRef = version?.id ?? which;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (format === 'html' || state.status === 'working') return;
    setState({ status: 'working' });
    try {
      await downloadExport(exportUrl(declarationId, { format, lang, version: versionRef, comments }));
      setState({ status: 'idle' });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      setState({ status: 'error', message: error instanceof ApiError && error.code === 'pdf_unavailable' ? t('exportMenu.pdfUnavailable', { message }) : t('exportMenu.failed', { message }) });
    }
  };

  return (
    <dialog
      ref={ref}
      className="name-dialog export-dialog"
      aria-labelledby={titleId}
      data-testid="export-dialog"
      onCancel={() => onClose()}
    >
      {open && (
        <form onSubmit={submit}>
          <h2 id={titleId}>{version ? t('exportMenu.versionHeading', { version: version.title }) : t('exportMenu.heading')}</h2>
          <fieldset className="export-choice">
            <legend>{t('exportMenu.format')}</legend>
            {EXPORT_FORMATS.map((f) => (
              <label key={f} className="export-choice__option">
                <input type="radio" name="format" value={f} checked={format === f} onChange={() => setFormat(f)} data-testid={`export-format-${f}`} />
                <span>{t(FORMAT_LABEL[f])}</span>
              </label>
            ))}
          </fieldset>
          <fieldset className="export-choice">
            <legend>{t('exportMenu.language')}</legend>
            {EXPORT_LANGS.map((l) => (
              <label key={l} className="export-choice__option">
                <input type="radio" name="lang" value={l} checked={lang === l} onChange={() => setLang(l)} data-testid={`export-lang-${l}`} />
                <span>{t(LANG_LABEL[l])}</span>
              </label>
            ))}
          </fieldset>
          {!version && (
            <fieldset className="export-choice">
              <legend>{t('exportMenu.version')}</legend>
              <label className="export-choice__option">
                <input type="radio" name="version" checked={which === 'current'} onChange={() => setWhich('current')} data-testid="export-version-current" />
                <span>{t('exportMenu.versionCurrent')}</span>
              </label>
              <label className={`export-choice__option${adopted ? '' : ' export-choice__option--disabled'}`}>
                <input type="radio" name="version" checked={which === 'adopted'} disabled={!adopted} onChange={() => setWhich('adopted')} data-testid="export-version-adopted" />
                <span>
                  {t('exportMenu.versionAdopted')}
                  {!adopted && <span className="muted"> ({t('exportMenu.notAdopted')})</span>}
                </span>
              </label>
            </fieldset>
          )}
          <label className="export-dialog__comments">
            <input type="checkbox" checked={comments} onChange={(event) => setComments(event.target.checked)} data-testid="export-comments" />
            <span>
              {t('exportMenu.comments')}
              <span className="export-dialog__hint">{t('exportMenu.commentsHint')}</span>
            </span>
          </label>
          <p className="export-dialog__note">{t('exportMenu.draftNote')}</p>
          {signatories && <SignatoriesFields doc={signatories.doc} lockedReason={signatories.lockedReason} />}
          {state.status === 'error' && (
            <p className="form-error" role="alert" data-testid="export-error">
              {state.message}
            </p>
          )}
          <div className="name-dialog__actions">
            <button type="button" className="button button--quiet" onClick={onClose}>
              {t('exportMenu.close')}
            </button>
            {format === 'html' ? (
              <a className="button button--primary" href={printPath(declarationId, lang, versionRef, comments)} target="_blank" rel="noopener" data-testid="export-open-print">
                {t('exportMenu.openPrint')}
              </a>
            ) : (
              <button type="submit" className="button button--primary" disabled={state.status === 'working'} data-testid="export-download">
                {state.status === 'working' ? t('exportMenu.downloading') : t('exportMenu.download')}
              </button>
            )}
          </div>
        </form>
      )}
    </dialog>
  );
}
