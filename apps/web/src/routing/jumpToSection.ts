import { sectionAnchor } from './sectionAnchor';

/** Scrolls to a section's row and moves keyboard focus there, so Tab continues from it. */
export function jumpToSection(sectionId: string): void {
  const anchor = sectionAnchor(sectionId);
  const target = document.getElementById(anchor);
  if (!target) return;
  target.scrollIntoView({ behavior: matchMedia('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth', block: 'start' });
  target.focus({ preventScroll: true });
  history.replaceState(history.state, '', `${location.pathname}${location.search}#${anchor}`);
}
