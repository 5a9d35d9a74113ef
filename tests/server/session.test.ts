/**
 * Who am I, and signing out (docs/access-and-workflow.md A18): through the real REST API of a
 * server on port 0, with the cookies a browser would keep.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_TOKEN } from '../support/adminToken';
import { createDeclarationViaApi, joinAs } from '../support/api';
import { type InProcessAccord, startInProcess } from '../support/startInProcess';

describe('GET and DELETE /api/session (A18)', () => {
  let server: InProcessAccord;
  let first: string;
  let second: string;
  beforeAll(async () => {
    server = await startInProcess();
    first = await createDeclarationViaApi(server.url);
    second = await createDeclarationViaApi(server.url);
  });
  afterAll(() => server.close());

  const sessionOf = async (headers: Record<string, string>) => {
    const response = await fetch(`${server.url}/api/session`, { headers });
    return { status: response.status, body: (await response.json()) as unknown };
  };

  it('answers 200 with nothing for a visitor without any cookie, and for a forged one', async () => {
    expect(await sessionOf({})).toEqual({ status: 200, body: { admin: false, declarations: [] } });
    expect(await sessionOf({ cookie: `accord_${first}=not-a-session; accord_admin=nor-this` })).toEqual({
      status: 200,
      body: { admin: false, declarations: [] },
    });
  });

  it('lists the declarations whose session cookies are valid, and the administrator as such', async () => {
    const { token } = await joinAs(server.url, first, { role: 'observer', name: 'Yuki' });
    expect(await sessionOf({ cookie: `accord_${first}=${token}; accord_${second}=${token}` })).toEqual({
      status: 200,
      body: { admin: false, declarations: [first] },
    });
    expect((await sessionOf({ authorization: `Bearer ${ADMIN_TOKEN}` })).body).toEqual({ admin: true, declarations: [] });
  });

  it('signs out by removing every Accord cookie, and not from another site', async () => {
    const foreign = await fetch(`${server.url}/api/session`, { method: 'DELETE', headers: { origin: 'https://evil.example', cookie: `accord_${first}=x` } });
    expect(foreign.status).toBe(403);
    expect(foreign.headers.getSetCookie()).toEqual([]);
    const response = await fetch(`${server.url}/api/session`, { method: 'DELETE', headers: { cookie: `accord_${first}=x; accord_admin=y; other=z` } });
    expect(response.status).toBe(204);
    const cleared = response.headers.getSetCookie().map((cookie) => cookie.split('=')[0]).sort();
    expect(cleared).toEqual(['accord_admin', `accord_${first}`].sort());
    for (const cookie of response.headers.getSetCookie()) expect(cookie).toMatch(/Max-Age=0/);
  });
});
