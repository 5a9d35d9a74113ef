import { canonicalHash } from '@accord/model/canonicalHash';
import type { SectionJson } from '@accord/model/readDeclaration';

/** The hash of a section's title and text in both languages (W5): what a validation or approval is bound to. */
export function sectionHash(section: Pick<SectionJson, 'title' | 'segments'>): string {
  return canonicalHash({ title: section.title, segments: section.segments });
}
