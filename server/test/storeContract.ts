/**
 * The storage contract (rules of `Store` in server/src/storage/Store.ts), as one suite that every
 * implementation runs: SQLite always, PostgreSQL when DATABASE_URL is set.
 */
import { describe, expect, it } from 'vitest';
import type { NewVersion, Store } from '../src/storage/Store';

const bytes = (...values: number[]) => new Uint8Array(values);
let counter = 0;
const freshId = () => `contract-${Date.now().toString(36)}-${(counter++).toString(36)}`;

function version(id: string, data: number[], full: boolean, at = new Date()): NewVersion {
  return { id, kind: 'named', label: `v ${id}`, author: 'Claire', createdAt: at.toISOString(), hash: `h-${id}`, changes: null, data: bytes(...data), full, stateVector: bytes(data.length) };
}

export function storeContract(name: string, open: () => Promise<Store>): void {
  describe(`${name}: the Store contract`, () => {
    it('creates, gets and lists declarations; unknown ids are null', async () => {
      const store = await open();
      const id = freshId();
      await store.createDeclaration({ id, title: { fr: 'Déclaration', ja: '宣言' } }, bytes(1, 2, 3));
      const record = await store.getDeclaration(id);
      expect(record).toMatchObject({ id, title: { fr: 'Déclaration', ja: '宣言' } });
      expect(Date.parse(record!.createdAt)).not.toBeNaN();
      expect((await store.listDeclarations()).map((d) => d.id)).toContain(id);
      expect(await store.getDeclaration('no-such-id')).toBeNull();
      expect(await store.loadDocument('no-such-id')).toBeNull();
      await store.close();
    });

    it('refuses a second declaration with the same id', async () => {
      const store = await open();
      const id = freshId();
      await store.createDeclaration({ id, title: { fr: 'a', ja: 'b' } }, bytes(1));
      await expect(store.createDeclaration({ id, title: { fr: 'a', ja: 'b' } }, bytes(2))).rejects.toThrow();
      await store.close();
    });

    it('rule 2: returns the snapshot then the updates in append order, with increasing sequence numbers', async () => {
      const store = await open();
      const id = freshId();
      await store.createDeclaration({ id, title: { fr: 'a', ja: 'b' } }, bytes(9));
      const seqs = [];
      for (let i = 0; i < 5; i++) seqs.push(await store.appendUpdate(id, bytes(i, i)));
      expect([...seqs].sort((a, b) => a - b)).toEqual(seqs);
      expect(new Set(seqs).size).toBe(5);
      const stored = await store.loadDocument(id);
      expect(stored!.snapshot).toEqual(bytes(9));
      expect(stored!.updates).toEqual([0, 1, 2, 3, 4].map((i) => bytes(i, i)));
      expect(stored!.throughSeq).toBe(seqs.at(-1));
      await store.close();
    });

    it('rule 3: replacing the snapshot drops updates through the given sequence and keeps later ones', async () => {
      const store = await open();
      const id = freshId();
      await store.createDeclaration({ id, title: { fr: 'a', ja: 'b' } }, bytes(0));
      await store.appendUpdate(id, bytes(1));
      await store.appendUpdate(id, bytes(2));
      const read = await store.loadDocument(id);
      // An update appended between reading and compacting (by another connection or instance).
      await store.appendUpdate(id, bytes(3));
      await store.replaceSnapshot(id, bytes(12), read!.throughSeq);
      const after = await store.loadDocument(id);
      expect(after!.snapshot).toEqual(bytes(12));
      expect(after!.updates).toEqual([bytes(3)]);
      await store.close();
    });

    it('keeps declarations apart', async () => {
      const store = await open();
      const [a, b] = [freshId(), freshId()];
      await store.createDeclaration({ id: a, title: { fr: 'a', ja: 'a' } }, bytes(1));
      await store.createDeclaration({ id: b, title: { fr: 'b', ja: 'b' } }, bytes(2));
      await store.appendUpdate(a, bytes(10));
      await store.appendUpdate(b, bytes(20));
      await store.replaceSnapshot(a, bytes(11), (await store.loadDocument(a))!.throughSeq);
      expect((await store.loadDocument(b))!.updates).toEqual([bytes(20)]);
      expect((await store.loadDocument(a))!.updates).toEqual([]);
      await store.close();
    });

    it('records a new title', async () => {
      const store = await open();
      const id = freshId();
      await store.createDeclaration({ id, title: { fr: 'avant', ja: '前' } }, bytes(1));
      await store.setDeclarationTitle(id, { fr: 'après', ja: '後' });
      expect((await store.getDeclaration(id))!.title).toEqual({ fr: 'après', ja: '後' });
      await store.close();
    });

    it('rule 6: versions chain in order; a version loads from the last full state and the deltas after it', async () => {
      const store = await open();
      const id = freshId();
      await store.createDeclaration({ id, title: { fr: 'a', ja: 'b' } }, bytes(0));
      expect(await store.latestVersion(id)).toBeNull();
      expect(await store.listVersions(id)).toEqual([]);
      const t = Date.now();
      expect(await store.appendVersion(id, version('v1', [1], true, new Date(t)), null)).toBe(true);
      expect(await store.appendVersion(id, { ...version('v2', [2, 2], false, new Date(t + 1)), changes: { passages: 3, sections: 2 } }, 'v1')).toBe(true);
      expect(await store.appendVersion(id, version('v3', [3, 3, 3], true, new Date(t + 2)), 'v2')).toBe(true);
      expect(await store.appendVersion(id, version('v4', [4], false, new Date(t + 3)), 'v3')).toBe(true);
      expect((await store.listVersions(id)).map((v) => v.id)).toEqual(['v4', 'v3', 'v2', 'v1']);
      expect((await store.listVersions(id))[3]).toEqual({ id: 'v1', kind: 'named', label: 'v v1', author: 'Claire', createdAt: new Date(t).toISOString(), hash: 'h-v1', changes: null });
      // What a version changed since the one before is kept with it (issue 18).
      expect((await store.listVersions(id))[2]!.changes).toEqual({ passages: 3, sections: 2 });
      expect((await store.loadVersion(id, 'v2'))!.record.changes).toEqual({ passages: 3, sections: 2 });
      const latest = await store.latestVersion(id);
      expect(latest?.record.id).toBe('v4');
      expect([...latest!.stateVector]).toEqual([1]);
      expect(latest!.deltasSinceFull).toBe(1);
      expect((await store.loadVersion(id, 'v2'))!.chain.map((c) => [...c])).toEqual([[1], [2, 2]]);
      expect((await store.loadVersion(id, 'v4'))!.chain.map((c) => [...c])).toEqual([[3, 3, 3], [4]]);
      expect(await store.loadVersion(id, 'nope')).toBeNull();
      await store.close();
    });

    it('rule 6: a version whose predecessor is no longer the latest is refused and not stored', async () => {
      const store = await open();
      const id = freshId();
      await store.createDeclaration({ id, title: { fr: 'a', ja: 'b' } }, bytes(0));
      expect(await store.appendVersion(id, version('w1', [1], true), null)).toBe(true);
      expect(await store.appendVersion(id, version('w2', [2], false), null)).toBe(false);
      expect(await store.appendVersion(id, version('w3', [3], false), 'w0')).toBe(false);
      expect((await store.listVersions(id)).map((v) => v.id)).toEqual(['w1']);
      await store.close();
    });

    it('rule 7: a client id has one owner for good; of concurrent claims one wins and all are told which', async () => {
      const store = await open();
      const id = freshId();
      const other = freshId();
      await store.createDeclaration({ id, title: { fr: 'a', ja: 'b' } }, bytes(0));
      await store.createDeclaration({ id: other, title: { fr: 'a', ja: 'b' } }, bytes(0));
      // Client ids are 32-bit unsigned: the largest must fit.
      const big = 2 ** 32 - 1;
      expect(await store.clientIdOwner(id, big)).toBeNull();
      expect(await store.claimClientId(id, big, 'member:claire')).toBe('member:claire');
      expect(await store.claimClientId(id, big, 'member:hanako')).toBe('member:claire');
      expect(await store.clientIdOwner(id, big)).toBe('member:claire');
      // Per declaration: the same number elsewhere is free.
      expect(await store.claimClientId(other, big, 'member:hanako')).toBe('member:hanako');
      const owners = await Promise.all(Array.from({ length: 8 }, (_, i) => store.claimClientId(id, 77, `member:${i}`)));
      expect(new Set(owners).size).toBe(1);
      expect(await store.clientIdOwner(id, 77)).toBe(owners[0]);
      await store.close();
    });
  });
}
