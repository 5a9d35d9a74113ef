import { LANGS } from '@accord/model/declarationLayout';
import type { SectionJson } from '@accord/model/readDeclaration';
import { useTranslation } from 'react-i18next';
import './versions.css';
import { PageTitle } from '../ui/PageTitle';
import { getVersion } from '../api/versionsApi';
import { Link } from '../routing/Link';
import { comparePath, declarationPath } from '../routing/route';
import { AppHeader } from '../ui/AppHeader';
import { formatDateTime } from '../ui/formatDateTime';
import { orderedTitles } from '../ui/orderedTitles';
import { useLoaded } from '../api/useLoaded';
import { versionFacts } from './versionFacts';
import { versionTitle } from './versionTitle';
import { ColumnHeads } from '../ui/ColumnHeads';

/** `/d/<id>/v/<versionId>`: a saved version, both languages side by side, passage by passage, read only. */
export function VersionPage({ id, versionId }: { id: string; versionId: string }) {
  const { t, i18n } = useTranslation();
  const [content] = useLoaded(`${id}/${versionId}`, (signal) => getVersion(id, versionId, signal));

  if (content.status !== 'ready') {
    return (
      <>
        <AppHeader />
        <main id="main" className="editor-page">
          {content.status === 'loading' ? (
            <p className="muted" role="status">
              {t('version.loading')}
            </p>
          ) : (
            <p className="notice notice--error" role="alert">
              {t('version.loadError', { message: content.message })}
            </p>
          )}
          <p>
            <Link href={declarationPath(id)}>{t('version.backToEditor')}</Link>
          </p>
        </main>
      </>
    );
  }

  const { version, declaration } = content.value;
  const [primary, secondary] = orderedTitles(declaration.meta.title, i18n.language);
  const date = formatDateTime(version.createdAt, i18n.language);
  const facts = versionFacts(version, t);
  if (primary) document.title = `${primary.text} — ${date} — Accord`;
  return (
    <>
      <AppHeader>
        <PageTitle title={primary ?? { text: '' }} subtitle={secondary} />
      </AppHeader>
      <main id="main" className="version-page" data-testid="version-page">
        <div className="read-only-banner" role="note">
          <div>
            <p className="read-only-banner__title">{t('version.banner', { date })}</p>
            <p className="read-only-banner__meta">
              <span>{versionTitle(version, t)}</span>
              {facts.byline && <span>{facts.byline}</span>}
              {facts.changes && <span>{facts.changes}</span>}
              <code title={t('history.hashTitle', { hash: version.hash })}>{version.hash.slice(0, 8)}</code>
            </p>
          </div>
          <p className="read-only-banner__actions">
            <Link href={comparePath(id, version.id, 'current')} className="button">
              {t('version.compareNow')}
            </Link>
            <Link href={declarationPath(id)} className="button button--primary">
              {t('version.backToEditor')}
            </Link>
          </p>
        </div>
        <ColumnHeads />
        {declaration.sections.map((section, index) => (
          <VersionSection key={section.id} section={section} index={index} />
        ))}
      </main>
    </>
  );
}

function VersionSection({ section, index }: { section: SectionJson; index: number }) {
  const { t } = useTranslation();
  return (
    <section className="section-row read-only-section" data-section-id={section.id}>
      <div className="read-only-section__row">
        {LANGS.map((lang) => (
          <h2 key={lang} className="read-only-section__title" lang={lang}>
            <span className="section-row__number" aria-hidden="true">
              {index + 1}
            </span>{' '}
            {section.title[lang] || t('editor.untitled')}
          </h2>
        ))}
      </div>
      {section.segments.map((segment) => (
        <div key={segment.sid} className="read-only-section__row" data-sid={segment.sid}>
          {LANGS.map((lang) => (
            <p key={lang} lang={lang} className={`read-only-text read-only-text--${lang}${segment[lang] === '' ? ' read-only-text--empty' : ''}`}>
              {segment[lang] || t('version.empty')}
            </p>
          ))}
        </div>
      ))}
    </section>
  );
}
