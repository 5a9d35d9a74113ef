import type { SectionAction } from '@accord/workflow/sectionWorkflow';
import { declarationUrl, request } from './apiRequest';
import { jsonBody } from './jsonBody';


/**
 * Takes a workflow action on a section (W1–W4). The new state reaches every page through the
 * document's `workflow` map, which the server writes; the answer only says it worked.
 */
export async function takeSectionAction(id: string, sectionId: string, action: SectionAction, comment?: string): Promise<void> {
  await request(`${declarationUrl(id)}/sections/${encodeURIComponent(sectionId)}/actions`, jsonBody(comment === undefined ? { action } : { action, comment }));
}

/** The mayor's office adopts the declaration (W6): a version "Adoptée" is saved, the text is frozen. */
export async function adoptDeclaration(id: string): Promise<void> {
  await request(`${declarationUrl(id)}/adopt`, jsonBody({}));
}

/** An administrator lifts the freeze (W7), saying why. */
export async function reopenDeclaration(id: string, reason: string): Promise<void> {
  await request(`${declarationUrl(id)}/reopen`, jsonBody({ reason }));
}
