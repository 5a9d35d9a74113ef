/**
 * Every refusal of someone with a session is in the declaration's audit log, with who and why
 * (docs/access-and-workflow.md W8, A15–A17): here the REST refusals a role or a workflow rule
 * decides (403 forbidden). Writes, presence, origins and invites have their own tests.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createDeclarationViaApi, getJson, joinAs, postJson } from '../support/api';
import { type InProcessAccord, startInProcess } from '../support/startInProcess';

let server: InProcessAccord;
beforeAll(async () => {
  server = await startInProcess();
});
afterAll(async () => {
  await server.close();
});

interface Entry {
  action: string;
  actor: { name: string; role: string };
  detail: Record<string, unknown> | null;
}

it('audits a 403 of a member, with the request and the reason, and leaves the answer as it was', async () => {
  const id = await createDeclarationViaApi(server.url);
  const obs = await joinAs(server.url, id, { role: 'observer', name: 'Obs' });
  const api = (path: string) => `${server.url}/api/declarations/${id}${path}`;
  const invite = await postJson(api('/invites'), { role: 'observer' }, { token: obs.token });
  expect(invite).toMatchObject({ status: 403, body: { error: { code: 'forbidden' } } });
  const submit = await postJson(api('/sections/preamble/actions'), { action: 'submit' }, { token: obs.token });
  expect(submit).toMatchObject({ status: 403, body: { error: { code: 'forbidden' } } });
  const audit = async () => ((await getJson(api('/audit'))).body as { entries: Entry[] }).entries.filter((e) => e.action === 'request-refused');
  await expect.poll(async () => (await audit()).length).toBe(2);
  expect(await audit()).toEqual([
    expect.objectContaining({
      actor: { name: 'Obs', role: 'observer' },
      detail: { method: 'POST', path: `/api/declarations/${id}/invites`, reason: (invite.body as { error: { message: string } }).error.message, actorMemberId: obs.memberId },
    }),
    expect.objectContaining({ actor: { name: 'Obs', role: 'observer' }, detail: expect.objectContaining({ path: `/api/declarations/${id}/sections/preamble/actions` }) }),
  ]);
});
