import { describe, expect, it } from 'vitest';
import { auditList } from '../src/rest/audit';
import { checksReply, dismissBody } from '../src/rest/checks';
import { declarationList } from '../src/rest/declarations';
import { inviteBody, inviteList, membership } from '../src/rest/members';
import { inviteSummary, sessionBody } from '../src/rest/session';
import { versionList } from '../src/rest/versions';

// Literal answers in the shapes docs/access-and-workflow.md documents.
const invite = {
  id: 'i1',
  role: 'rapporteur',
  sections: ['s1'],
  createdAt: '2026-05-01T09:00:00.000Z',
  expiresAt: null,
  revokedAt: null,
  label: 'Atelier 1',
  maxUses: 3,
  uses: 1,
  usedBy: [{ memberId: 'm1', name: 'Aiko' }],
};

describe('the REST contract', () => {
  it('reads answers the server sends', () => {
    expect(inviteList.parse({ invites: [invite] })).toEqual({ invites: [invite] });
    expect(membership.parse({ memberId: null, name: 'Admin', role: 'admin', sections: [], language: 'en' }).role).toBe('admin');
    const summary = {
      declarationId: 'd1',
      title: { fr: 'Déclaration', ja: '宣言' },
      role: 'rapporteur',
      sections: ['s1'],
      sectionTitles: { s1: { fr: 'Atelier', ja: 'ワークショップ' } },
      expiresAt: '2026-06-01T00:00:00.000Z',
    };
    expect(inviteSummary.parse(summary)).toEqual(summary);
  });

  it('refuses an answer that drifted from it', () => {
    expect(inviteList.safeParse({ rows: [invite] }).success).toBe(false);
    expect(membership.safeParse({ memberId: 'm1', name: 'Aiko', role: 'chair', sections: [], language: 'ja' }).success).toBe(false);
    expect(inviteSummary.safeParse({ declarationId: 'd1', title: 'Déclaration', role: 'observer', sections: [] }).success).toBe(false);
  });

  it('drops a list row that does not fit rather than the whole list', () => {
    const declarations = [
      { id: 'd1', title: { fr: 'Un', ja: '一' }, createdAt: '2026-05-01T09:00:00.000Z', updatedAt: '2026-05-02T09:00:00.000Z' },
      { id: 'd2', title: 'Deux' },
    ];
    expect(declarationList.parse({ declarations, admin: true })).toEqual({ declarations: [declarations[0]], admin: true });
    expect(versionList.parse({ versions: [{ id: 'v1', kind: 'draft' }] }).versions).toEqual([]);
  });

  it('reads an audit line with defaults where the old web guard had them', () => {
    const [entry] = auditList.parse({ entries: [{ seq: 1, at: '2026-05-01T09:00:00.000Z', action: 'invite' }] }).entries;
    expect(entry).toEqual({ seq: 1, at: '2026-05-01T09:00:00.000Z', actor: { name: '', role: '' }, action: 'invite', sectionId: null, detail: null, hash: null });
  });

  it('refuses request bodies the server refuses', () => {
    expect(inviteBody.safeParse({ role: 'observer', maxUses: 501 }).success).toBe(false);
    expect(inviteBody.safeParse({ role: 'observer', extra: true }).success).toBe(false); // .strict()
    expect(sessionBody.safeParse({ invite: 'tok', name: '  ', language: 'fr' }).success).toBe(false);
    expect(sessionBody.safeParse({ adminToken: 'tok' }).success).toBe(true);
  });
});

describe('the talk contract (C1–C12)', () => {
  it('validates comment and suggestion bodies, and reads events', async () => {
    const { newThreadBody } = await import('../src/rest/comments');
    const { newSuggestionBody } = await import('../src/rest/suggestions');
    const { talkEvent } = await import('../src/rest/talkEvents');
    const { readNotificationsBody } = await import('../src/rest/notifications');
    const anchor = { sectionId: 'theme', sid: 'sA', language: 'ja', start: 'AQI=', end: 'AQM=', quote: '主体' };
    expect(newThreadBody.safeParse({ anchor, body: 'なぜ？' }).success).toBe(true);
    expect(newThreadBody.safeParse({ anchor, body: '  ' }).success).toBe(false);
    expect(newThreadBody.safeParse({ anchor: { ...anchor, language: 'en' }, body: 'x' }).success).toBe(false);
    expect(newThreadBody.safeParse({ anchor: { ...anchor, start: '<script>' }, body: 'x' }).success).toBe(false);
    expect(newThreadBody.safeParse({ anchor, body: 'x', extra: 1 }).success).toBe(false);
    const suggestion = { sectionId: 'theme', sid: 'sA', language: 'fr', baseText: 'Les acteurs', text: 'Les parties prenantes' };
    expect(newSuggestionBody.safeParse(suggestion).success).toBe(true);
    expect(newSuggestionBody.safeParse({ ...suggestion, text: suggestion.baseText }).success).toBe(false);
    expect(newSuggestionBody.safeParse({ ...suggestion, text: 'a\u0000b' }).success).toBe(false);
    expect(readNotificationsBody.safeParse({ all: true }).success).toBe(true);
    expect(readNotificationsBody.safeParse({ all: false }).success).toBe(false);
    expect(talkEvent.parse({ type: 'resync' })).toEqual({ type: 'resync' });
    expect(talkEvent.safeParse({ type: 'thread', thread: {} }).success).toBe(false);
  });
});

describe('checks contract (docs/review-checks.md R1–R3)', () => {
  it('reads findings row by row and validates dismissals', () => {
    const good = { id: 'numbers:s1:x', rule: 'numbers', severity: 'error', sectionId: 'w1', sid: 's1', lang: 'both', evidence: { fr: '35', ja: '36' }, message: { fr: 'a', ja: 'b', en: 'c' }, dismissal: null };
    const parsed = checksReply.parse({ findings: [good, { ...good, rule: 'not-a-rule' }] });
    expect(parsed.findings).toHaveLength(1);
    expect(dismissBody.safeParse({ findingId: 'x', reason: 'ok' }).success).toBe(true);
    expect(dismissBody.safeParse({ findingId: 'x', reason: '   ' }).success).toBe(false);
    expect(dismissBody.safeParse({ findingId: 'x', reason: 'ok', by: 'forged' }).success).toBe(false);
    expect(dismissBody.safeParse({ findingId: '', reason: 'ok' }).success).toBe(false);
  });
});
