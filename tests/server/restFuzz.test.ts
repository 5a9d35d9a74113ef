/**
 * Random bodies against every REST route that takes one (the house rule: every request body is
 * validated before use): whatever a crafted client sends, the answer is a success or a 4xx with
 * the JSON error shape, never a server error nor a body that is not JSON, and the server goes on
 * serving. Bodies are random JSON, and objects made of the routes' own field names with random
 * values, which get past the first checks and reach the deeper ones. As the administrator (who
 * may call every route) and as a committee member; seeded, so a failure replays.
 */
import { createPassageAnchor } from '@accord/model/commentAnchor';
import { readDeclaration } from '@accord/model/readDeclaration';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDeclarationViaApi, getJson, joinAs, postJson } from '../support/api';
import { type InProcessAccord, startInProcess } from '../support/startInProcess';
import { connectClient, synced } from '../support/yClient';

/** The field names the routes read, so that random objects look like what they expect. */
const FIELDS = [
  'action', 'comment', 'label', 'author', 'role', 'sections', 'anchor', 'body', 'fr', 'ja', 'format', 'content', 'title',
  'reason', 'findingId', 'sid', 'lang', 'text', 'observersMaySuggest', 'name', 'invite', 'adminToken', 'language',
  'maxUses', 'expiresInHours', 'meta', 'pairs', 'kind', 'segments', 'quote', 'start', 'end', 'ids', 'table', 'confidence',
];

const field = fc.constantFrom(...FIELDS);
const value = fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.constantFrom('workshop-1', 'fr', 'ja', 'markdown', 'docx', 'text', 'committee-fr', 'rapporteur', 'submit', ''));
const nearlyValid = fc.dictionary(field, fc.oneof(value, fc.dictionary(field, value, { maxKeys: 4 }), fc.array(fc.dictionary(field, value, { maxKeys: 4 }), { maxLength: 3 })), { maxKeys: 6 });
const anyBody = fc.oneof(fc.jsonValue({ maxDepth: 3 }), nearlyValid, nearlyValid);

describe('fuzzing every REST route that takes a body', () => {
  let server: InProcessAccord;
  let id: string;
  let committee: { token: string; memberId: string };
  let threadId: string;
  let messageId: string;
  let versionId: string;

  beforeAll(async () => {
    server = await startInProcess();
    id = await createDeclarationViaApi(server.url);
    committee = await joinAs(server.url, id, { role: 'committee-fr', name: 'Claire' });
    await joinAs(server.url, id, { role: 'observer', name: 'Obs' });
    // A real thread to reply to and edit: its anchor made from a synced copy, as the editor does.
    const reader = connectClient(server.collabUrl, id, { token: committee.token });
    await synced(reader);
    const sid = readDeclaration(reader.doc).sections.find((s) => s.id === 'theme')!.segments[0]!.sid;
    const anchor = createPassageAnchor(reader.doc, { sectionId: 'theme', sid, language: 'fr' }, 0, 4)!;
    reader.destroy();
    const thread = await postJson(`${server.url}/api/declarations/${id}/comments`, { anchor, body: 'Premier fil' }, { token: committee.token });
    expect(thread.status).toBe(201);
    const made = thread.body as { id: string; messages: { id: string }[] };
    threadId = made.id;
    messageId = made.messages[0]!.id;
    versionId = ((await postJson(`${server.url}/api/declarations/${id}/versions`, { label: 'Avant le fuzz' })).body as { id: string }).id;
  });

  afterAll(async () => {
    await server?.close();
  });

  const routes = (): Array<[method: string, path: string]> => {
    const d = `/api/declarations/${id}`;
    return [
      ['POST', '/api/declarations'],
      ['POST', '/api/declarations/import'],
      ['POST', '/api/session'],
      ['POST', '/api/invites/inspect'],
      ['POST', `${d}/import`],
      ['POST', `${d}/invites`],
      ['PATCH', `${d}/members/${committee.memberId}`],
      ['POST', `${d}/checks/dismissals`],
      ['POST', `${d}/comments`],
      ['POST', `${d}/comments/${threadId}/replies`],
      ['PATCH', `${d}/comments/${threadId}/messages/${messageId}`],
      ['POST', `${d}/suggestions`],
      ['PUT', `${d}/talk-settings`],
      ['POST', `${d}/notifications/read`],
      ['POST', `${d}/visit/seen`],
      ['POST', `${d}/versions`],
      ['POST', `${d}/versions/${versionId}/restore`],
      ['POST', `${d}/sections/workshop-1/actions`],
      ['POST', `${d}/adopt`],
      ['POST', `${d}/reopen`],
    ];
  };

  for (const who of ['the administrator', 'a committee member'] as const) {
    it(`answers ${who} with a success or a 4xx in JSON, never a server error`, async () => {
      const token = who === 'the administrator' ? undefined : committee.token;
      const failures: string[] = [];
      for (const [method, path] of routes()) {
        await fc.assert(
          fc.asyncProperty(anyBody, async (body) => {
            const { status, body: answer } = await postJson(`${server.url}${path}`, body, { method, ...(token ? { token } : {}) });
            if (status >= 500) failures.push(`${method} ${path} ${JSON.stringify(body)} → ${status} ${JSON.stringify(answer)}`);
            else if (status >= 400) expect(answer, `${method} ${path}`).toMatchObject({ error: { code: expect.any(String), message: expect.any(String) } });
          }),
          { numRuns: 80, seed: 20261202 },
        );
      }
      expect(failures).toEqual([]);
      // Still serving, for everyone else.
      expect((await getJson(`${server.url}/api/declarations/${id}`)).status).toBe(200);
      expect((await getJson(`${server.url}/api/health`)).status).toBe(200);
    });
  }
});
