import type { TFunction } from 'i18next';
import type { VersionSummary } from '../api/versionsApi';

/** A version's name: its label, or what kind of version the server made by itself. */
export function versionTitle(version: VersionSummary, t: TFunction): string {
  if (version.label) return version.label;
  if (version.kind === 'adopted') return t('history.adopted');
  if (version.kind === 'before-restore') return t('history.beforeRestore');
  if (version.kind === 'before-removal') return t('history.beforeRemoval');
  return t('history.automatic');
}
