import { UI_LANGUAGES, type UiLanguage } from './resources';

const STORAGE_KEY = 'accord.uiLanguage';

export function isUiLanguage(value: unknown): value is UiLanguage {
  return typeof value === 'string' && (UI_LANGUAGES as readonly string[]).includes(value);
}

/**
 * The interface language to start with: the one chosen earlier on this device, else the first
 * of the browser's preferred languages Accord speaks, else English (the committees' common
 * third language).
 */
export function initialUiLanguage(): UiLanguage {
  const stored = readStored();
  if (stored) return stored;
  for (const tag of navigator.languages.length > 0 ? navigator.languages : [navigator.language]) {
    const primary = tag.toLowerCase().split('-')[0];
    if (isUiLanguage(primary)) return primary;
  }
  return 'en';
}

export function rememberUiLanguage(lang: UiLanguage): void {
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // Private browsing or a full quota: the choice then lasts for this page only.
  }
}

function readStored(): UiLanguage | null {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return isUiLanguage(value) ? value : null;
  } catch {
    return null;
  }
}
