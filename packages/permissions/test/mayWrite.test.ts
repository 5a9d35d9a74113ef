import { describe, expect, it } from 'vitest';
import { mayWrite, type WriteContext } from '../src/mayWrite';
import { type Member, ROLES, type Role } from '../src/roles';
import type { WriteTarget } from '../src/writeTarget';
import { writeTarget } from '../src/writeTarget';

const context = (adopted = false): WriteContext => ({
  adopted,
  sectionOfSegment: (sid) => ({ 's-w1': 'workshop-1', 's-w2': 'workshop-2' })[sid] ?? null,
});
const member = (role: Role): Member => ({ role, sections: role === 'rapporteur' ? ['workshop-1'] : [] });

const TARGETS: Record<string, WriteTarget> = {
  ownFragment: { kind: 'fragment', sectionId: 'workshop-1', lang: 'ja' },
  otherFragment: { kind: 'fragment', sectionId: 'workshop-2', lang: 'fr' },
  sections: { kind: 'sections' },
  meta: { kind: 'meta' },
  ownTranslation: { kind: 'translation', sid: 's-w1' },
  otherTranslation: { kind: 'translation', sid: 's-w2' },
  unknownTranslation: { kind: 'translation', sid: 's-gone' },
  workflow: { kind: 'workflow' },
  review: { kind: 'review' },
  glossary: { kind: 'glossary' },
  foreign: { kind: 'foreign', root: 'notes' },
  unresolved: { kind: 'unresolved' },
};

/** The table of docs/access-and-workflow.md, "Roles", as the targets each role may write. */
const ALLOWED: Record<Role, string[]> = {
  admin: ['ownFragment', 'otherFragment', 'sections', 'meta', 'ownTranslation', 'otherTranslation', 'unknownTranslation', 'glossary', 'unresolved'],
  'committee-fr': ['ownFragment', 'otherFragment', 'sections', 'meta', 'ownTranslation', 'otherTranslation', 'unknownTranslation', 'glossary', 'unresolved'],
  'committee-ja': ['ownFragment', 'otherFragment', 'sections', 'meta', 'ownTranslation', 'otherTranslation', 'unknownTranslation', 'glossary', 'unresolved'],
  rapporteur: ['ownFragment', 'ownTranslation'],
  'mayor-office': [],
  observer: [],
};

describe('mayWrite (A5–A10, A19: the glossary is the committees’, review dismissals the server’s)', () => {
  for (const role of ROLES) {
    it(`${role}: writes exactly ${ALLOWED[role].join(', ') || 'nothing'}`, () => {
      const allowed = Object.entries(TARGETS)
        .filter(([, target]) => mayWrite(member(role), target, context()).ok)
        .map(([name]) => name);
      expect(allowed).toEqual(ALLOWED[role]);
    });
  }

  it('A9, A10: nobody writes the workflow map, and nobody writes anything once adopted', () => {
    for (const role of ROLES) {
      expect(mayWrite(member(role), TARGETS.workflow!, context()).ok).toBe(false);
      for (const target of Object.values(TARGETS)) {
        const decision = mayWrite(member(role), target, context(true));
        expect(decision).toEqual({ ok: false, reason: expect.stringContaining('adopted') });
      }
    }
  });

  it('gives a reason a person can act on', () => {
    expect(mayWrite(member('rapporteur'), TARGETS.otherFragment!, context())).toEqual({
      ok: false,
      reason: 'section workshop-2 (fr) belongs to another workshop',
    });
  });
});

describe('writeTarget', () => {
  it('parses the roots of the document layout', () => {
    expect(writeTarget('section/workshop-3/fr', null)).toEqual({ kind: 'fragment', sectionId: 'workshop-3', lang: 'fr' });
    expect(writeTarget('section/workshop-3/de', null)).toEqual({ kind: 'foreign', root: 'section/workshop-3/de' });
    expect(writeTarget('translations', 'abc')).toEqual({ kind: 'translation', sid: 'abc' });
    expect(writeTarget('translations', null)).toEqual({ kind: 'translation', sid: null });
    expect(writeTarget('meta', 'title')).toEqual({ kind: 'meta' });
    expect(writeTarget('glossary', 'g1')).toEqual({ kind: 'glossary' });
    expect(writeTarget('review', 'numbers:s1:abc')).toEqual({ kind: 'review' });
  });
});
