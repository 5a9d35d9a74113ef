/**
 * The approval workflow over the REST API (docs/access-and-workflow.md W1–W8), with each role a
 * real member, and the freeze of an adopted declaration checked with the real y-websocket client.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDeclarationViaApi, getJson, joinAs, postJson } from '../support/api';
import { segmentText, typeAtEnd } from '../support/editText';
import { type InProcessAccord, startInProcess } from '../support/startInProcess';
import { connectClient, nextClose, synced, waitForDoc, type YClient } from '../support/yClient';

let server: InProcessAccord;
const clients: YClient[] = [];
const client = (id: string, token: string) => {
  const c = connectClient(server.collabUrl, id, { token });
  clients.push(c);
  return c;
};

beforeAll(async () => {
  server = await startInProcess();
});
afterAll(async () => {
  clients.forEach((c) => c.destroy());
  await server.close();
});

interface Progress {
  sections: { id: string; state: string; changedSince: string | null }[];
  adoption: { hash: string; versionId: string } | null;
  adoptable: boolean;
}

describe('the workflow, from draft to adoption and back (W1–W8)', () => {
  let id: string;
  const people: Record<string, { token: string }> = {};
  const act = (who: string, sectionId: string, action: string, comment?: string) =>
    postJson(`${server.url}/api/declarations/${id}/sections/${sectionId}/actions`, { action, ...(comment ? { comment } : {}) }, { token: people[who]!.token });
  const progress = async () => (await getJson(`${server.url}/api/declarations/${id}/workflow`)).body as Progress;
  const stateOf = async (sectionId: string) => (await progress()).sections.find((s) => s.id === sectionId)!;

  beforeAll(async () => {
    id = await createDeclarationViaApi(server.url);
    people.hanako = await joinAs(server.url, id, { role: 'rapporteur', name: 'Hanako', sections: ['workshop-1'] });
    people.claire = await joinAs(server.url, id, { role: 'committee-fr', name: 'Claire' });
    people.kenji = await joinAs(server.url, id, { role: 'committee-ja', name: 'Kenji' });
    people.mairie = await joinAs(server.url, id, { role: 'mayor-office', name: 'Mairie de Lyon' });
    people.obs = await joinAs(server.url, id, { role: 'observer', name: 'Obs' });
  });

  it('W1–W3: submitted by its rapporteur, validated by both committees, approved by the mayor’s office', async () => {
    expect(await act('obs', 'workshop-1', 'submit')).toMatchObject({ status: 403 });
    expect(await act('hanako', 'workshop-2', 'submit')).toMatchObject({ status: 403 });
    expect(await act('hanako', 'workshop-1', 'validate')).toMatchObject({ status: 403 });
    expect(await act('claire', 'workshop-1', 'validate')).toMatchObject({ status: 409, body: { error: { code: 'invalid_transition' } } });
    expect(await act('hanako', 'workshop-1', 'submit')).toMatchObject({ status: 200, body: { state: 'submitted' } });
    expect(await act('hanako', 'workshop-1', 'submit')).toMatchObject({ status: 409 });
    expect(await act('mairie', 'workshop-1', 'approve')).toMatchObject({ status: 409 });
    expect(await act('claire', 'workshop-1', 'validate')).toMatchObject({ status: 200, body: { state: 'submitted' } });
    expect(await act('claire', 'workshop-1', 'validate')).toMatchObject({ status: 409 });
    expect(await act('kenji', 'workshop-1', 'validate')).toMatchObject({ status: 200, body: { state: 'validated' } });
    expect(await act('mairie', 'workshop-1', 'approve')).toMatchObject({ status: 200, body: { state: 'approved' } });
    expect(await act('mairie', 'no-such-section', 'approve')).toMatchObject({ status: 404 });
  });

  it('W5: an edit to either language after approval reads as "changed since approval", seen live by clients', async () => {
    const hanako = client(id, people.hanako!.token);
    await synced(hanako);
    typeAtEnd(hanako.doc, 'workshop-1', 'ja', '追記。');
    await expect.poll(async () => (await stateOf('workshop-1')).changedSince).toBe('approval');
    expect((await stateOf('workshop-1')).state).toBe('submitted');
    // Re-validated and re-approved at the new text.
    await act('claire', 'workshop-1', 'validate');
    await act('kenji', 'workshop-1', 'validate');
    expect(await act('mairie', 'workshop-1', 'approve')).toMatchObject({ status: 200, body: { state: 'approved' } });
    // The workflow map is part of the document: clients see the state without asking.
    await waitForDoc(hanako.doc, (doc) => (doc.getMap('workflow').get('section/workshop-1') as { state?: string } | undefined)?.state === 'approved');
  });

  it('W4: sending back needs a comment, returns to draft, and keeps the comment', async () => {
    expect(await act('mairie', 'workshop-1', 'send-back')).toMatchObject({ status: 409 });
    expect(await act('mairie', 'workshop-1', 'send-back', 'Préciser le calendrier.')).toMatchObject({ status: 200, body: { state: 'draft' } });
    const section = (await progress()).sections.find((s) => s.id === 'workshop-1') as unknown as { record: { sentBack: { comment: string } } };
    expect(section.record.sentBack.comment).toBe('Préciser le calendrier.');
  });

  it('W6: adoption needs every section approved, saves the adopted version with its hash, and freezes the text', async () => {
    expect(await postJson(`${server.url}/api/declarations/${id}/adopt`, {}, { token: people.mairie!.token })).toMatchObject({
      status: 409,
      body: { error: { code: 'not_all_approved' } },
    });
    for (const { id: sectionId } of (await progress()).sections) {
      await act('claire', sectionId, 'submit');
      await act('claire', sectionId, 'validate');
      await act('kenji', sectionId, 'validate');
      expect(await act('mairie', sectionId, 'approve')).toMatchObject({ status: 200 });
    }
    expect((await progress()).adoptable).toBe(true);
    expect(await postJson(`${server.url}/api/declarations/${id}/adopt`, {}, { token: people.claire!.token })).toMatchObject({ status: 403 });
    const adopted = await postJson(`${server.url}/api/declarations/${id}/adopt`, {}, { token: people.mairie!.token });
    expect(adopted.status).toBe(200);
    const { versionId, hash } = adopted.body as { versionId: string; hash: string };
    const versions = (await getJson(`${server.url}/api/declarations/${id}/versions`)).body as { versions: { id: string; label: string | null; hash: string }[] };
    // A kind of its own, no French label: each reader's interface names it (issue 18).
    expect(versions.versions[0]).toMatchObject({ id: versionId, kind: 'adopted', label: null, hash });

    // Frozen: a committee's edit is refused (4403), a restore is refused, workflow actions too.
    const claire = client(id, people.claire!.token);
    await synced(claire);
    const before = segmentText(claire.doc, 'preamble', 'fr');
    const closed = nextClose(claire);
    typeAtEnd(claire.doc, 'preamble', 'fr', ' APRÈS ADOPTION');
    expect(await closed).toMatchObject({ code: 4403, reason: expect.stringContaining('adopted') });
    claire.destroy();
    const reader = client(id, people.obs!.token);
    await synced(reader);
    expect(segmentText(reader.doc, 'preamble', 'fr')).toBe(before);
    expect(await postJson(`${server.url}/api/declarations/${id}/versions/${versionId}/restore`, {}, { token: people.claire!.token })).toMatchObject({ status: 409 });
    expect(await act('mairie', 'preamble', 'send-back', 'trop tard')).toMatchObject({ status: 409, body: { error: { code: 'frozen' } } });
  });

  it('W7: an administrator reopens with a reason; edits are accepted again', async () => {
    expect(await postJson(`${server.url}/api/declarations/${id}/reopen`, { reason: 'x' }, { token: people.mairie!.token })).toMatchObject({ status: 403 });
    expect((await postJson(`${server.url}/api/declarations/${id}/reopen`, { reason: '  ' })).status).toBe(400);
    expect(await postJson(`${server.url}/api/declarations/${id}/reopen`, { reason: 'Coquille dans le préambule' })).toMatchObject({ status: 200 });
    expect((await progress()).adoption).toBeNull();
    const claire = client(id, people.claire!.token);
    const reader = client(id, people.obs!.token);
    await Promise.all([synced(claire), synced(reader)]);
    typeAtEnd(claire.doc, 'preamble', 'fr', ' Corrigé.');
    await waitForDoc(reader.doc, (doc) => segmentText(doc, 'preamble', 'fr').endsWith(' Corrigé.'));
    expect((await stateOf('preamble')).changedSince).toBe('approval');
  });

  it('W8: the audit log holds every step, in order, with who and which hash', async () => {
    expect((await getJson(`${server.url}/api/declarations/${id}/audit`, { token: people.claire!.token })).status).toBe(403);
    const { entries } = (await getJson(`${server.url}/api/declarations/${id}/audit`)).body as {
      entries: { action: string; actor: { name: string; role: string }; sectionId: string | null; hash: string | null; detail: Record<string, unknown> | null }[];
    };
    const actions = entries.map((e) => e.action);
    expect(actions.slice(0, 10)).toEqual(['invite', 'join', 'invite', 'join', 'invite', 'join', 'invite', 'join', 'invite', 'join']);
    const firstSubmit = entries.find((e) => e.action === 'submit')!;
    expect(firstSubmit).toMatchObject({ actor: { name: 'Hanako', role: 'rapporteur' }, sectionId: 'workshop-1', hash: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(entries.find((e) => e.action === 'send-back')).toMatchObject({ actor: { name: 'Mairie de Lyon' }, detail: { comment: 'Préciser le calendrier.' } });
    expect(entries.find((e) => e.action === 'adopt')).toMatchObject({ actor: { role: 'mayor-office' }, hash: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(entries.find((e) => e.action === 'reopen')).toMatchObject({ actor: { role: 'admin' }, detail: { reason: 'Coquille dans le préambule' } });
    expect(actions.indexOf('adopt')).toBeLessThan(actions.indexOf('write-refused'));
    expect(actions.indexOf('write-refused')).toBeLessThan(actions.indexOf('reopen'));
  });
});
