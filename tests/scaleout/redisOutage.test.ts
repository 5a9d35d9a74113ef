/**
 * S10, Redis is a shortcut, the store is the record: an edit made while Redis is down reaches the
 * other instance's clients once it returns, because every instance re-reads its loaded
 * declarations from the store. Runs with a Redis server of its own (Debian's `redis-server`, on a
 * free port), which it stops and starts; needs DATABASE_URL like the other scale-out tests.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDeclarationViaApi, joinAs } from '../support/api';
import { segmentText, typeAtEnd } from '../support/editText';
import { type AccordProcess, startAccord } from '../support/startAccord';
import { connectClient, synced, waitForDoc, type YClient } from '../support/yClient';

const databaseUrl = process.env.DATABASE_URL;
const run = `accord_outage_${process.pid}_${Date.now().toString(36)}`;

/** A free TCP port on the loopback interface, as the kernel hands one out. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Starts `redis-server` on `port`, keeping nothing on disk; resolves once it accepts connections. */
function startRedis(port: number): Promise<ChildProcess> {
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Ready to accept connections')) resolve(child);
    });
    child.once('exit', (code) => reject(new Error(`redis-server exited (${code}): ${output}`)));
  });
}

function stopRedis(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.removeAllListeners('exit');
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}

const hasRedisServer = (() => {
  try {
    return spawn('redis-server', ['--version']).pid !== undefined;
  } catch {
    return false;
  }
})();

if (!databaseUrl || !hasRedisServer) {
  describe.skip(`a Redis outage (skipped: ${!databaseUrl ? 'DATABASE_URL is not set' : 'no redis-server'})`, () => {
    it('needs PostgreSQL and redis-server', () => {});
  });
} else {
  describe('a Redis outage between two instances (S10)', () => {
    const admin = new pg.Client({ connectionString: databaseUrl });
    const clients: YClient[] = [];
    let redis: ChildProcess;
    let port: number;
    let a: AccordProcess;
    let b: AccordProcess;

    beforeAll(async () => {
      await admin.connect();
      await admin.query(`CREATE SCHEMA ${run}`);
      const schemaUrl = new URL(databaseUrl);
      schemaUrl.searchParams.set('options', `-c search_path=${run}`);
      port = await freePort();
      redis = await startRedis(port);
      const env = { DATABASE_URL: schemaUrl.toString(), REDIS_URL: `redis://127.0.0.1:${port}`, REDIS_PREFIX: `${run}:` };
      [a, b] = await Promise.all([startAccord({ env }), startAccord({ env })]);
    });

    afterAll(async () => {
      for (const c of clients) c.destroy();
      await Promise.all([a?.stop(), b?.stop()]);
      if (redis) await stopRedis(redis);
      await admin.query(`DROP SCHEMA ${run} CASCADE`);
      await admin.end();
    });

    it('an edit stored while Redis is down reaches the other instance’s clients when it returns', async () => {
      const id = await createDeclarationViaApi(a.url);
      const claire = await joinAs(a.url, id, { role: 'committee-fr', name: 'Claire' });
      const kenji = await joinAs(a.url, id, { role: 'committee-ja', name: 'Kenji' });
      const writer = connectClient(a.collabUrl, id, { token: claire.token });
      const reader = connectClient(b.collabUrl, id, { token: kenji.token });
      clients.push(writer, reader);
      await Promise.all([synced(writer), synced(reader)]);
      typeAtEnd(writer.doc, 'theme', 'fr', ' avant');
      await waitForDoc(reader.doc, (doc) => segmentText(doc, 'theme', 'fr').endsWith(' avant'));

      await stopRedis(redis);
      await expect.poll(() => a.log().includes('redis connection lost') && b.log().includes('redis connection lost')).toBe(true);
      // Stored by A (S1) while nothing can relay it to B.
      typeAtEnd(writer.doc, 'theme', 'fr', ' pendant la panne');
      redis = await startRedis(port);
      await waitForDoc(reader.doc, (doc) => segmentText(doc, 'theme', 'fr').endsWith(' avant pendant la panne'));
      expect(b.log()).toContain('redis connection back');
      // And live relaying works again.
      typeAtEnd(writer.doc, 'theme', 'fr', ' après');
      await waitForDoc(reader.doc, (doc) => segmentText(doc, 'theme', 'fr').endsWith(' pendant la panne après'));
    });
  });
}
