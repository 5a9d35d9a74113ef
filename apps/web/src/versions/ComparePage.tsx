import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import './versions.css';
import { PageTitle } from '../ui/PageTitle';
import { getDeclaration } from '../api/declarationsApi';
import { CURRENT, getDiff, listVersions, type VersionSummary } from '../api/versionsApi';
import { Link } from '../routing/Link';
import { replaceQuery } from '../routing/replaceQuery';
import { declarationPath } from '../routing/route';
import { useSearchParam } from '../routing/useSearchParam';
import { AppHeader } from '../ui/AppHeader';
import { formatDateTime } from '../ui/formatDateTime';
import { orderedTitles } from '../ui/orderedTitles';
import { SectionDiffView } from './SectionDiffView';
import { useLoaded } from '../api/useLoaded';
import { versionFacts } from './versionFacts';
import { versionTitle } from './versionTitle';
import { ColumnHeads } from '../ui/ColumnHeads';

/**
 * `/d/<id>/compare?from=<version>&to=<version|current>`: what changed between two texts, section
 * by section, French diff on the left and Japanese on the right. Without `from`, the newest
 * version is compared with the current text.
 */
export function ComparePage({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  // Only for the header: which declaration this is.
  const [declaration] = useLoaded(id, (signal) => getDeclaration(id, signal));
  const [title] = declaration.status === 'ready' ? orderedTitles(declaration.value.meta.title, i18n.language) : [];
  const fromParam = useSearchParam('from');
  const to = useSearchParam('to') ?? CURRENT;
  const [versions] = useLoaded(id, (signal) => listVersions(id, signal));
  const [changedOnly, setChangedOnly] = useState(true);
  const filterId = useId();

  const newest = versions.status === 'ready' ? (versions.value[0]?.id ?? null) : null;
  const from = fromParam ?? newest;
  useEffect(() => {
    // Write the default into the address, so the page can be shared and reloaded as it is.
    if (!fromParam && newest) replaceQuery({ from: newest, to });
  }, [fromParam, newest, to]);

  return (
    <>
      <AppHeader>
        <PageTitle title={{ text: t('compare.heading') }} subtitle={title} />
      </AppHeader>
      <main id="main" className="compare-page" data-testid="compare-page">
        <div className="compare-toolbar">
          <VersionPicker
            label={t('compare.from')}
            value={from}
            versions={versions.status === 'ready' ? versions.value : []}
            withCurrent={false}
            onChange={(value) => replaceQuery({ from: value, to })}
            testId="compare-from"
          />
          <span className="compare-toolbar__arrow" aria-hidden="true">
            →
          </span>
          <VersionPicker
            label={t('compare.to')}
            value={to}
            versions={versions.status === 'ready' ? versions.value : []}
            withCurrent
            onChange={(value) => replaceQuery(from ? { from, to: value } : { to: value })}
            testId="compare-to"
          />
          <label className="compare-toolbar__filter" htmlFor={filterId}>
            <input id={filterId} type="checkbox" checked={changedOnly} onChange={(event) => setChangedOnly(event.target.checked)} data-testid="changed-only" />
            {t('compare.changedOnly')}
          </label>
          <Link href={declarationPath(id)} className="button compare-toolbar__back">
            {t('compare.backToEditor')}
          </Link>
        </div>
        {versions.status === 'error' && (
          <p className="notice notice--error" role="alert">
            {t('compare.loadError', { message: versions.message })}
          </p>
        )}
        {versions.status === 'ready' && !from && <p className="notice">{t('compare.noVersions')}</p>}
        {from && <DiffBody id={id} from={from} to={to} changedOnly={changedOnly} />}
      </main>
    </>
  );
}

function DiffBody({ id, from, to, changedOnly }: { id: string; from: string; to: string; changedOnly: boolean }) {
  const { t } = useTranslation();
  const [diff] = useLoaded(`${id}\n${from}\n${to}`, (signal) => getDiff(id, from, to, signal));
  if (diff.status === 'loading') {
    return (
      <p className="muted" role="status">
        {t('compare.loading')}
      </p>
    );
  }
  if (diff.status === 'error') {
    return (
      <p className="notice notice--error" role="alert">
        {t('compare.loadError', { message: diff.message })}
      </p>
    );
  }
  const { sections, summary } = diff.value;
  const counts = summary.segments.status;
  const shown = changedOnly ? sections.filter((s) => s.status !== 'unchanged') : sections;
  return (
    <div className="compare-body" data-testid="diff-body">
      <p className="compare-summary" role="status">
        {t('compare.summary', { changed: counts.changed, added: counts.added, removed: counts.removed, moved: counts.moved })}
      </p>
      <ColumnHeads />
      {shown.length === 0 && <p className="notice">{t('compare.nothingChanged')}</p>}
      {shown.map((section) => (
        <SectionDiffView
          key={section.id}
          declarationId={id}
          section={section}
          index={sections.indexOf(section)}
          changedOnly={changedOnly}
        />
      ))}
    </div>
  );
}

interface VersionPickerProps {
  label: string;
  value: string | null;
  versions: VersionSummary[];
  withCurrent: boolean;
  onChange(value: string): void;
  testId: string;
}

function VersionPicker({ label, value, versions, withCurrent, onChange, testId }: VersionPickerProps) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const captionId = useId();
  const known = value === null || value === CURRENT || versions.some((v) => v.id === value);
  const chosen = versions.find((v) => v.id === value) ?? null;
  const facts = chosen ? versionFacts(chosen, t) : null;
  return (
    <div className="compare-picker">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value ?? ''} onChange={(event) => onChange(event.target.value)} aria-describedby={chosen ? captionId : undefined} data-testid={testId}>
        {withCurrent && <option value={CURRENT}>{t('compare.current')}</option>}
        {/* A version not (yet) in the list — still loading, or from a shared link — stays selectable. */}
        {!known && value && <option value={value}>{value}</option>}
        {versions.map((version) => (
          <option key={version.id} value={version.id}>
            {versionTitle(version, t)} — {formatDateTime(version.createdAt, i18n.language, { compact: true })}
          </option>
        ))}
      </select>
      {/* The whole of the chosen version, wrapped: a long name may not fit in the select on a phone. */}
      {chosen && facts && (
        <p id={captionId} className="compare-picker__caption" data-testid={`${testId}-caption`}>
          {[versionTitle(chosen, t), formatDateTime(chosen.createdAt, i18n.language), facts.byline, facts.changes].filter(Boolean).join(' · ')}
        </p>
      )}
    </div>
  );
}
