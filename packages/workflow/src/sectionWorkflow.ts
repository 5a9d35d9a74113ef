import { type Lang, LANGS } from '@accord/model/declarationLayout';
import { committeeSide, type Member, ownsSection, type Role } from '@accord/permissions/roles';

/** A section's stored state (docs/access-and-workflow.md W1–W4). */
export const SECTION_STATES = ['draft', 'submitted', 'validated', 'approved'] as const;
export type SectionState = (typeof SECTION_STATES)[number];

export const SECTION_ACTIONS = ['submit', 'validate', 'approve', 'send-back'] as const;
export type SectionAction = (typeof SECTION_ACTIONS)[number];

/** Who did something, when, and the section's hash at that moment (W5). */
export interface Stamp {
  by: string;
  role: Role;
  /** ISO time. */
  at: string;
  hash: string;
}

export interface SendBack {
  by: string;
  role: Role;
  at: string;
  comment: string;
}

/** What the server stores for one section, in the document's `workflow` map. */
export interface SectionRecord {
  state: SectionState;
  submitted?: Stamp;
  validations: Partial<Record<Lang, Stamp>>;
  approval?: Stamp;
  /** The last sending back, kept until the section is submitted again so its author can read why. */
  sentBack?: SendBack;
}

export const DRAFT: SectionRecord = { state: 'draft', validations: {} };

/** The state a section is in given its current hash: stale stamps no longer count (W5). */
export interface EffectiveState {
  state: SectionState;
  /** The text changed after the section was approved, or validated: it needs that step again. */
  changedSince: 'approval' | 'validation' | null;
  /** The sides whose validation is current. */
  validatedBy: Lang[];
}

export function effectiveState(record: SectionRecord, hash: string): EffectiveState {
  const validatedBy = LANGS.filter((side) => record.validations[side]?.hash === hash);
  switch (record.state) {
    case 'approved':
      if (record.approval?.hash === hash) return { state: 'approved', changedSince: null, validatedBy };
      return { state: 'submitted', changedSince: 'approval', validatedBy };
    case 'validated':
      if (validatedBy.length === 2) return { state: 'validated', changedSince: null, validatedBy };
      return { state: 'submitted', changedSince: 'validation', validatedBy };
    default:
      return { state: record.state, changedSince: null, validatedBy };
  }
}

export interface Actor extends Member {
  name: string;
}

export interface ActionContext {
  sectionId: string;
  /** The section's hash now. */
  hash: string;
  /** ISO time of the action. */
  at: string;
  adopted: boolean;
}

export type ActionRefusal = { ok: false; code: 'forbidden' | 'invalid_transition' | 'frozen'; reason: string };
export type ActionResult = { ok: true; record: SectionRecord } | ActionRefusal;

/**
 * The record after `actor` takes `action` on a section (W1–W4), or why they may not. Pure: the
 * caller stores the result. `comment` is required for a sending back.
 */
export function applyAction(record: SectionRecord, action: SectionAction, actor: Actor, context: ActionContext, comment = ''): ActionResult {
  const refusal = refuseAction(record, action, actor, context, comment);
  if (refusal) return refusal;
  const stamp: Stamp = { by: actor.name, role: actor.role, at: context.at, hash: context.hash };
  switch (action) {
    case 'submit':
      return { ok: true, record: { state: 'submitted', submitted: stamp, validations: {} } };
    case 'validate': {
      const side = committeeSide(actor.role)!;
      // Only validations of the text as it is now carry over (W5).
      const validations: SectionRecord['validations'] = { [side]: stamp };
      for (const other of effectiveState(record, context.hash).validatedBy) validations[other] ??= record.validations[other];
      const both = validations.fr !== undefined && validations.ja !== undefined;
      return { ok: true, record: { ...withoutApproval(record), state: both ? 'validated' : 'submitted', validations } };
    }
    case 'approve':
      return { ok: true, record: { ...record, state: 'approved', approval: stamp } };
    case 'send-back':
      return {
        ok: true,
        record: { state: 'draft', validations: {}, sentBack: { by: actor.name, role: actor.role, at: context.at, comment: comment.trim() } },
      };
  }
}

/** The actions `member` may take on the section now: what the interface offers as buttons. */
export function availableActions(record: SectionRecord, member: Member, context: Omit<ActionContext, 'at'>): SectionAction[] {
  const probe: Actor = { ...member, name: '' };
  return SECTION_ACTIONS.filter((action) => refuseAction(record, action, probe, { ...context, at: '' }, 'comment') === null);
}

function refuseAction(record: SectionRecord, action: SectionAction, actor: Actor, context: ActionContext, comment: string): ActionRefusal | null {
  if (context.adopted) return { ok: false, code: 'frozen', reason: 'the declaration is adopted; an administrator must reopen it first' };
  const { state, validatedBy } = effectiveState(record, context.hash);
  const side = committeeSide(actor.role);
  const forbidden = (reason: string): ActionRefusal => ({ ok: false, code: 'forbidden', reason });
  const invalid = (reason: string): ActionRefusal => ({ ok: false, code: 'invalid_transition', reason });
  switch (action) {
    case 'submit':
      if (!(side !== null || (actor.role === 'rapporteur' && ownsSection(actor, context.sectionId)))) {
        return forbidden('only the section’s rapporteur or a committee submits it');
      }
      return state === 'draft' ? null : invalid(`a ${state} section cannot be submitted`);
    case 'validate':
      if (side === null) return forbidden('only the committees validate');
      if (state !== 'submitted') return invalid(`a ${state} section cannot be validated`);
      return validatedBy.includes(side) ? invalid(`the ${side} committee has already validated this text`) : null;
    case 'approve':
      if (actor.role !== 'mayor-office') return forbidden('only the mayor’s office approves');
      return state === 'validated' ? null : invalid(`a ${state} section cannot be approved; both committees validate it first`);
    case 'send-back':
      if (side === null && actor.role !== 'mayor-office') return forbidden('only the committees and the mayor’s office send a section back');
      if (state === 'draft') return invalid('a draft cannot be sent back');
      return comment.trim() === '' ? invalid('sending back needs a comment') : null;
  }
}

function withoutApproval(record: SectionRecord): SectionRecord {
  const { approval: _dropped, ...rest } = record;
  return rest;
}
