import { isSectionKind } from '@accord/model/declarationLayout';
import { isRole } from '@accord/permissions/roles';
import { isSectionState } from '../workflow/isSectionState';
import type { TFunction } from 'i18next';

/**
 * What an audit entry's `detail` says, in the reader's language: the comment of a send-back, the
 * reason of a reopening or a refused write, a version's label, an invitation's role and sections,
 * the state a section reached, the member concerned, how many an invitation admits, why an
 * invitation was refused, the site a refused request came from. Record ids are left out: nobody
 * reads them.
 */
export function auditDetail(detail: unknown, titles: ReadonlyMap<string, string>, memberNames: ReadonlyMap<string, string>, t: TFunction): string {
  if (typeof detail !== 'object' || detail === null) return '';
  const d = detail as Record<string, unknown>;
  const parts: string[] = [];
  // Who was revoked: the member's name, which the entry itself records only as an id.
  if (typeof d.memberId === 'string') parts.push(memberNames.get(d.memberId) ?? '');
  if (typeof d.comment === 'string') parts.push(t('audit.quoted', { text: d.comment }));
  if (typeof d.reason === 'string') parts.push(t('audit.quoted', { text: d.reason }));
  if (typeof d.label === 'string') parts.push(t('audit.quoted', { text: d.label }));
  if (isRole(d.role)) parts.push(t(`roles.${d.role}`));
  if (Array.isArray(d.sections) && d.sections.length > 0) {
    parts.push(d.sections.map((id) => (typeof id === 'string' ? (titles.get(id) ?? id) : '')).join(', '));
  }
  if (typeof d.maxUses === 'number') parts.push(t('audit.upToPeople', { count: d.maxUses }));
  if (isInviteProblem(d.problem)) parts.push(t(`audit.inviteProblem.${d.problem}`));
  if (typeof d.origin === 'string') parts.push(t('audit.fromOrigin', { origin: d.origin }));
  // A structure change (W9): the section's titles as they were, for a section no longer listed.
  if (typeof d.title === 'object' && d.title !== null) {
    const title = d.title as Record<string, unknown>;
    const both = [title.fr, title.ja].filter((part): part is string => typeof part === 'string' && part !== '');
    if (both.length > 0) parts.push(t('audit.quoted', { text: both.join(' / ') }));
  }
  // A role changed in place (A3): « Observateur → Rapporteur (Atelier 1) ».
  const roleFrom = roleAndSections(d.from, titles, t);
  const roleTo = roleAndSections(d.to, titles, t);
  if (roleFrom !== null && roleTo !== null) parts.push(`${roleFrom} → ${roleTo}`);
  if (typeof d.from === 'number' && typeof d.to === 'number') parts.push(`${d.from + 1} → ${d.to + 1}`);
  if (isSectionKind(d.from) && isSectionKind(d.to)) parts.push(`${t(`sections.kind.${d.from}`)} → ${t(`sections.kind.${d.to}`)}`);
  if (isSectionState(d.state)) parts.push(t('audit.nowState', { state: t(`workflow.state.${d.state}`).toLocaleLowerCase() }));
  return parts.filter((part) => part !== '').join(' · ');
}

function roleAndSections(value: unknown, titles: ReadonlyMap<string, string>, t: TFunction): string | null {
  if (typeof value !== 'object' || value === null) return null;
  const { role, sections } = value as Record<string, unknown>;
  if (!isRole(role)) return null;
  const names = Array.isArray(sections) ? sections.map((id) => (typeof id === 'string' ? (titles.get(id) ?? id) : '')).filter((n) => n !== '') : [];
  return names.length > 0 ? `${t(`roles.${role}`)} (${names.join(', ')})` : t(`roles.${role}`);
}

const INVITE_PROBLEMS = ['unknown', 'expired', 'revoked', 'used'] as const;

function isInviteProblem(value: unknown): value is (typeof INVITE_PROBLEMS)[number] {
  return (INVITE_PROBLEMS as readonly unknown[]).includes(value);
}
