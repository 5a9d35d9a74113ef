/**
 * The access storage contract (rules of `AccessStore` in server/src/storage/AccessStore.ts), run
 * against every `Store` implementation, as `storeContract` is.
 */
import { describe, expect, it } from 'vitest';
import type { InviteRecord, MemberRecord } from '../src/storage/AccessStore';
import type { Store } from '../src/storage/Store';

let counter = 0;
const freshId = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${(counter++).toString(36)}`;
const at = (minutes: number) => new Date(Date.UTC(2026, 10, 23, 9, minutes)).toISOString();

async function declaration(store: Store): Promise<string> {
  const id = freshId('access');
  await store.createDeclaration({ id, title: { fr: 'a', ja: 'b' } }, new Uint8Array([0]));
  return id;
}

export function accessStoreContract(name: string, open: () => Promise<Store>): void {
  describe(`${name}: the AccessStore contract`, () => {
    it('rule 1: invites and members are found by the hash of their token, and listed per declaration', async () => {
      const store = await open();
      const id = await declaration(store);
      const invite: InviteRecord = { id: freshId('inv'), declarationId: id, role: 'rapporteur', sections: ['atelier-1'], createdAt: at(0), expiresAt: at(60), revokedAt: null, label: 'Hanako, atelier 1 ・ 花子', maxUses: 1, uses: 0 };
      const hash = freshId('hash');
      await store.access.createInvite(invite, hash);
      expect(await store.access.findInvite(hash)).toEqual(invite);
      expect(await store.access.findInvite('other')).toBeNull();
      expect(await store.access.listInvites(id)).toEqual([invite]);

      const member: MemberRecord = { id: freshId('mem'), declarationId: id, name: 'Hanako 花子', role: 'rapporteur', sections: ['atelier-1'], language: 'ja', joinedAt: at(1), revokedAt: null, inviteId: invite.id };
      const admin: MemberRecord = { ...member, id: freshId('adm'), declarationId: null, role: 'admin', sections: [], inviteId: null };
      await store.access.createMember(member, `${hash}-m`);
      await store.access.createMember(admin, `${hash}-a`);
      expect(await store.access.findMember(`${hash}-m`)).toEqual(member);
      expect(await store.access.findMember(`${hash}-a`)).toEqual(admin);
      expect(await store.access.listMembers(id)).toEqual([member]);
      // A token hash is unique: a collision is a bug to surface, not to overwrite silently.
      await expect(store.access.createMember({ ...member, id: freshId('dup') }, `${hash}-m`)).rejects.toThrow();
      await store.close();
    });

    it('rule 2: setSettingIfAbsent keeps the first value; setSetting replaces it', async () => {
      const store = await open();
      const key = freshId('setting');
      expect(await store.access.getSetting(key)).toBeNull();
      const results = await Promise.all([store.access.setSettingIfAbsent(key, 'one'), store.access.setSettingIfAbsent(key, 'two')]);
      expect(new Set(results).size).toBe(1);
      expect(await store.access.getSetting(key)).toBe(results[0]);
      await store.access.setSetting(key, 'three');
      expect(await store.access.getSetting(key)).toBe('three');
      await store.close();
    });

    it('rule 3: revoking records the first time, reports unknown records, and stays in its declaration', async () => {
      const store = await open();
      const id = await declaration(store);
      const other = await declaration(store);
      const invite: InviteRecord = { id: freshId('inv'), declarationId: id, role: 'observer', sections: [], createdAt: at(0), expiresAt: null, revokedAt: null, label: null, maxUses: 1, uses: 0 };
      await store.access.createInvite(invite, freshId('h'));
      expect(await store.access.revokeInvite(other, invite.id, at(5))).toBe(false);
      expect(await store.access.revokeInvite(id, invite.id, at(5))).toBe(true);
      expect(await store.access.revokeInvite(id, invite.id, at(9))).toBe(true);
      expect((await store.access.listInvites(id))[0]!.revokedAt).toBe(at(5));
      expect(await store.access.revokeInvite(id, 'no-such-invite', at(5))).toBe(false);

      const member: MemberRecord = { id: freshId('mem'), declarationId: id, name: 'Claire', role: 'committee-fr', sections: [], language: 'fr', joinedAt: at(1), revokedAt: null, inviteId: null };
      const hash = freshId('h');
      await store.access.createMember(member, hash);
      expect(await store.access.revokeMember(other, member.id, at(6))).toBe(false);
      expect(await store.access.revokeMember(id, member.id, at(6))).toBe(true);
      expect((await store.access.findMember(hash))!.revokedAt).toBe(at(6));
      await store.close();
    });

    it('rule 6: changing a role changes that member only, returns them as they were, and leaves revoked ones alone', async () => {
      const store = await open();
      const id = await declaration(store);
      const other = await declaration(store);
      const member: MemberRecord = { id: freshId('mem'), declarationId: id, name: 'Hanako 花子', role: 'observer', sections: [], language: 'ja', joinedAt: at(1), revokedAt: null, inviteId: null };
      const bystander: MemberRecord = { ...member, id: freshId('mem'), name: 'Léa' };
      const hash = freshId('h');
      await store.access.createMember(member, hash);
      await store.access.createMember(bystander, freshId('h'));
      expect(await store.access.changeMemberRole(other, member.id, 'committee-ja', [])).toBeNull();
      expect(await store.access.changeMemberRole(id, 'no-such-member', 'committee-ja', [])).toBeNull();
      const before = await store.access.changeMemberRole(id, member.id, 'rapporteur', ['atelier-1', 'atelier-2']);
      expect(before).toMatchObject({ role: 'observer', sections: [] });
      expect(await store.access.findMember(hash)).toMatchObject({ role: 'rapporteur', sections: ['atelier-1', 'atelier-2'], name: 'Hanako 花子' });
      expect((await store.access.listMembers(id)).find((m) => m.id === bystander.id)).toMatchObject({ role: 'observer', sections: [] });
      expect(await store.access.changeMemberRole(id, member.id, 'committee-ja', [])).toMatchObject({ role: 'rapporteur' });
      await store.access.revokeMember(id, member.id, at(7));
      expect(await store.access.changeMemberRole(id, member.id, 'admin', [])).toBeNull();
      expect(await store.access.findMember(hash)).toMatchObject({ role: 'committee-ja', revokedAt: at(7) });
      await store.close();
    });

    it('rule 5: redeeming takes a use and makes the member together; of racing redemptions of the last use exactly one wins', async () => {
      const store = await open();
      const id = await declaration(store);
      const newInvite = (maxUses: number, extra: Partial<InviteRecord> = {}): InviteRecord => ({
        id: freshId('inv'),
        declarationId: id,
        role: 'observer',
        sections: [],
        createdAt: at(0),
        expiresAt: null,
        revokedAt: null,
        label: null,
        maxUses,
        uses: 0,
        ...extra,
      });
      const member = (inviteId: string): MemberRecord => ({
        id: freshId('mem'),
        declarationId: id,
        name: 'Obs',
        role: 'observer',
        sections: [],
        language: 'fr',
        joinedAt: at(1),
        revokedAt: null,
        inviteId,
      });
      const redeem = (invite: InviteRecord) => {
        const m = member(invite.id);
        const hash = freshId('session');
        return store.access.redeemInvite(invite.id, at(1), m, hash).then(async (won) => ({ won, found: await store.access.findMember(hash) }));
      };

      const single = newInvite(1);
      await store.access.createInvite(single, freshId('h'));
      const racing = await Promise.all(Array.from({ length: 8 }, () => redeem(single)));
      expect(racing.filter((r) => r.won)).toHaveLength(1);
      // A lost redemption made no member; the winner's is there.
      for (const r of racing) expect(r.found !== null).toBe(r.won);
      expect((await store.access.listInvites(id)).find((i) => i.id === single.id)).toMatchObject({ uses: 1, maxUses: 1 });

      const reusable = newInvite(3);
      await store.access.createInvite(reusable, freshId('h'));
      const results = await Promise.all(Array.from({ length: 5 }, () => redeem(reusable)));
      expect(results.filter((r) => r.won)).toHaveLength(3);
      expect((await store.access.listInvites(id)).find((i) => i.id === reusable.id)).toMatchObject({ uses: 3, maxUses: 3 });

      const revoked = newInvite(5);
      await store.access.createInvite(revoked, freshId('h'));
      await store.access.revokeInvite(id, revoked.id, at(0));
      const expired = newInvite(5, { expiresAt: at(1) });
      await store.access.createInvite(expired, freshId('h'));
      expect((await redeem(revoked)).won).toBe(false);
      expect((await redeem(expired)).won).toBe(false);
      expect(await store.access.redeemInvite('no-such-invite', at(1), member('no-such-invite'), freshId('h'))).toBe(false);
      expect((await store.access.listMembers(id)).length).toBe(4);
      await store.close();
    });

    it('rule 4: the audit log returns entries in append order, per declaration', async () => {
      const store = await open();
      const id = await declaration(store);
      const other = await declaration(store);
      const entry = (action: string, minute: number) => ({
        declarationId: id,
        at: at(minute),
        actor: { name: 'Hanako', role: 'rapporteur' },
        action,
        sectionId: 'atelier-1',
        detail: { comment: 'à revoir ・ 再検討' },
        hash: 'abc',
      });
      const first = await store.access.appendAudit(entry('submit', 2));
      await store.access.appendAudit({ ...entry('join', 0), declarationId: other });
      const second = await store.access.appendAudit({ ...entry('send-back', 1), sectionId: null, detail: null, hash: null });
      expect(second).toBeGreaterThan(first);
      const log = await store.access.listAudit(id);
      expect(log.map((e) => e.action)).toEqual(['submit', 'send-back']);
      expect(log[0]).toEqual({ seq: first, ...entry('submit', 2) });
      expect(log[1]).toMatchObject({ sectionId: null, detail: null, hash: null });
      await store.close();
    });
  });
}
