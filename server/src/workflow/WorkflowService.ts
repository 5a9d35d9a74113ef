import { canonicalHash } from '@accord/model/canonicalHash';
import { readDeclaration } from '@accord/model/readDeclaration';
import { declarationProgress, type DeclarationProgress } from '@accord/workflow/declarationProgress';
import { type ActionRefusal, applyAction, effectiveState, type SectionAction, type SectionState } from '@accord/workflow/sectionWorkflow';
import { readAdoption, writeAdoption, writeSectionRecord, type Adoption } from '@accord/workflow/workflowMap';
import type { AccessService } from '../access/AccessService';
import type { Principal } from '../access/Principal';
import type { DocumentHub } from '../sync/DocumentHub';
import type { VersionService } from '../versions/VersionService';
import type * as Y from 'yjs';

export type WorkflowFailure =
  | ActionRefusal
  | { ok: false; code: 'not_found' | 'not_all_approved' | 'already_adopted' | 'not_adopted'; reason: string };

/**
 * Carries sections through their states and the declaration to adoption (W1–W8). Every change
 * goes through the room's queue as a server change, so it is checked against the text as it is at
 * that moment, stored, and seen live by every client; then it is written to the audit log.
 */
export class WorkflowService {
  constructor(
    private readonly hub: DocumentHub,
    private readonly versions: VersionService,
    private readonly access: AccessService,
    private readonly now: () => Date = () => new Date(),
  ) {}

  progress(declarationId: string): Promise<DeclarationProgress | null> {
    return this.hub.read(declarationId, declarationProgress);
  }

  async act(
    declarationId: string,
    sectionId: string,
    actor: Principal,
    action: SectionAction,
    comment: string,
  ): Promise<{ ok: true; state: SectionState } | WorkflowFailure> {
    const at = this.now().toISOString();
    const outcome = await this.inRoom(declarationId, (doc) => {
      const progress = declarationProgress(doc);
      const section = progress.sections.find((s) => s.id === sectionId);
      if (!section) return { ok: false as const, code: 'not_found' as const, reason: `no section "${sectionId}"` };
      const result = applyAction(section.record, action, actor, { sectionId, hash: section.hash, at, adopted: progress.adoption !== null }, comment);
      if (!result.ok) return result;
      writeSectionRecord(doc, sectionId, result.record);
      return { ok: true as const, state: effectiveState(result.record, section.hash).state, hash: section.hash };
    });
    if (!outcome.ok) return outcome;
    await this.access.audit(declarationId, actor, action, {
      sectionId,
      hash: outcome.hash,
      detail: action === 'send-back' ? { comment: comment.trim() } : { state: outcome.state },
    });
    return { ok: true, state: outcome.state };
  }

  /**
   * Adopts the declaration (W6): freezes it first, so that the version saved next is exactly the
   * adopted text, then records that version's id in the adoption.
   */
  async adopt(declarationId: string, actor: Principal): Promise<{ ok: true; adoption: Adoption } | WorkflowFailure> {
    if (actor.role !== 'mayor-office') return { ok: false, code: 'forbidden', reason: 'only the mayor’s office adopts the declaration' };
    const at = this.now().toISOString();
    const frozen = await this.inRoom(declarationId, (doc) => {
      const progress = declarationProgress(doc);
      if (progress.adoption) return { ok: false as const, code: 'already_adopted' as const, reason: 'the declaration is already adopted' };
      if (!progress.adoptable) {
        const pending = progress.sections.filter((s) => s.state !== 'approved').map((s) => s.id);
        return { ok: false as const, code: 'not_all_approved' as const, reason: `not yet approved: ${pending.join(', ')}` };
      }
      const adoption: Adoption = { by: actor.name, at, hash: canonicalHash(readDeclaration(doc)), versionId: '' };
      writeAdoption(doc, adoption);
      return { ok: true as const, adoption };
    });
    if (!frozen.ok) return frozen;
    const version = await this.versions.save(declarationId, { kind: 'adopted', label: null, author: actor.name });
    const adoption = { ...frozen.adoption, versionId: version?.id ?? '' };
    await this.inRoom(declarationId, (doc) => writeAdoption(doc, adoption));
    await this.access.audit(declarationId, actor, 'adopt', { hash: adoption.hash, detail: { versionId: adoption.versionId } });
    return { ok: true, adoption };
  }

  /** Lifts the freeze (W7); approvals stay bound to their hashes. */
  async reopen(declarationId: string, actor: Principal, reason: string): Promise<{ ok: true } | WorkflowFailure> {
    if (actor.role !== 'admin') return { ok: false, code: 'forbidden', reason: 'only an administrator reopens an adopted declaration' };
    const outcome = await this.inRoom(declarationId, (doc) => {
      const adoption = readAdoption(doc);
      if (!adoption) return { ok: false as const, code: 'not_adopted' as const, reason: 'the declaration is not adopted' };
      writeAdoption(doc, null);
      return { ok: true as const, hash: adoption.hash };
    });
    if (!outcome.ok) return outcome;
    await this.access.audit(declarationId, actor, 'reopen', { hash: outcome.hash, detail: { reason: reason.trim() } });
    return { ok: true };
  }

  /** Runs `work` as one server change of the declaration (`not_found` for an unknown id). */
  private async inRoom<T>(declarationId: string, work: (doc: Y.Doc) => T): Promise<T | WorkflowFailure> {
    const changed = await this.hub.change(declarationId, work);
    return changed ? changed.value : { ok: false, code: 'not_found', reason: `no declaration with id "${declarationId}"` };
  }
}
