/**
 * A configured PostgreSQL or Redis that does not answer stops the start with a clear message:
 * never a silent fallback to SQLite or to a single instance (docs/deployment.md).
 */
import { describe, expect, it } from 'vitest';
import { startAccord } from '../support/startAccord';

// Port 1 on loopback: nothing listens there, so connections are refused at once.
describe('unavailable services at start', () => {
  it('refuses to start when DATABASE_URL does not answer', async () => {
    await expect(startAccord({ env: { DATABASE_URL: 'postgres://postgres@127.0.0.1:1/test' } })).rejects.toThrow(
      /exited with 1[\s\S]*PostgreSQL is configured but unavailable/,
    );
  });

  it('refuses to start when REDIS_URL does not answer, without printing its password', async () => {
    const failure = startAccord({ env: { REDIS_URL: 'redis://:s3cret@127.0.0.1:1' } });
    await expect(failure).rejects.toThrow(/exited with 1[\s\S]*Redis is configured but unavailable/);
    await expect(failure).rejects.not.toThrow(/s3cret/);
  });
});
