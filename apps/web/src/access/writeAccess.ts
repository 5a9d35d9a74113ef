import { mayWrite, type WriteDecision } from '@accord/permissions/mayWrite';
import type { Member } from '@accord/permissions/roles';
import type { WriteTarget } from '@accord/permissions/writeTarget';

/** Why something is read-only for this person; each has a message in `lock.*`. */
export type LockReason = 'adopted' | 'readOnlyRole' | 'otherSection' | 'titles' | 'revoked' | 'unverified';

/** What this page lets its person change, decided by the same rules the server enforces (A4–A10). */
export interface WriteAccess {
  /** The section's text in both languages: `null` when writable, else why not. */
  text(sectionId: string): LockReason | null;
  /** Section titles (the `sections` root), which only the committees and administrators change. */
  titles: LockReason | null;
  /** Whether "mark as up to date" may be clicked for a passage of this section. */
  confirm(sectionId: string): boolean;
}

export interface AccessContext {
  /** The declaration is adopted (A10). */
  adopted: boolean;
  /** The server closed this session (4401): nothing is sent any more. */
  revoked: boolean;
}

/**
 * `member` null: the server could not be asked and this device keeps no copy of the membership,
 * so the page stays read-only rather than offer edits the server might refuse (and then discard).
 */
export function writeAccess(member: Member | null, context: AccessContext): WriteAccess {
  const decide = (target: WriteTarget, sectionId: string | null): WriteDecision =>
    member === null
      ? { ok: false, reason: 'unverified' }
      : mayWrite(member, target, { adopted: context.adopted, sectionOfSegment: () => sectionId });
  // The decision is `mayWrite`'s; the reason is said in the reader's language, from the same facts.
  const reasonFor = (decision: WriteDecision, target: WriteTarget['kind']): LockReason | null => {
    if (context.revoked) return 'revoked';
    if (decision.ok) return null;
    if (member === null) return 'unverified';
    if (context.adopted) return 'adopted';
    if (member.role !== 'rapporteur') return 'readOnlyRole';
    return target === 'fragment' ? 'otherSection' : 'titles';
  };
  return {
    text: (sectionId) => reasonFor(decide({ kind: 'fragment', sectionId, lang: 'fr' }, sectionId), 'fragment'),
    titles: reasonFor(decide({ kind: 'sections' }, null), 'sections'),
    confirm: (sectionId) => !context.revoked && decide({ kind: 'translation', sid: '' }, sectionId).ok,
  };
}
