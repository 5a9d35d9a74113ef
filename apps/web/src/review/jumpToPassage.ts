import { placeCaret } from '../editor/useScrollToPassage';
import { jumpToSection } from '../routing/jumpToSection';
import { sectionAnchor } from '../routing/sectionAnchor';

/**
 * Brings a finding's passage into view and puts the caret at its start, on the side at fault
 * (French for a pair that disagrees); the section itself when the passage is gone or the finding
 * is about the whole declaration.
 */
export function jumpToPassage(sectionId: string, sid: string | null, lang: 'fr' | 'ja' | 'both'): void {
  const section = document.getElementById(sectionAnchor(sectionId));
  const side = lang === 'both' ? 'fr' : lang;
  const block = sid && section
    ? (section.querySelector<HTMLElement>(`.ProseMirror[data-lang="${side}"] [data-sid="${CSS.escape(sid)}"]`) ??
      section.querySelector<HTMLElement>(`.ProseMirror [data-sid="${CSS.escape(sid)}"]`))
    : null;
  if (!block) {
    jumpToSection(sectionId);
    return;
  }
  block.scrollIntoView({ behavior: matchMedia('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth', block: 'center' });
  placeCaret(block);
}
