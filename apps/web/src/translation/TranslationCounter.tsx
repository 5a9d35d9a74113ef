import type { TranslationCounts } from '@accord/model/translationState';
import { useTranslation } from 'react-i18next';

interface TranslationCounterProps {
  counts: TranslationCounts;
  /** `row`: one line, problems shown only when there are some; `total`: all three, stacked. */
  variant: 'row' | 'total';
  testId: string;
}

/** How many segments are in sync, to review and untranslated; the numbers are data attributes too. */
export function TranslationCounter({ counts, variant, testId }: TranslationCounterProps) {
  const { t } = useTranslation();
  const items = [
    { key: 'in-sync', count: counts.inSync, text: t('translation.countInSync', { count: counts.inSync }) },
    { key: 'stale', count: counts.stale, text: t('translation.countStale', { count: counts.stale }) },
    { key: 'untranslated', count: counts.untranslated, text: t('translation.countUntranslated', { count: counts.untranslated }) },
  ] as const;
  const shown = variant === 'total' ? items : items.filter((item) => item.key === 'in-sync' || item.count > 0);
  return (
    <p
      className={`translation-counts translation-counts--${variant}`}
      role="group"
      aria-label={t('translation.summary', { inSync: counts.inSync, stale: counts.stale, untranslated: counts.untranslated })}
      data-testid={testId}
      data-in-sync={counts.inSync}
      data-stale={counts.stale}
      data-untranslated={counts.untranslated}
    >
      {shown.map((item) => (
        <span
          key={item.key}
          className={`translation-counts__item translation-counts__item--${item.key}${item.count === 0 ? ' translation-counts__item--zero' : ''}`}
          aria-hidden="true"
        >
          <span className="translation-counts__dot" />
          {item.text}
        </span>
      ))}
    </p>
  );
}
