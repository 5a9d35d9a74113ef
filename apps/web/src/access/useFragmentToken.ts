import { useSyncExternalStore } from 'react';

function subscribe(onChange: () => void): () => void {
  addEventListener('hashchange', onChange);
  addEventListener('popstate', onChange);
  return () => {
    removeEventListener('hashchange', onChange);
    removeEventListener('popstate', onChange);
  };
}

/**
 * The secret carried in the address's fragment (`/join#<token>`, `/admin#<token>`): a fragment
 * never leaves the browser, so the token reaches no server or proxy log. `""` when absent.
 */
export function useFragmentToken(): string {
  return useSyncExternalStore(subscribe, () => decodeURIComponent(location.hash.slice(1)).trim());
}
