import type { TFunction } from 'i18next';
import type { VersionSummary } from '../api/versionsApi';

/** A version's name: its label, or what kind of version the server made by itself. */
export function versionTitle(version: VersionSummary, t: TFunction): string {
  if (version.label) return version.label;
  return version.kind === 'before-restore' ? t('history.beforeRestore') : t('history.automatic');
}
