import type { Member, Role } from '@accord/permissions/roles';
import { createContext, useContext } from 'react';
import type { WriteAccess } from '../access/writeAccess';
import type { ReviewStatus } from '../review/ReviewStatus';
import type { DeclarationConnection } from '../sync/DeclarationConnection';
import type { TranslationStatus } from '../translation/TranslationStatus';
import type { LocalUser } from '../user/localUser';
import type { WorkflowStatus } from '../workflow/WorkflowStatus';

/**
 * What every part of an open declaration shares: its connection, its translation and workflow
 * stores, who is looking and what they may write. Provided once by the editor page; stable while
 * none of these change — not on a keystroke — so reading it re-renders nothing while typing.
 */
export interface Declaration {
  connection: DeclarationConnection;
  translation: TranslationStatus;
  workflow: WorkflowStatus;
  /** The live review findings (Relecture, docs/review-checks.md). */
  review: ReviewStatus;
  /** How this person appears to the others (name and caret colour). */
  user: LocalUser;
  /** Who they are in this declaration; null while unknown. */
  member: Member | null;
  role: Role | null;
  access: WriteAccess;
  adopted: boolean;
}

export const DeclarationContext = createContext<Declaration | null>(null);

/** The open declaration (inside the editor page only). */
export function useDeclaration(): Declaration {
  const declaration = useContext(DeclarationContext);
  if (!declaration) throw new Error('useDeclaration: outside the editor page');
  return declaration;
}
