import type { ImportPreviewBody } from '@accord/protocol/rest/import';
import { useTranslation } from 'react-i18next';

type Meta = ImportPreviewBody['meta'];

/** What the texts said of the declaration (title, edition, cities, dates), for the user to confirm. */
export function MetaFields({ meta, onChange }: { meta: Meta; onChange: (meta: Meta) => void }) {
  const { t } = useTranslation();
  const bilingual = (key: 'title' | 'hostCity' | 'nextHostCity', label: string) =>
    (['fr', 'ja'] as const).map((lang) => (
      <div className="field" key={`${key}-${lang}`}>
        <label>
          <span>
            <span className={`lang-tag lang-tag--${lang}`}>{lang.toUpperCase()}</span> {label}
          </span>
          <input lang={lang} value={meta[key][lang]} maxLength={key === 'title' ? 300 : 200} onChange={(e) => onChange({ ...meta, [key]: { ...meta[key], [lang]: e.target.value } })} data-testid={`meta-${key}-${lang}`} />
        </label>
      </div>
    ));
  return (
    <section className="panel import-meta">
      <h2>{t('importer.meta')}</h2>
      <div className="import-meta__grid">
        {bilingual('title', t('importer.title'))}
        {bilingual('hostCity', t('importer.hostCity'))}
        {bilingual('nextHostCity', t('importer.nextHostCity'))}
        <div className="field">
          <label>
            {t('importer.edition')}
            <input type="number" min={1} max={1000} value={meta.edition ?? ''} onChange={(e) => onChange({ ...meta, edition: e.target.value === '' ? null : Math.max(1, Math.round(Number(e.target.value))) })} />
          </label>
        </div>
        <div className="field import-meta__dates">
          <label>
            {t('importer.startDate')}
            <input type="date" value={meta.startDate} onChange={(e) => onChange({ ...meta, startDate: e.target.value })} />
          </label>
          <label>
            {t('importer.endDate')}
            <input type="date" value={meta.endDate} onChange={(e) => onChange({ ...meta, endDate: e.target.value })} />
          </label>
        </div>
      </div>
    </section>
  );
}
