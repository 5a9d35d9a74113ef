import { useSyncExternalStore } from 'react';
import { parseRoute, type Route } from './route';

function subscribe(onChange: () => void): () => void {
  addEventListener('popstate', onChange);
  return () => removeEventListener('popstate', onChange);
}

let cachedPath = '';
let cachedRoute: Route = { page: 'home' };

// useSyncExternalStore compares snapshots by identity: parse once per distinct path.
function snapshot(): Route {
  if (location.pathname !== cachedPath || cachedPath === '') {
    cachedPath = location.pathname;
    cachedRoute = parseRoute(cachedPath);
  }
  return cachedRoute;
}

export function useRoute(): Route {
  return useSyncExternalStore(subscribe, snapshot);
}
