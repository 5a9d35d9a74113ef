import { LANGS } from '@accord/model/declarationLayout';
import { useTranslation } from 'react-i18next';
import type { SectionDiff, SegmentDiff } from '@accord/diff/diffDeclarations';
import { sectionAnchor } from '../routing/sectionAnchor';
import { Link } from '../routing/Link';
import { passagePath } from '../routing/route';
import { DiffText } from './DiffText';
import { LanguageTag } from './LanguageTag';
import { StatusBadge } from './StatusBadge';
import { orderedTitles } from '../ui/orderedTitles';

interface SectionDiffViewProps {
  declarationId: string;
  section: SectionDiff;
  index: number;
  changedOnly: boolean;
}

/** One section of a comparison: its titles in both languages and its status, its title change if any, then its passages, FR | JA. */
export function SectionDiffView({ declarationId, section, index, changedOnly }: SectionDiffViewProps) {
  const { t } = useTranslation();
  const title = section.title.new ?? section.title.old;
  // Both languages, French first as the columns are: the committees read each other's titles too.
  const headings = title ? orderedTitles(title, 'fr') : [];
  const segments = changedOnly ? section.segments.filter((s) => s.status !== 'unchanged') : section.segments;
  // A removed section has no place in the editor; its neighbours do, but the reader asked for this one.
  const linkable = section.status !== 'removed';
  return (
    <section
      className={`diff-section diff-section--${section.status}`}
      data-section-id={section.id}
      data-status={section.status}
      data-testid={`diff-section-${section.id}`}
    >
      <header className="diff-section__head">
        <h2 className="diff-section__title">
          <span className="section-row__number" aria-hidden="true">
            {index + 1}
          </span>{' '}
          {headings.length === 0 && t('editor.untitled')}
          {headings.map(({ lang, text }, n) => (
            <span key={lang} lang={lang} className={n === 0 ? 'diff-section__title-main' : 'diff-section__title-other'} data-lang={lang}>
              {text}
            </span>
          ))}
        </h2>
        <StatusBadge status={section.status} />
      </header>
      {section.title.languages !== 'unchanged' && (
        <div className="diff-row diff-row--title">
          <div className="diff-row__meta">
            <span className="diff-row__what">{t('compare.title')}</span>
            <LanguageTag languages={section.title.languages} />
          </div>
          <div className="diff-row__columns">
            {LANGS.map((l) => (
              <DiffText key={l} ops={section.title.ops[l]} lang={l} />
            ))}
          </div>
        </div>
      )}
      {segments.map((segment) => {
        const row = {
          'data-sid': segment.sid,
          'data-status': segment.status,
          'data-languages': segment.languages,
          'data-testid': 'diff-row',
        };
        // A removed passage has no place in the editor to open.
        return linkable && segment.status !== 'removed' ? (
          <Link
            key={segment.sid}
            href={passagePath(declarationId, sectionAnchor(section.id), segment.sid, staleSide(segment))}
            className={`diff-row diff-row--${segment.status} diff-row--link`}
            title={t('compare.openInEditor')}
            {...row}
          >
            <SegmentRowContent segment={segment} />
          </Link>
        ) : (
          <div key={segment.sid} className={`diff-row diff-row--${segment.status}`} {...row}>
            <SegmentRowContent segment={segment} />
          </div>
        );
      })}
    </section>
  );
}

function SegmentRowContent({ segment }: { segment: SegmentDiff }) {
  return (
    <>
      <div className="diff-row__meta">
        {segment.status !== 'changed' && segment.status !== 'unchanged' && <StatusBadge status={segment.status} />}
        <LanguageTag languages={segment.languages} />
      </div>
      <div className="diff-row__columns">
        {LANGS.map((lang) => (
          <DiffText key={lang} ops={segment.ops[lang]} lang={lang} className={segment.ops[lang].length === 0 ? 'diff-text--empty' : undefined} />
        ))}
      </div>
    </>
  );
}

/** Where the work is after a one-sided change: the translation that did not follow. */
function staleSide(segment: SegmentDiff): 'fr' | 'ja' | undefined {
  if (segment.languages === 'fr-only') return 'ja';
  if (segment.languages === 'ja-only') return 'fr';
  return undefined;
}
