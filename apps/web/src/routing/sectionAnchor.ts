/** The DOM id of a section's row, the target of the outline's links. */
export function sectionAnchor(sectionId: string): string {
  return `section-${sectionId.replace(/[^A-Za-z0-9_-]/g, '_')}`;
}
