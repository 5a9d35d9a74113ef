import { type Role, writesEverything } from './roles';

/**
 * Who may do what with comments and suggestions (docs/access-and-workflow.md C2–C8). Pure: the
 * server enforces these, the web app asks the same functions what to offer.
 */

/**
 * C2: every member who reads the declaration reads its comment threads, observers included —
 * in the comments API and in an export asked with comments (X7).
 */
export function mayReadComments(_role: Role): boolean {
  return true;
}

/** C2: every member who reads may comment, observers included. */
export function mayComment(_role: Role): boolean {
  return true;
}

/** C5: the committees (and the administrator) resolve and reopen threads. */
export function mayResolve(role: Role): boolean {
  return writesEverything(role);
}

/**
 * C6: a suggestion may come from anyone who may not write the passage (the mayor's office, a
 * rapporteur outside her sections) or who chooses to suggest rather than write (a committee);
 * from an observer only when the administrator allows it for the declaration.
 */
export function maySuggest(role: Role, observersMaySuggest: boolean): boolean {
  return role !== 'observer' || observersMaySuggest;
}

/** C7: the committees (and the administrator) accept or reject suggestions. */
export function mayDecide(role: Role): boolean {
  return writesEverything(role);
}

/** An author, as a message or suggestion records them; `memberId` is `null` for the administrator token. */
export interface AuthorRef {
  memberId: string | null;
  role: Role;
}

/**
 * C3: only the author edits or deletes their message (and withdraws their suggestion). The
 * administrator token has no member id: it is the author of what it wrote with no member id.
 */
export function isAuthor(actor: AuthorRef, author: AuthorRef): boolean {
  if (actor.memberId !== null) return actor.memberId === author.memberId;
  return author.memberId === null && actor.role === 'admin' && author.role === 'admin';
}
