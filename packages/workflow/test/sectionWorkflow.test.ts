import { ROLES, type Role } from '@accord/permissions/roles';
import { describe, expect, it } from 'vitest';
import {
  type Actor,
  applyAction,
  availableActions,
  effectiveState,
  SECTION_ACTIONS,
  type SectionAction,
  type SectionRecord,
  type Stamp,
} from '../src/sectionWorkflow';

const H = 'hash-now';
const OLD = 'hash-before';
const stamp = (role: Role, hash = H): Stamp => ({ by: role, role, at: '2026-11-23T09:00:00.000Z', hash });
const actor = (role: Role, sections: string[] = ['workshop-1']): Actor => ({ role, sections, name: role });
const ctx = { sectionId: 'workshop-1', hash: H, at: '2026-11-23T10:00:00.000Z', adopted: false };

/** One record per effective state, including the stale ones of W5. */
const RECORDS: Record<string, SectionRecord> = {
  draft: { state: 'draft', validations: {} },
  submitted: { state: 'submitted', submitted: stamp('rapporteur'), validations: {} },
  'submitted, fr validated': { state: 'submitted', validations: { fr: stamp('committee-fr') } },
  validated: { state: 'validated', validations: { fr: stamp('committee-fr'), ja: stamp('committee-ja') } },
  'validated, then changed': { state: 'validated', validations: { fr: stamp('committee-fr', OLD), ja: stamp('committee-ja', OLD) } },
  approved: { state: 'approved', validations: { fr: stamp('committee-fr'), ja: stamp('committee-ja') }, approval: stamp('mayor-office') },
  'approved, then changed': {
    state: 'approved',
    validations: { fr: stamp('committee-fr', OLD), ja: stamp('committee-ja', OLD) },
    approval: stamp('mayor-office', OLD),
  },
};

/** Every allowed (record, role, action); everything else is refused. W1–W4. */
const ALLOWED: Record<string, Partial<Record<Role, SectionAction[]>>> = {
  draft: { 'committee-fr': ['submit'], 'committee-ja': ['submit'], rapporteur: ['submit'] },
  submitted: { 'committee-fr': ['validate', 'send-back'], 'committee-ja': ['validate', 'send-back'], 'mayor-office': ['send-back'] },
  'submitted, fr validated': { 'committee-fr': ['send-back'], 'committee-ja': ['validate', 'send-back'], 'mayor-office': ['send-back'] },
  validated: { 'committee-fr': ['send-back'], 'committee-ja': ['send-back'], 'mayor-office': ['approve', 'send-back'] },
  'validated, then changed': { 'committee-fr': ['validate', 'send-back'], 'committee-ja': ['validate', 'send-back'], 'mayor-office': ['send-back'] },
  approved: { 'committee-fr': ['send-back'], 'committee-ja': ['send-back'], 'mayor-office': ['send-back'] },
  'approved, then changed': { 'committee-fr': ['validate', 'send-back'], 'committee-ja': ['validate', 'send-back'], 'mayor-office': ['send-back'] },
};

describe('the section state machine (W1–W5)', () => {
  for (const [name, record] of Object.entries(RECORDS)) {
    for (const role of ROLES) {
      it(`${name}, ${role}: may ${ALLOWED[name]![role]?.join(', ') || 'do nothing'}`, () => {
        const allowed = SECTION_ACTIONS.filter((action) => applyAction(record, action, actor(role), ctx, 'Merci de préciser.').ok);
        expect(allowed).toEqual(ALLOWED[name]![role] ?? []);
        expect(availableActions(record, actor(role), ctx)).toEqual(allowed);
      });
    }
  }

  it('W1: a rapporteur submits only the sections it owns', () => {
    const refused = applyAction(RECORDS.draft!, 'submit', actor('rapporteur', ['workshop-2']), ctx);
    expect(refused).toMatchObject({ ok: false, code: 'forbidden' });
  });

  it('W2: a section is validated once both sides have validated the same text', () => {
    const fr = applyAction(RECORDS.submitted!, 'validate', actor('committee-fr'), ctx);
    expect(fr).toMatchObject({ ok: true, record: { state: 'submitted', validations: { fr: { hash: H, role: 'committee-fr' } } } });
    const both = applyAction(fr.ok ? fr.record : RECORDS.draft!, 'validate', actor('committee-ja'), ctx);
    expect(both).toMatchObject({ ok: true, record: { state: 'validated' } });
    // Had the text changed between the two validations, the French one would no longer count.
    const changed = applyAction(fr.ok ? fr.record : RECORDS.draft!, 'validate', actor('committee-ja'), { ...ctx, hash: 'other' });
    expect(changed).toMatchObject({ ok: true, record: { state: 'submitted', validations: { ja: { hash: 'other' } } } });
    expect(changed.ok && changed.record.validations.fr).toBeUndefined();
  });

  it('W3, W5: an approval is bound to the hash; a change reads as "changed since approval"', () => {
    const approved = applyAction(RECORDS.validated!, 'approve', actor('mayor-office'), ctx);
    expect(approved).toMatchObject({ ok: true, record: { state: 'approved', approval: { hash: H, by: 'mayor-office' } } });
    const record = approved.ok ? approved.record : RECORDS.draft!;
    expect(effectiveState(record, H)).toEqual({ state: 'approved', changedSince: null, validatedBy: ['fr', 'ja'] });
    expect(effectiveState(record, 'edited')).toEqual({ state: 'submitted', changedSince: 'approval', validatedBy: [] });
    expect(effectiveState(RECORDS['validated, then changed']!, H)).toEqual({ state: 'submitted', changedSince: 'validation', validatedBy: [] });
  });

  it('W4: sending back needs a comment, drops validations and approval, and keeps the comment', () => {
    expect(applyAction(RECORDS.approved!, 'send-back', actor('mayor-office'), ctx, '   ')).toMatchObject({ ok: false, code: 'invalid_transition' });
    const back = applyAction(RECORDS.approved!, 'send-back', actor('mayor-office'), ctx, ' Préciser le financement. ');
    expect(back).toEqual({
      ok: true,
      record: { state: 'draft', validations: {}, sentBack: { by: 'mayor-office', role: 'mayor-office', at: ctx.at, comment: 'Préciser le financement.' } },
    });
  });

  it('refuses every action once the declaration is adopted', () => {
    for (const record of Object.values(RECORDS)) {
      for (const role of ROLES) {
        for (const action of SECTION_ACTIONS) {
          expect(applyAction(record, action, actor(role), { ...ctx, adopted: true }, 'x')).toMatchObject({ ok: false, code: 'frozen' });
        }
      }
    }
  });
});
