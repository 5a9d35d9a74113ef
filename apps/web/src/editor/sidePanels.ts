import { lazy } from 'react';

/**
 * The editor's side panels and its export menu, which nobody needs to start typing, as chunks of
 * their own: a first visit on 400 kbit/s wifi then waits for the editor's code alone (issue 18).
 * `prefetchSidePanels` asks for them once the editor is editable, so that opening one later does
 * not wait on the network (and the service worker keeps them for offline use).
 */
const modules = {
  history: () => import('../versions/HistoryPanel').then((m) => ({ default: m.HistoryPanel })),
  progress: () => import('../workflow/ProgressPanel').then((m) => ({ default: m.ProgressPanel })),
  talk: () => import('../talk/TalkPanel').then((m) => ({ default: m.TalkPanel })),
  review: () => import('../review/ReviewPanel').then((m) => ({ default: m.ReviewPanel })),
  exportDialog: () => import('../export/ExportDialog').then((m) => ({ default: m.ExportDialog })),
};

export const HistoryPanel = lazy(modules.history);
export const ProgressPanel = lazy(modules.progress);
export const TalkPanel = lazy(modules.talk);
export const ReviewPanel = lazy(modules.review);
export const ExportDialog = lazy(modules.exportDialog);

/** Loads every panel's code in the background; one that fails now loads again when opened. */
export function prefetchSidePanels(): void {
  for (const load of Object.values(modules)) {
    load().catch((error: unknown) => console.warn('Accord: a panel’s code did not load ahead', error));
  }
}
