import type { DeclarationJson } from '@accord/model/readDeclaration';
import { orderedTitles } from '../ui/orderedTitles';

/** Section id → its title in the interface language (the other language when that one is empty). */
export function sectionTitles(declaration: DeclarationJson, uiLanguage: string): Map<string, string> {
  return new Map(declaration.sections.map((section) => [section.id, orderedTitles(section.title, uiLanguage)[0]?.text ?? section.id]));
}
