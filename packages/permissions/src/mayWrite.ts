import { type Member, ownsSection, writesAnything, writesEverything } from './roles';
import { describeTarget, type WriteTarget } from './writeTarget';

export type WriteDecision = { ok: true } | { ok: false; reason: string };

export interface WriteContext {
  /** The declaration is adopted: nothing may change until an administrator reopens it (A10). */
  adopted: boolean;
  /** The section a segment id belongs to now, or `null` if no section holds it. */
  sectionOfSegment(sid: string): string | null;
}

/**
 * Whether `member` may make a change landing in `target` (docs/access-and-workflow.md A5–A10).
 * A refusal carries a reason meant for the person (or developer) whose change was refused.
 */
export function mayWrite(member: Member, target: WriteTarget, context: WriteContext): WriteDecision {
  const refused = refuseAnyChange(member, context);
  if (refused) return refused;
  if (target.kind === 'workflow') return refuse('section states change through the workflow actions only');
  if (target.kind === 'review') return refuse('review dismissals change through the checks API only');
  if (target.kind === 'foreign') return refuse(`${describeTarget(target)} is not part of a declaration`);
  if (writesEverything(member.role)) return { ok: true };
  switch (target.kind) {
    case 'fragment':
      return ownsSection(member, target.sectionId) ? { ok: true } : refuse(`${describeTarget(target)} belongs to another workshop`);
    case 'translation': {
      const section = target.sid === null ? null : context.sectionOfSegment(target.sid);
      return section !== null && ownsSection(member, section)
        ? { ok: true }
        : refuse(`${describeTarget(target)} is not in one of your sections`);
    }
    case 'glossary':
      return refuse('the glossary is the committees’ to change');
    case 'sections':
    case 'meta':
      return refuse(`a rapporteur does not change the ${target.kind === 'meta' ? 'declaration metadata' : 'section list or titles'}`);
    case 'unresolved':
      return refuse('the change refers to content the server does not have; reload to resync');
  }
}

/** Why nothing may change in an adopted declaration (A10), as every refusal of it says. */
export const FROZEN_REASON = 'the declaration is adopted and frozen; an administrator must reopen it first';

function refuse(reason: string): WriteDecision {
  return { ok: false, reason };
}

/** The refusals that hold whatever the change: an adopted declaration (A10), a read-only role (A5). */
function refuseAnyChange(member: Member, context: WriteContext): WriteDecision | null {
  if (context.adopted) return refuse(FROZEN_REASON);
  if (!writesAnything(member.role)) return refuse(`the ${member.role} role reads the declaration but does not write it`);
  return null;
}

/**
 * Whether `member` may apply a whole update, given where its changes land (`planIntegration`): every
 * target must be writable, and content with no place at all (deleted content, A7) still needs a
 * role that writes — so read-only roles and an adopted declaration accept no change whatsoever.
 */
export function mayChange(member: Member, change: { targets: readonly WriteTarget[]; changes: boolean }, context: WriteContext): WriteDecision {
  if (!change.changes) return { ok: true };
  const refused = refuseAnyChange(member, context);
  if (refused) return refused;
  for (const target of change.targets) {
    const decision = mayWrite(member, target, context);
    if (!decision.ok) return decision;
  }
  return { ok: true };
}
