import { createRoot } from 'react-dom/client';
import { App } from './App';
import { askMembershipEarly } from './access/earlyMembership';
import { initI18n } from './i18n/initI18n';
import { pageCodeLoaded } from './routing/pageModules';
import { parseRoute } from './routing/route';
import './styles.css';
// After styles.css, whose rules it adapts to phones and to the two-row header.
import './layout/layout.css';

initI18n();
const route = parseRoute(location.pathname);
if (route.page === 'declaration') askMembershipEarly(route.id);

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
// No <StrictMode>: its double-mounting in development would create a second, briefly live TipTap
// editor bound to the same shared Yjs fragment for every section.
createRoot(root).render(<App />);

// The app shell stays available offline (public/sw.js); not in development, where Vite serves
// modules that change on every save.
// Registered once this page's own code has arrived: the worker then fetches the rest of the build
// (shell.json) without competing with what the visitor is waiting for on a slow network.
if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  void pageCodeLoaded(route)
    .then(() => navigator.serviceWorker.register('/sw.js'))
    .catch((error: unknown) => console.warn('Accord: offline shell unavailable', error));
}
