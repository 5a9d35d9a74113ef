/**
 * Invites admit one person unless made reusable (docs/access-and-workflow.md A17), on SQLite and,
 * when DATABASE_URL is set, on PostgreSQL: through the real REST API of a server on port 0.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDeclarationViaApi, getJson, postJson } from '../support/api';
import { inProcessBackends } from '../support/inProcessBackends';
import type { InProcessAccord } from '../support/startInProcess';


interface ListedInvite {
  id: string;
  uses: number;
  maxUses: number;
  label: string | null;
  usedBy: { memberId: string; name: string }[];
}

const backends = inProcessBackends('invites');

describe.each(backends)('invites on %s (A17)', (_name, start) => {
  let server: InProcessAccord;
  beforeAll(async () => {
    server = await start();
  });
  afterAll(async () => {
    await server.close();
  });
  const api = (id: string, path: string) => `${server.url}/api/declarations/${id}${path}`;
  const join = (invite: string, name: string) => postJson(`${server.url}/api/session`, { invite, name, language: 'fr' }, { token: null });
  const listed = async (id: string, inviteId: string) =>
    ((await getJson(api(id, '/invites'))).body as { invites: ListedInvite[] }).invites.find((i) => i.id === inviteId)!;

  it('an invite admits one person: a second redemption is refused (410 invite_used) and audited, and makes no member', async () => {
    const id = await createDeclarationViaApi(server.url);
    const made = await postJson(api(id, '/invites'), { role: 'committee-fr', label: 'Claire, délégation de Cannes' });
    expect(made).toMatchObject({ status: 201, body: { maxUses: 1, label: 'Claire, délégation de Cannes' } });
    const { token, inviteId } = made.body as { token: string; inviteId: string };
    const first = await join(token, 'Claire');
    expect(first.status).toBe(201);
    expect(await join(token, 'Mallory')).toMatchObject({ status: 410, body: { error: { code: 'invite_used' } } });
    expect(await postJson(`${server.url}/api/invites/inspect`, { invite: token }, { token: null })).toMatchObject({
      status: 410,
      body: { error: { code: 'invite_used' } },
    });
    const members = ((await getJson(api(id, '/members'))).body as { members: { name: string; inviteId: string }[] }).members;
    expect(members).toEqual([expect.objectContaining({ name: 'Claire', inviteId })]);
    expect(await listed(id, inviteId)).toMatchObject({
      uses: 1,
      maxUses: 1,
      label: 'Claire, délégation de Cannes',
      usedBy: [{ memberId: (first.body as { memberId: string }).memberId, name: 'Claire' }],
    });
    const audit = ((await getJson(api(id, '/audit'))).body as { entries: { action: string; actor: { name: string }; detail: unknown }[] }).entries;
    expect(audit.find((e) => e.action === 'join-refused')).toMatchObject({
      actor: { name: 'Mallory', role: 'committee-fr' },
      detail: { inviteId, problem: 'used' },
    });
  });

  it('a reusable invite admits up to maxUses people, and lists who used it', async () => {
    const id = await createDeclarationViaApi(server.url);
    const { token, inviteId } = (await postJson(api(id, '/invites'), { role: 'observer', maxUses: 2 })).body as { token: string; inviteId: string };
    expect((await join(token, 'Aiko')).status).toBe(201);
    expect((await join(token, 'Bruno')).status).toBe(201);
    expect((await join(token, 'Chloé')).status).toBe(410);
    const invite = await listed(id, inviteId);
    expect(invite).toMatchObject({ uses: 2, maxUses: 2, label: null });
    expect(invite.usedBy.map((u) => u.name)).toEqual(['Aiko', 'Bruno']);
  });

  it('two people opening a single-use invite at once: exactly one becomes a member', async () => {
    const id = await createDeclarationViaApi(server.url);
    const { token, inviteId } = (await postJson(api(id, '/invites'), { role: 'observer' })).body as { token: string; inviteId: string };
    const results = await Promise.all(Array.from({ length: 6 }, (_, i) => join(token, `Person ${i}`)));
    expect(results.map((r) => r.status).sort()).toEqual([201, 410, 410, 410, 410, 410]);
    expect(((await getJson(api(id, '/members'))).body as { members: unknown[] }).members).toHaveLength(1);
    expect(await listed(id, inviteId)).toMatchObject({ uses: 1, maxUses: 1 });
  });

  it('validates maxUses and label', async () => {
    const id = await createDeclarationViaApi(server.url);
    for (const body of [{ maxUses: 0 }, { maxUses: 501 }, { maxUses: 1.5 }, { maxUses: '3' }, { label: 'x'.repeat(121) }]) {
      expect((await postJson(api(id, '/invites'), { role: 'observer', ...body })).status).toBe(400);
    }
    expect((await postJson(api(id, '/invites'), { role: 'observer', maxUses: 500 })).status).toBe(201);
  });
});
