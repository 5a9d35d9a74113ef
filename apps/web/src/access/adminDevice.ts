import { useSyncExternalStore } from 'react';

const STORAGE_KEY = 'accord.admin';
const listeners = new Set<() => void>();

/**
 * Whether an administrator signed in on this device. The session cookie is HttpOnly, so the page
 * cannot read it: this flag only decides what the home page offers (the new-declaration form).
 * The server decides what is allowed; a refused creation clears the flag.
 */
export const adminDevice = {
  get(): boolean {
    try {
      return localStorage.getItem(STORAGE_KEY) === '1';
    } catch {
      return false;
    }
  },
  set(signedIn: boolean): void {
    try {
      if (signedIn) localStorage.setItem(STORAGE_KEY, '1');
      else localStorage.removeItem(STORAGE_KEY);
    } catch {
      // The flag lasts for this page only.
    }
    for (const listener of listeners) listener();
  },
};

export function useAdminDevice(): boolean {
  return useSyncExternalStore((onChange) => {
    listeners.add(onChange);
    return () => listeners.delete(onChange);
  }, adminDevice.get);
}
