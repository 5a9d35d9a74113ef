import { useTranslation } from 'react-i18next';
import { useUiLanguage } from '../i18n/useUiLanguage';
import type { OpenProblem } from './openProblems';

/** How many problems a dialog lists before « … and N more ». */
const SHOWN = 12;

/** The open problems, listed in a dialog before a step that concerns everyone (adopt, validate). */
export function OpenProblemsList({ problems, titles, testId }: { problems: readonly OpenProblem[]; titles: ReadonlyMap<string, string>; testId: string }) {
  const { t } = useTranslation();
  const [language] = useUiLanguage();
  const more = problems.length - SHOWN;
  return (
    <>
      <p>{t('review.problemsIntro')}</p>
      <ul className="review-open-problems" data-testid={testId} data-count={problems.length}>
        {problems.slice(0, SHOWN).map((p) => {
          const section = titles.get(p.sectionId) ?? p.sectionId;
          return (
            <li key={p.key} data-kind={p.kind}>
              {p.kind === 'finding' && p.message
                ? t('review.problemFinding', { section, message: p.message[language] })
                : t(p.kind === 'stale' ? 'review.problemStale' : 'review.problemUntranslated', { section, text: p.text })}
            </li>
          );
        })}
        {more > 0 && <li>{t('review.problemsMore', { count: more })}</li>}
      </ul>
    </>
  );
}
