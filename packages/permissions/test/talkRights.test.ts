import { describe, expect, it } from 'vitest';
import { ROLES } from '../src/roles';
import { isAuthor, mayComment, mayDecide, mayResolve, maySuggest } from '../src/talkRights';

describe('talk rights (C2–C7)', () => {
  it('C2: every role comments; C5 and C7: committees and the administrator resolve and decide', () => {
    expect(ROLES.filter(mayComment)).toEqual(ROLES);
    expect(ROLES.filter(mayResolve)).toEqual(['admin', 'committee-fr', 'committee-ja']);
    expect(ROLES.filter(mayDecide)).toEqual(['admin', 'committee-fr', 'committee-ja']);
  });

  it('C6: observers suggest only when the administrator allows it', () => {
    expect(ROLES.filter((r) => maySuggest(r, false))).toEqual(['admin', 'committee-fr', 'committee-ja', 'rapporteur', 'mayor-office']);
    expect(maySuggest('observer', true)).toBe(true);
  });

  it('C3: the author is their member id; the administrator token authors what it wrote without one', () => {
    expect(isAuthor({ memberId: 'm1', role: 'observer' }, { memberId: 'm1', role: 'observer' })).toBe(true);
    expect(isAuthor({ memberId: 'm2', role: 'committee-fr' }, { memberId: 'm1', role: 'observer' })).toBe(false);
    expect(isAuthor({ memberId: null, role: 'admin' }, { memberId: null, role: 'admin' })).toBe(true);
    expect(isAuthor({ memberId: null, role: 'admin' }, { memberId: 'm1', role: 'admin' })).toBe(false);
  });
});
