import type { TFunction } from 'i18next';
import type { VersionSummary } from '../api/versionsApi';

export interface VersionFacts {
  /** Who: the author of a saved version; for an automatic one, whose edits it holds, or « automatique ». */
  byline: string;
  /** What changed since the version before (« 3 passages dans 2 sections »); null when not recorded. */
  changes: string | null;
}

/** The lines under a version's name on the timeline and on its page. */
export function versionFacts(version: VersionSummary, t: TFunction): VersionFacts {
  const byline =
    version.kind === 'automatic'
      ? version.author
        ? t('history.writtenBy', { authors: version.author })
        : t('history.automaticAuthor')
      : version.author
        ? t('history.by', { author: version.author })
        : '';
  const counts = version.changes;
  const changes =
    counts === null
      ? null
      : counts.passages === 0
        ? t('history.noTextChange')
        : t('history.changes', {
            passages: t('history.changesPassages', { count: counts.passages }),
            sections: t('history.changesSections', { count: counts.sections }),
          });
  return { byline, changes };
}
