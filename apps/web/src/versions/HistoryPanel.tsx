import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import './versions.css';
import { SidePanel } from '../ui/SidePanel';
import { listVersions, restoreVersion, saveVersion, type VersionSummary } from '../api/versionsApi';
import { Link } from '../routing/Link';
import { comparePath, versionPath } from '../routing/route';
import { formatDateTime } from '../ui/formatDateTime';
import type { LocalUser } from '../user/localUser';
import { ActionDialog } from '../ui/ActionDialog';
import { useLoaded } from '../api/useLoaded';
import { versionFacts } from './versionFacts';
import { versionTitle } from './versionTitle';
import { ExportDialog } from '../export/ExportDialog';

interface HistoryPanelProps {
  declarationId: string;
  user: LocalUser;
  /** Saving a version is for those who write the whole text (the committees, administrators). */
  canSave: boolean;
  /** Restoring is an edit of every section: the same people, and not while the text is adopted. */
  canRestore: boolean;
  onClose(): void;
}

/**
 * The side panel of versions: save the text as it is now under a name, and for every version on
 * the timeline open it, compare it with now, or restore it. Not modal: the text stays editable
 * beside it, so one can look at the timeline while the others keep writing.
 */
export function HistoryPanel({ declarationId, user, canSave, canRestore, onClose }: HistoryPanelProps) {
  const { t, i18n } = useTranslation();
  const [versions, reload] = useLoaded(declarationId, (signal) => listVersions(declarationId, signal));
  const [restoring, setRestoring] = useState<VersionSummary | null>(null);
  const [exporting, setExporting] = useState<VersionSummary | null>(null);
  const legendId = useId();

  return (
    <SidePanel heading={t('history.heading')} closeLabel={t('history.close')} onClose={onClose} testId="history-panel">
      {canSave && <SaveVersionForm declarationId={declarationId} user={user} onSaved={reload} />}
      {versions.status === 'loading' && (
        <p className="muted" role="status">
          {t('history.loading')}
        </p>
      )}
      {versions.status === 'error' && (
        <div className="notice notice--error" role="alert">
          <p>{t('history.loadError', { message: versions.message })}</p>
          <button type="button" className="button" onClick={reload}>
            {t('history.retry')}
          </button>
        </div>
      )}
      {versions.status === 'ready' &&
        (versions.value.length === 0 ? (
          <p className="muted">{t('history.empty')}</p>
        ) : (
          <>
            <ol className="timeline" data-testid="version-list">
              {versions.value.map((version) => (
                <VersionItem
                  key={version.id}
                  declarationId={declarationId}
                  version={version}
                  legendId={legendId}
                  onRestore={canRestore ? () => setRestoring(version) : null}
                  onExport={() => setExporting(version)}
                />
              ))}
            </ol>
            {/* What the 8 characters on each version are: said once, under the timeline. */}
            <p id={legendId} className="timeline__legend" data-testid="hash-legend">
              {t('history.hashLegend', { example: versions.value[0]!.hash.slice(0, 8) })}
            </p>
          </>
        ))}
      <ActionDialog
        open={restoring !== null}
        title={t('history.restoreTitle')}
        body={restoring ? t('history.restoreBody', { label: versionTitle(restoring, t), date: formatDateTime(restoring.createdAt, i18n.language) }) : ''}
        confirmLabel={t('history.restoreConfirm')}
        onConfirm={async () => {
          await restoreVersion(declarationId, restoring!.id, user.name);
          // The restore saved the text before it as a version: show it.
          reload();
        }}
        onClose={() => setRestoring(null)}
        testId="restore-dialog"
      />
      <ExportDialog
        declarationId={declarationId}
        open={exporting !== null}
        onClose={() => setExporting(null)}
        version={exporting ? { id: exporting.id, title: versionTitle(exporting, t) } : undefined}
        adopted={false}
      />
    </SidePanel>
  );
}

function SaveVersionForm({ declarationId, user, onSaved }: { declarationId: string; user: LocalUser; onSaved(): void }) {
  const { t } = useTranslation();
  const [label, setLabel] = useState('');
  const [state, setState] = useState<{ status: 'idle' | 'saving' | 'saved' } | { status: 'error'; message: string }>({ status: 'idle' });
  const inputId = useId();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const trimmed = label.trim();
    if (trimmed === '' || state.status === 'saving') return;
    setState({ status: 'saving' });
    try {
      await saveVersion(declarationId, trimmed, user.name);
      setLabel('');
      setState({ status: 'saved' });
      onSaved();
    } catch (error) {
      setState({ status: 'error', message: error instanceof Error ? error.message : String(error) });
    }
  };

  return (
    <form className="save-version" onSubmit={submit} data-testid="save-version-form">
      <label htmlFor={inputId} className="save-version__label">
        {t('history.saveHeading')}
      </label>
      <div className="save-version__row">
        <input
          id={inputId}
          value={label}
          maxLength={200}
          placeholder={t('history.labelPlaceholder')}
          aria-label={t('history.labelField')}
          onChange={(event) => {
            setLabel(event.target.value);
            if (state.status !== 'saving') setState({ status: 'idle' });
          }}
          data-testid="version-label-input"
        />
        <button type="submit" className="button button--primary" disabled={label.trim() === '' || state.status === 'saving'} data-testid="save-version">
          {state.status === 'saving' ? t('history.saving') : t('history.save')}
        </button>
      </div>
      <p className="save-version__status" role="status">
        {state.status === 'saved' && t('history.saved')}
        {state.status === 'error' && <span className="form-error">{t('history.saveError', { message: state.message })}</span>}
      </p>
    </form>
  );
}

function VersionItem({
  declarationId,
  version,
  legendId,
  onRestore,
  onExport,
}: {
  declarationId: string;
  version: VersionSummary;
  /** The legend saying what the fingerprint is. */
  legendId: string;
  onRestore: (() => void) | null;
  onExport(): void;
}) {
  const { t, i18n } = useTranslation();
  const title = versionTitle(version, t);
  const { byline, changes } = versionFacts(version, t);
  return (
    <li className={`timeline__item timeline__item--${version.kind}`} data-version-id={version.id} data-testid="version-item">
      <span className="timeline__dot" aria-hidden="true" />
      <div className="timeline__body">
        <p className="timeline__title">
          <span>{title}</span>
        </p>
        <p className="timeline__meta">
          <time dateTime={version.createdAt}>{formatDateTime(version.createdAt, i18n.language)}</time>
          {byline && <span data-testid="version-byline">{byline}</span>}
          <code className="timeline__hash" title={t('history.hashTitle', { hash: version.hash })} aria-describedby={legendId} data-testid="version-hash">
            {version.hash.slice(0, 8)}
          </code>
        </p>
        {changes && (
          <p className="timeline__changes" data-testid="version-changes">
            {changes}
          </p>
        )}
        <p className="timeline__actions">
          <Link href={versionPath(declarationId, version.id)} data-testid="open-version">
            {t('history.openVersion')}
          </Link>
          <Link href={comparePath(declarationId, version.id, 'current')} data-testid="compare-version">
            {t('history.compareNow')}
          </Link>
          <button type="button" className="link-button" onClick={onExport} data-testid="export-version">
            {t('exportMenu.open')}
          </button>
          {onRestore && (
            <button type="button" className="link-button" onClick={onRestore} data-testid="restore-version">
              {t('history.restore')}
            </button>
          )}
        </p>
      </div>
    </li>
  );
}
