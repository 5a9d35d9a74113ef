/**
 * The same storage contract against a real PostgreSQL, when DATABASE_URL is set (CI sets it on
 * this machine kind). Each run works in a schema of its own, dropped afterwards.
 */
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { seedDemoDeclaration } from '../src/createApp';
import { APPEND_UPDATE, PostgresStore } from '../src/storage/PostgresStore';
import { accessStoreContract } from './accessStoreContract';
import { talkStoreContract } from './talkStoreContract';
import { storeContract } from './storeContract';

const url = process.env.DATABASE_URL;
const schema = `accord_test_${process.pid}_${Date.now().toString(36)}`;

/** A connection string whose sessions use the test schema. */
function withSchema(base: string, name = schema): string {
  const u = new URL(base);
  u.searchParams.set('options', `-c search_path=${name}`);
  return u.toString();
}

if (!url) {
  describe.skip('PostgresStore (skipped: DATABASE_URL is not set)', () => {
    it('needs a PostgreSQL server', () => {});
  });
} else {
  const admin = new pg.Client({ connectionString: url });
  const ready = admin.connect().then(() => admin.query(`CREATE SCHEMA ${schema}`));
  afterAll(async () => {
    await admin.query(`DROP SCHEMA ${schema} CASCADE`);
    await admin.end();
  });

  const open = async () => {
    await ready;
    return PostgresStore.open(withSchema(url));
  };
  storeContract('PostgresStore', open);
  accessStoreContract('PostgresStore', open);
  talkStoreContract('PostgresStore', open);

  describe('PostgresStore specifics', () => {
    it('instances starting together on an empty database create one demo declaration, not one each', async () => {
      await ready;
      const empty = `${schema}_demo`;
      await admin.query(`CREATE SCHEMA ${empty}`);
      try {
        const stores = await Promise.all([1, 2, 3].map(() => PostgresStore.open(withSchema(url, empty))));
        const created = await Promise.all(stores.map((store) => seedDemoDeclaration(store)));
        expect(created.filter((id) => id !== null)).toHaveLength(1);
        expect(await stores[0]!.listDeclarations()).toHaveLength(1);
        await Promise.all(stores.map((store) => store.close()));
      } finally {
        await admin.query(`DROP SCHEMA ${empty} CASCADE`);
      }
    });

    it('migrates idempotently when several instances start at once', async () => {
      await ready;
      const stores = await Promise.all([1, 2, 3].map(() => PostgresStore.open(withSchema(url))));
      await Promise.all(stores.map((s) => s.close()));
    });

    it('migrates a database from before invite uses: old invites become single-use, spent when used (A17)', async () => {
      await ready;
      const old = `${schema}_invites`;
      await admin.query(`CREATE SCHEMA ${old}`);
      try {
        const made = await PostgresStore.open(withSchema(url, old));
        await made.createDeclaration({ id: 'a', title: { fr: 'a', ja: 'a' } }, new Uint8Array([0]));
        await made.close();
        // Back to the schema before the migration: the invites table without its three columns.
        await admin.query(`SET search_path = ${old}`);
        // The talk tables came after (#17): a database of that time had none of them either.
        await admin.query('DROP TABLE comment_messages, comment_threads, suggestions, notifications, visits');
        await admin.query('ALTER TABLE invites DROP COLUMN label, DROP COLUMN max_uses, DROP COLUMN uses');
        // So did the versions' change counts (issue 18).
        await admin.query('ALTER TABLE versions DROP COLUMN changes');
        await admin.query('UPDATE accord_schema SET version = version - 3');
        await admin.query(`INSERT INTO invites (id, declaration_id, token_hash, role, sections, created_at) VALUES
          ('used', 'a', 'h-used', 'committee-fr', '[]', now()), ('fresh', 'a', 'h-fresh', 'observer', '[]', now())`);
        await admin.query(`INSERT INTO members (id, declaration_id, token_hash, name, role, sections, language, joined_at, invite_id) VALUES
          ('m1', 'a', 's1', 'Claire', 'committee-fr', '[]', 'fr', now(), 'used'), ('m2', 'a', 's2', 'Paul', 'committee-fr', '[]', 'fr', now(), 'used')`);
        await admin.query('SET search_path = public');
        const migrated = await PostgresStore.open(withSchema(url, old));
        expect(await migrated.access.findInvite('h-used')).toMatchObject({ uses: 2, maxUses: 2, label: null });
        expect(await migrated.access.findInvite('h-fresh')).toMatchObject({ uses: 0, maxUses: 1, label: null });
        expect(await migrated.talk.listThreads('a')).toEqual([]);
        await migrated.close();
      } finally {
        await admin.query(`DROP SCHEMA ${old} CASCADE`);
      }
    });

    it('rule 3, S11: an append still in flight is neither skipped by a compaction nor deleted by it', async () => {
      await ready;
      const [a, b] = await Promise.all([PostgresStore.open(withSchema(url)), PostgresStore.open(withSchema(url))]);
      const id = `race-${Date.now().toString(36)}`;
      await a.createDeclaration({ id, title: { fr: 'x', ja: 'x' } }, new Uint8Array([0]));
      // Instance 1 is in the middle of appending: sequence number taken, not yet committed.
      const slow = new pg.Client({ connectionString: withSchema(url) });
      await slow.connect();
      await slow.query('BEGIN');
      await slow.query(APPEND_UPDATE, [id, Buffer.from([1])]);
      const slowPid = Number((await slow.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]!.pid);
      // Instance 2 appends meanwhile (it must wait: a later number may not become visible first).
      const fast = b.appendUpdate(id, new Uint8Array([2]));
      // Go on only once that append has reached the server: committed (the bug) or queued behind
      // the slow one's lock (the fix). Either is observable, so the test waits on it, not a timer.
      let settled = false;
      void fast.then(() => (settled = true));
      while (!settled && !(await isBlockedBy(admin, slowPid))) await new Promise((r) => setImmediate(r));
      // A compaction reads, the slow append commits, the compaction truncates what it read.
      const read = await a.loadDocument(id);
      await slow.query('COMMIT');
      await slow.end();
      await fast;
      await a.replaceSnapshot(id, new Uint8Array([0, ...read!.updates.flatMap((u) => [...u])]), read!.throughSeq);
      const after = await a.loadDocument(id);
      const kept = new Set([...after!.snapshot!.slice(1), ...after!.updates.flatMap((u) => [...u])]);
      expect([...kept].sort()).toEqual([1, 2]);
      await Promise.all([a.close(), b.close()]);
    });
  });
}

/**
 * Whether some session waits on a lock `pid` holds: the fast append queued behind the slow one.
 * Scoped to that holder, so other sessions' locks (a migration, another test file) do not count.
 */
async function isBlockedBy(client: pg.Client, pid: number): Promise<boolean> {
  const { rowCount } = await client.query('SELECT 1 FROM pg_stat_activity WHERE $1 = ANY(pg_blocking_pids(pid))', [pid]);
  return (rowCount ?? 0) > 0;
}
