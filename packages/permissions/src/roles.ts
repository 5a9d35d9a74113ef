import type { Lang } from '@accord/model/declarationLayout';

/** The roles a member of a declaration can hold (docs/access-and-workflow.md, "Roles"). */
export const ROLES = ['admin', 'committee-fr', 'committee-ja', 'rapporteur', 'mayor-office', 'observer'] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** Who is acting, as the rules need to know them: a role and, for a rapporteur, the sections owned. */
export interface Member {
  role: Role;
  /** Section ids a rapporteur owns; ignored for every other role. */
  sections: readonly string[];
}

/** The language a committee validates for, or `null` for a role that is not a committee. */
export function committeeSide(role: Role): Lang | null {
  return role === 'committee-fr' ? 'fr' : role === 'committee-ja' ? 'ja' : null;
}

/** Roles that write the whole declaration (A4 table): the committees and the administrator. */
export function writesEverything(role: Role): boolean {
  return role === 'admin' || committeeSide(role) !== null;
}

/** Roles that write at least part of the declaration: the rapporteurs too. */
export function writesAnything(role: Role): boolean {
  return writesEverything(role) || role === 'rapporteur';
}

/** Whether `member` may write the text of `sectionId` (both languages), adoption aside. */
export function ownsSection(member: Member, sectionId: string): boolean {
  return writesEverything(member.role) || (member.role === 'rapporteur' && member.sections.includes(sectionId));
}
