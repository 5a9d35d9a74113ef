import type { Lang } from '@accord/model/declarationLayout';
import { DOUBTFUL_BELOW, isAccepted, type PreviewPair } from '@accord/import/ImportPreview';
import { useTranslation } from 'react-i18next';
import { InlineText } from './InlineText';

export interface PairActions {
  merge?: () => void;
  split: () => void;
  shift: (lang: Lang, direction: 'up' | 'down') => void;
  canShiftUp: (lang: Lang) => boolean;
  untranslated: (lang: Lang) => void;
  accept: (accepted: boolean) => void;
}

/** One aligned pair of the review screen: the French and the Japanese block side by side, and what can be done to them. */
export function PairRow({ pair, actions, index }: { pair: PreviewPair; actions: PairActions; index: number }) {
  const { t } = useTranslation();
  const oneSided = pair.fr === '' || pair.ja === '';
  const doubtful = !oneSided && pair.confidence < DOUBTFUL_BELOW && pair.accepted === undefined;
  const side = (lang: Lang) => (
    <div className={`import-pair__side import-pair__side--${lang}`} lang={lang}>
      <span className={`lang-tag lang-tag--${lang}`}>{lang.toUpperCase()}</span>
      {pair[lang] === '' ? (
        <p className="import-pair__missing">{t('importer.missing')}</p>
      ) : pair.type === 'table' && pair.table ? (
        <table className="import-pair__table">
          <tbody>
            {pair.table[lang].map((row, r) => (
              <tr key={r}>
                {row.map((cell, c) =>
                  r === 0 && pair.table?.header ? (
                    <th key={c} scope="col">
                      <InlineText text={cell} />
                    </th>
                  ) : (
                    <td key={c}>
                      <InlineText text={cell} />
                    </td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className={`import-pair__text import-pair__text--${pair.type}`}>
          {pair.type === 'bullet' && '• '}
          {pair.type === 'ordered' && `${pair.number ?? ''}. `}
          <InlineText text={pair[lang]} />
        </p>
      )}
      <div className="import-pair__side-actions">
        <button type="button" className="button button--small button--quiet" disabled={!actions.canShiftUp(lang)} onClick={() => actions.shift(lang, 'up')} title={t('importer.up', { lang: lang.toUpperCase() })} aria-label={t('importer.up', { lang: lang.toUpperCase() })} data-testid={`shift-up-${lang}`}>
          ↑
        </button>
        <button type="button" className="button button--small button--quiet" disabled={pair[lang] === ''} onClick={() => actions.shift(lang, 'down')} title={t('importer.down', { lang: lang.toUpperCase() })} aria-label={t('importer.down', { lang: lang.toUpperCase() })} data-testid={`shift-down-${lang}`}>
          ↓
        </button>
        <button type="button" className="button button--small button--quiet" disabled={pair[lang] === '' || oneSided} onClick={() => actions.untranslated(lang)} data-testid={`untranslated-${lang}`}>
          {t('importer.untranslated')}
        </button>
      </div>
    </div>
  );
  return (
    <li className={`import-pair${doubtful ? ' import-pair--doubtful' : ''}${oneSided ? ' import-pair--one-sided' : ''}`} data-testid="import-pair" data-index={index} data-doubtful={doubtful || undefined}>
      <div className="import-pair__sides">
        {side('fr')}
        {side('ja')}
      </div>
      <div className="import-pair__bar">
        {doubtful ? (
          <span className="import-pair__badge import-pair__badge--doubtful">⚠ {t('importer.doubtful')}</span>
        ) : (
          !oneSided && <span className="import-pair__badge">{t('importer.confidence', { percent: Math.round(pair.confidence * 100) })}</span>
        )}
        <label className="import-pair__accept">
          <input type="checkbox" checked={isAccepted(pair)} disabled={oneSided} onChange={(e) => actions.accept(e.target.checked)} data-testid="accept-pair" />
          {t('importer.accepted')}
        </label>
        <span className="import-pair__spacer" />
        <button type="button" className="button button--small" onClick={actions.split} data-testid="split-pair">
          {t('importer.split')}
        </button>
        {actions.merge && (
          <button type="button" className="button button--small" onClick={actions.merge} data-testid="merge-pair">
            {t('importer.merge')}
          </button>
        )}
      </div>
    </li>
  );
}
