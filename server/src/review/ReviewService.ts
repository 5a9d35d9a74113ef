import { FROZEN_REASON } from '@accord/permissions/mayWrite';
import { type Dismissal, readDismissals, writeDismissal } from '@accord/checks/Dismissals';
import type { Finding } from '@accord/checks/Finding';
import { readGlossary } from '@accord/checks/Glossary';
import { ReviewChecker } from '@accord/checks/ReviewChecker';
import { readDeclaration } from '@accord/model/readDeclaration';
import { ownsSection, writesAnything } from '@accord/permissions/roles';
import type { FindingJson } from '@accord/protocol/rest/checks';
import { readAdoption } from '@accord/workflow/workflowMap';
import type * as Y from 'yjs';
import type { AccessService } from '../access/AccessService';
import type { Principal } from '../access/Principal';
import type { DocumentHub } from '../sync/DocumentHub';

export type ReviewFailure = { ok: false; code: 'not_found' | 'unknown_finding' | 'not_dismissed' | 'forbidden' | 'frozen'; reason: string };

/** Checkers kept for this many declarations: each keeps what it read of the segments (a re-check reads only the changed ones). */
const KEPT_CHECKERS = 64;

/**
 * The review of a declaration (docs/review-checks.md): its findings from the live text, and the
 * « not an error » dismissals (R1–R4), which the server alone writes into the document's `review`
 * map, through the room's queue like the workflow, and records in the audit log.
 */
export class ReviewService {
  private readonly checkers = new Map<string, ReviewChecker>();

  constructor(
    private readonly hub: DocumentHub,
    private readonly access: AccessService,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** The findings of the live text with their dismissals, or `null` for an unknown declaration. */
  findings(declarationId: string): Promise<FindingJson[] | null> {
    return this.hub.read(declarationId, (doc) => {
      const dismissals = readDismissals(doc);
      return this.check(declarationId, doc).map((f) => ({ ...f, dismissal: dismissals.get(f.id) ?? null }));
    });
  }

  /** « Not an error » (R2): a member who may write the finding's section says so, and why. */
  async dismiss(declarationId: string, actor: Principal, findingId: string, reason: string): Promise<{ ok: true; finding: Finding; dismissal: Dismissal } | ReviewFailure> {
    const dismissal: Dismissal = { by: actor.name, role: actor.role, at: this.now().toISOString(), reason: reason.trim() };
    const outcome = await this.inRoom(declarationId, (doc) => {
      const found = this.allowed(declarationId, doc, actor, findingId);
      if (!found.ok) return found;
      writeDismissal(doc, findingId, dismissal);
      return { ok: true as const, finding: found.finding, dismissal };
    });
    if (!outcome.ok) return outcome;
    await this.access.audit(declarationId, actor, 'check-dismissed', {
      sectionId: outcome.finding.sectionId,
      detail: { findingId, rule: outcome.finding.rule, sid: outcome.finding.sid, reason: dismissal.reason },
    });
    return outcome;
  }

  /** Withdraws a dismissal (R3): the finding is open again, for everyone. */
  async restore(declarationId: string, actor: Principal, findingId: string): Promise<{ ok: true } | ReviewFailure> {
    const outcome = await this.inRoom(declarationId, (doc) => {
      const previous = readDismissals(doc).get(findingId);
      if (!previous) return { ok: false as const, code: 'not_dismissed' as const, reason: `no dismissal of "${findingId}"` };
      const found = this.allowed(declarationId, doc, actor, findingId);
      // A finding that no longer exists (its text changed) may still have its old dismissal withdrawn.
      if (!found.ok && found.code !== 'unknown_finding') return found;
      writeDismissal(doc, findingId, null);
      return { ok: true as const, sectionId: found.ok ? found.finding.sectionId : null, previous };
    });
    if (!outcome.ok) return outcome;
    await this.access.audit(declarationId, actor, 'check-restored', {
      sectionId: outcome.sectionId ?? undefined,
      detail: { findingId, dismissedBy: outcome.previous.by, reason: outcome.previous.reason },
    });
    return { ok: true };
  }

  /** Whether `actor` may dismiss `findingId` as the document is now (R2, A10). */
  private allowed(declarationId: string, doc: Y.Doc, actor: Principal, findingId: string): { ok: true; finding: Finding } | ReviewFailure {
    if (readAdoption(doc)) return { ok: false, code: 'frozen', reason: FROZEN_REASON };
    if (!writesAnything(actor.role)) return { ok: false, code: 'forbidden', reason: `the ${actor.role} role does not dismiss review findings` };
    const finding = this.check(declarationId, doc).find((f) => f.id === findingId);
    if (!finding) return { ok: false, code: 'unknown_finding', reason: `no current finding "${findingId}" (the text may have changed)` };
    if (!ownsSection(actor, finding.sectionId)) return { ok: false, code: 'forbidden', reason: 'this finding is in a section you do not write' };
    return { ok: true, finding };
  }

  private check(declarationId: string, doc: Y.Doc): Finding[] {
    let checker = this.checkers.get(declarationId);
    if (checker) this.checkers.delete(declarationId);
    else checker = new ReviewChecker();
    // Most recently used last: the first key is the one to forget.
    this.checkers.set(declarationId, checker);
    if (this.checkers.size > KEPT_CHECKERS) this.checkers.delete(this.checkers.keys().next().value as string);
    return checker.check(readDeclaration(doc), readGlossary(doc));
  }

  private async inRoom<T>(declarationId: string, work: (doc: Y.Doc) => T): Promise<T | ReviewFailure> {
    const changed = await this.hub.change(declarationId, work);
    return changed ? changed.value : { ok: false, code: 'not_found', reason: `no declaration with id "${declarationId}"` };
  }
}
