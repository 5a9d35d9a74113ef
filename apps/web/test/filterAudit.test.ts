import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '../src/api/auditApi';
import { auditChoices, filterAudit, NO_AUDIT_FILTER } from '../src/admin/filterAudit';

const entry = (seq: number, name: string, action: string, sectionId: string | null): AuditEntry =>
  ({ seq, at: new Date(seq * 1000).toISOString(), actor: { name, role: 'committee-fr' }, action, sectionId, detail: {}, hash: null }) as AuditEntry;

const log = [entry(1, 'Claire', 'submit', 'workshop-1'), entry(2, 'Hanako', 'validate', 'workshop-1'), entry(3, 'Claire', 'validate', 'workshop-2'), entry(4, 'Admin', 'invite', null)];

describe('filterAudit', () => {
  it('keeps every entry, newest first, without a filter', () => {
    expect(filterAudit(log, NO_AUDIT_FILTER).map((e) => e.seq)).toEqual([4, 3, 2, 1]);
  });

  it('narrows by member, action and section together', () => {
    expect(filterAudit(log, { ...NO_AUDIT_FILTER, actor: 'Claire' }).map((e) => e.seq)).toEqual([3, 1]);
    expect(filterAudit(log, { ...NO_AUDIT_FILTER, action: 'validate', sectionId: 'workshop-1' }).map((e) => e.seq)).toEqual([2]);
    expect(filterAudit(log, { actor: 'Admin', action: 'validate', sectionId: '' })).toEqual([]);
  });

  it('offers the values present in the log', () => {
    expect(auditChoices(log)).toEqual({ actors: ['Admin', 'Claire', 'Hanako'], actions: ['invite', 'submit', 'validate'], sections: ['workshop-1', 'workshop-2'] });
  });
});
