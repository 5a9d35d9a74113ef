import { SECTION_STATES, type SectionState } from '@accord/workflow/sectionWorkflow';

export function isSectionState(value: unknown): value is SectionState {
  return typeof value === 'string' && (SECTION_STATES as readonly string[]).includes(value);
}
