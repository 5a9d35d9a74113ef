import { SECTION_KINDS, type Lang } from '@accord/model/declarationLayout';
import type { PreviewPair, PreviewSection } from '@accord/import/ImportPreview';
import { canShiftUp, markUntranslated, mergeWithNext, shiftSide, splitPair } from '@accord/import/reviewEdits';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { PairRow } from './PairRow';

/**
 * One section of the review screen: its kind and titles, and its pairs with their edits. `kept`:
 * in an import into an existing declaration, the language the declaration has — its section's
 * kind and title in that language are the declaration's, shown and not edited here.
 */
export function ReviewSection({ section, onChange, index, kept }: { section: PreviewSection; onChange: (next: PreviewSection) => void; index: number; kept?: Lang }) {
  const { t } = useTranslation();
  const kindId = useId();
  const setPairs = (pairs: PreviewPair[]) => onChange({ ...section, pairs });
  const { pairs } = section;
  const existing = kept !== undefined && section.id !== undefined;
  return (
    <section className="panel import-section" data-testid="import-section" data-index={index}>
      <div className="import-section__head">
        <div className="field import-section__kind">
          <label htmlFor={kindId}>{t('importer.kind')}</label>
          <select id={kindId} value={section.kind} disabled={existing} onChange={(e) => onChange({ ...section, kind: e.target.value as PreviewSection['kind'] })} data-testid="section-kind">
            {SECTION_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {t(`importer.kinds.${kind}`)}
              </option>
            ))}
          </select>
          {kept !== undefined && !existing && <span className="import-section__new" data-testid="section-new">{t('importer.newSection')}</span>}
        </div>
        {(['fr', 'ja'] as const).map((lang: Lang) => (
          <div className="field import-section__title" key={lang}>
            <label>
              <span>
                <span className={`lang-tag lang-tag--${lang}`}>{lang.toUpperCase()}</span> {t('importer.sectionTitle')}
              </span>
              <input lang={lang} value={section.title[lang]} maxLength={300} readOnly={existing && lang === kept} onChange={(e) => onChange({ ...section, title: { ...section.title, [lang]: e.target.value } })} data-testid={`section-title-${lang}`} />
            </label>
          </div>
        ))}
      </div>
      <ol className="import-section__pairs">
        {pairs.map((pair, i) => (
          <PairRow
            key={i}
            index={i}
            pair={pair}
            actions={{
              ...(i + 1 < pairs.length ? { merge: () => setPairs(mergeWithNext(pairs, i)) } : {}),
              split: () => setPairs(splitPair(pairs, i, kept)),
              shift: (lang, direction) => setPairs(shiftSide(pairs, i, lang, direction, kept)),
              canShiftUp: (lang) => canShiftUp(pairs, i, lang),
              untranslated: (lang) => setPairs(markUntranslated(pairs, i, lang, kept)),
              accept: (accepted) => setPairs(pairs.map((p, k) => (k === i ? { ...p, accepted } : p))),
            }}
          />
        ))}
      </ol>
    </section>
  );
}
