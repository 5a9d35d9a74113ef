import { createRoot } from 'react-dom/client';
import { App } from './App';
import { initI18n } from './i18n/initI18n';
import './styles.css';

initI18n();

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
// No <StrictMode>: its double-mounting in development would create a second, briefly live TipTap
// editor bound to the same shared Yjs fragment for every section.
createRoot(root).render(<App />);

// The app shell stays available offline (public/sw.js); not in development, where Vite serves
// modules that change on every save.
if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  navigator.serviceWorker.register('/sw.js').catch((error: unknown) => console.warn('Accord: offline shell unavailable', error));
}
