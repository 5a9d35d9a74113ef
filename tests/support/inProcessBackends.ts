import { PostgresStore } from '@accord/server/storage/PostgresStore';
import pg from 'pg';
import { afterAll, beforeAll } from 'vitest';
import { type InProcessAccord, startInProcess } from './startInProcess';

/** A name and a way to start an in-process Accord on that store, for `describe.each`. */
export type InProcessBackend = [name: string, start: () => Promise<InProcessAccord>];

/**
 * The stores a server test runs on: SQLite always, PostgreSQL too when DATABASE_URL is set — in a
 * schema of its own named after `name` and this process, created before the file's tests and
 * dropped after them (registers those hooks), so test files running at once never share tables.
 */
export function inProcessBackends(name: string): InProcessBackend[] {
  const backends: InProcessBackend[] = [['SQLite', () => startInProcess()]];
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) return backends;
  const schema = `accord_${name}_${process.pid}_${Date.now().toString(36)}`;
  const url = new URL(databaseUrl);
  url.searchParams.set('options', `-c search_path=${schema}`);
  const admin = new pg.Client({ connectionString: databaseUrl });
  beforeAll(async () => {
    await admin.connect();
    await admin.query(`CREATE SCHEMA ${schema}`);
  });
  afterAll(async () => {
    await admin.query(`DROP SCHEMA ${schema} CASCADE`);
    await admin.end();
  });
  backends.push(['PostgreSQL', async () => startInProcess({ store: await PostgresStore.open(url.toString()) })]);
  return backends;
}
