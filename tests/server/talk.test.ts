/**
 * Comments, suggestions, notifications and « since my last visit » over the REST API and the live
 * event stream (docs/access-and-workflow.md C1–C12), every role a real member, the text edited and
 * read through the real y-websocket client.
 */
import { createPassageAnchor } from '@accord/model/commentAnchor';
import { readConfirmations, segmentTranslation } from '@accord/model/translationState';
import { readDeclaration } from '@accord/model/readDeclaration';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDeclarationViaApi, getJson, joinAs, postJson } from '../support/api';
import { segmentText, typeAtEnd } from '../support/editText';
import { type InProcessAccord, startInProcess } from '../support/startInProcess';
import { openEvents } from '../support/talkEvents';
import { connectClient, synced, waitForDoc, type YClient } from '../support/yClient';
import * as Y from 'yjs';

let server: InProcessAccord;
const clients: YClient[] = [];
const connect = async (id: string, token: string) => {
  const c = connectClient(server.collabUrl, id, { token });
  clients.push(c);
  await synced(c);
  return c;
};

beforeAll(async () => {
  server = await startInProcess();
});
afterAll(async () => {
  clients.forEach((c) => c.destroy());
  await server.close();
});

type Who = 'claire' | 'kenji' | 'hanako' | 'mairie' | 'obs';

describe('talking about the text (C1–C12)', () => {
  let id: string;
  const people = {} as Record<Who, { token: string; memberId: string }>;
  const api = (path: string) => `${server.url}/api/declarations/${id}${path}`;
  const post = (who: Who, path: string, body: unknown = {}) => postJson(api(path), body, { token: people[who].token });
  const get = (who: Who, path: string) => getJson(api(path), { token: people[who].token });
  let doc: Y.Doc;
  const themeSid = () => readDeclaration(doc).sections.find((s) => s.id === 'theme')!.segments[0]!.sid;
  const anchorOn = (lang: 'fr' | 'ja', from: number, to: number) =>
    createPassageAnchor(doc, { sectionId: 'theme', sid: themeSid(), language: lang }, from, to)!;

  beforeAll(async () => {
    id = await createDeclarationViaApi(server.url);
    people.claire = await joinAs(server.url, id, { role: 'committee-fr', name: 'Claire' });
    people.kenji = await joinAs(server.url, id, { role: 'committee-ja', name: 'Kenji 健二', language: 'ja' });
    people.hanako = await joinAs(server.url, id, { role: 'rapporteur', name: 'Hanako', sections: ['workshop-1'], language: 'ja' });
    people.mairie = await joinAs(server.url, id, { role: 'mayor-office', name: 'Mairie de Lyon' });
    people.obs = await joinAs(server.url, id, { role: 'observer', name: 'Obs' });
    doc = (await connect(id, people.claire.token)).doc;
  });

  it('C1–C5: an observer comments on a Japanese passage but cannot resolve; a committee resolves; only the author edits or deletes', async () => {
    const ja = segmentText(doc, 'theme', 'ja');
    const anchor = anchorOn('ja', 0, 2);
    expect(anchor.quote).toBe(ja.slice(0, 2));
    const made = await post('obs', '/comments', { anchor, body: 'なぜ「主体」？ @Claire', mentions: [people.claire.memberId] });
    expect(made.status).toBe(201);
    const thread = made.body as { id: string; messages: { id: string; author: { name: string } }[] };
    expect(thread.messages[0]!.author.name).toBe('Obs');

    expect(await post('obs', `/comments/${thread.id}/resolve`)).toMatchObject({ status: 403, body: { error: { code: 'forbidden' } } });
    expect(await post('mairie', `/comments/${thread.id}/resolve`)).toMatchObject({ status: 403 });
    const reply = await post('claire', `/comments/${thread.id}/replies`, { body: 'Parce que « acteurs » est trop vague.' });
    expect(reply.status).toBe(201);
    const replyId = (reply.body as typeof thread).messages[1]!.id;
    expect(await post('claire', `/comments/${thread.id}/resolve`)).toMatchObject({ status: 200, body: { resolved: { by: 'Claire', role: 'committee-fr' } } });
    expect(await post('kenji', `/comments/${thread.id}/reopen`)).toMatchObject({ status: 200, body: { resolved: null } });

    const edit = (who: Who, messageId: string) =>
      fetch(api(`/comments/${thread.id}/messages/${messageId}`), {
        method: 'PATCH',
        headers: { authorization: `Bearer ${people[who].token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ body: 'modifié' }),
      });
    expect((await edit('claire', thread.messages[0]!.id)).status).toBe(403);
    expect((await edit('obs', thread.messages[0]!.id)).status).toBe(200);
    const del = (who: Who, messageId: string) => fetch(api(`/comments/${thread.id}/messages/${messageId}`), { method: 'DELETE', headers: { authorization: `Bearer ${people[who].token}` } });
    expect((await del('obs', replyId)).status).toBe(403);
    expect((await del('claire', replyId)).status).toBe(200);

    const listed = (await get('hanako', '/comments')).body as { threads: { id: string; messages: { body: string }[] }[] };
    expect(listed.threads.find((t) => t.id === thread.id)!.messages.map((m) => m.body)).toEqual(['modifié']);

    // C11: the mention and the reply were told to whom they concern.
    const claireNotes = (await get('claire', '/notifications')).body as { notifications: { kind: string; actor: string }[]; unread: number };
    expect(claireNotes.notifications).toContainEqual(expect.objectContaining({ kind: 'mention', actor: 'Obs' }));
    const obsNotes = (await get('obs', '/notifications')).body as { notifications: { kind: string; actor: string }[] };
    expect(obsNotes.notifications).toContainEqual(expect.objectContaining({ kind: 'reply', actor: 'Claire' }));

    const audit = (await getJson(api('/audit'))).body as { entries: { action: string; actor: { name: string } }[] };
    expect(audit.entries.map((e) => e.action)).toEqual(expect.arrayContaining(['comment-added', 'comment-replied', 'comment-resolved', 'comment-reopened', 'comment-edited', 'comment-deleted']));
  });

  it('C1, S6: a comment on a passage that is not there, or a malformed one, is refused with the reason', async () => {
    const anchor = anchorOn('fr', 0, 5);
    expect(await post('obs', '/comments', { anchor: { ...anchor, quote: 'pas dans le texte' }, body: 'x' })).toMatchObject({
      status: 409,
      body: { error: { code: 'passage_changed' } },
    });
    expect(await post('obs', '/comments', { anchor, body: '   ' })).toMatchObject({ status: 400, body: { error: { code: 'invalid_body' } } });
    expect(await post('obs', '/comments', { anchor: { ...anchor, start: 'not base64!' }, body: 'x' })).toMatchObject({ status: 400 });
    expect(await post('obs', '/comments', { anchor, body: 'x', mentions: ['m-nobody'] })).toMatchObject({ status: 400, body: { error: { code: 'unknown_member' } } });
    expect(await postJson(`${server.url}/api/declarations/nope/comments`, { anchor, body: 'x' })).toMatchObject({ status: 404 });
  });

  it('C6–C8: the mayor’s office suggests and cannot accept; a committee accepts, the text changes once, and the twin is to review', async () => {
    const sid = themeSid();
    const fr = segmentText(doc, 'theme', 'fr');
    // The template's pairs start confirmed: the Japanese twin is in sync before.
    const before = segmentTranslation(readDeclaration(doc).sections.find((s) => s.id === 'theme')!.segments[0]!, readConfirmations(doc).get(sid));
    expect(before.state).toBe('in-sync');
    const text = `${fr} (proposé par la mairie)`;
    const made = await post('mairie', '/suggestions', { sectionId: 'theme', sid, language: 'fr', baseText: fr, text, comment: 'plus précis' });
    expect(made.status).toBe(201);
    const suggestionId = (made.body as { id: string }).id;
    expect(await post('mairie', `/suggestions/${suggestionId}/accept`)).toMatchObject({ status: 403, body: { error: { code: 'forbidden' } } });
    expect(await post('obs', `/suggestions/${suggestionId}/accept`)).toMatchObject({ status: 403 });
    expect(await post('hanako', `/suggestions/${suggestionId}/accept`)).toMatchObject({ status: 403 });

    // Two committees accept at the same moment: one wins, the other is told it is decided.
    const [a, b] = await Promise.all([post('claire', `/suggestions/${suggestionId}/accept`), post('kenji', `/suggestions/${suggestionId}/accept`)]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    expect([a, b].find((r) => r.status === 409)).toMatchObject({ body: { error: { code: 'already_decided' } } });
    await waitForDoc(doc, () => segmentText(doc, 'theme', 'fr') === text);
    const live = (await getJson(api(''))).body as { sections: { id: string; segments: { fr: string }[] }[] };
    expect(live.sections.find((s) => s.id === 'theme')!.segments[0]!.fr).toBe(text);
    const after = segmentTranslation(readDeclaration(doc).sections.find((s) => s.id === 'theme')!.segments[0]!, readConfirmations(doc).get(sid));
    expect(after).toMatchObject({ state: 'needs-review', review: 'ja' });
    expect(await post('kenji', `/suggestions/${suggestionId}/reject`, {})).toMatchObject({ status: 409, body: { error: { code: 'already_decided' } } });
    const listed = (await get('obs', '/suggestions')).body as { suggestions: { id: string; status: string; decided: { by: string } }[] };
    expect(listed.suggestions.find((s) => s.id === suggestionId)).toMatchObject({ status: 'accepted' });
    const notes = (await get('mairie', '/notifications')).body as { notifications: { kind: string }[] };
    expect(notes.notifications.map((n) => n.kind)).toContain('suggestion-decided');
    const claireNotes = (await get('claire', '/notifications')).body as { notifications: { kind: string; text: string }[] };
    expect(claireNotes.notifications).toContainEqual(expect.objectContaining({ kind: 'suggestion', text }));
  });

  it('C8: accepting a suggestion on a passage that changed meanwhile is refused with the reason, and nothing is written', async () => {
    const fr = segmentText(doc, 'theme', 'fr');
    const sid = themeSid();
    const made = await post('hanako', '/suggestions', { sectionId: 'theme', sid, language: 'fr', baseText: fr, text: 'Une autre rédaction.' });
    expect(made.status).toBe(201);
    const suggestionId = (made.body as { id: string }).id;
    typeAtEnd(doc, 'theme', 'fr', ' Ajout de Claire.');
    const edited = `${fr} Ajout de Claire.`;
    await expect.poll(async () => ((await getJson(api(''))).body as { sections: { id: string; segments: { fr: string }[] }[] }).sections.find((s) => s.id === 'theme')!.segments[0]!.fr).toBe(edited);
    const refused = await post('kenji', `/suggestions/${suggestionId}/accept`);
    expect(refused).toMatchObject({ status: 409, body: { error: { code: 'passage_changed' } } });
    expect((refused.body as { error: { message: string } }).error.message).toMatch(/changed since the suggestion was made/);
    expect(segmentText(doc, 'theme', 'fr')).toBe(edited);
    const listed = (await get('obs', '/suggestions')).body as { suggestions: { id: string; status: string }[] };
    expect(listed.suggestions.find((s) => s.id === suggestionId)!.status).toBe('open');
    // A suggestion made on a text that already moved on is refused at once.
    expect(await post('mairie', '/suggestions', { sectionId: 'theme', sid, language: 'fr', baseText: fr, text: 'x' })).toMatchObject({ status: 409, body: { error: { code: 'passage_changed' } } });
    // Its author withdraws it; nobody else may.
    expect(await post('mairie', `/suggestions/${suggestionId}/withdraw`)).toMatchObject({ status: 403 });
    expect(await post('hanako', `/suggestions/${suggestionId}/withdraw`)).toMatchObject({ status: 200, body: { status: 'withdrawn' } });
    const audit = (await getJson(api('/audit'))).body as { entries: { action: string }[] };
    expect(audit.entries.map((e) => e.action)).toEqual(expect.arrayContaining(['suggestion-made', 'suggestion-accepted', 'suggestion-refused', 'suggestion-withdrawn']));
  });

  it('C6: observers suggest only once the administrator allows it', async () => {
    const fr = segmentText(doc, 'theme', 'fr');
    const body = { sectionId: 'theme', sid: themeSid(), language: 'fr', baseText: fr, text: 'Texte de l’observateur.' };
    expect(await post('obs', '/suggestions', body)).toMatchObject({ status: 403 });
    const put = (token: string | undefined, allowed: boolean) =>
      fetch(api('/talk-settings'), { method: 'PUT', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify({ observersMaySuggest: allowed }) });
    expect((await put(people.claire.token, true)).status).toBe(403);
    expect((await fetch(api('/talk-settings'), { method: 'PUT', headers: { 'content-type': 'application/json', authorization: `Bearer ${(await import('../support/adminToken')).ADMIN_TOKEN}` }, body: JSON.stringify({ observersMaySuggest: true }) })).status).toBe(200);
    expect(await post('obs', '/suggestions', body)).toMatchObject({ status: 201 });
  });

  it('C11: a rapporteur is told her section was sent back and why; committees are told of a submission', async () => {
    expect(await post('hanako', '/sections/workshop-1/actions', { action: 'submit' })).toMatchObject({ status: 200 });
    await expect.poll(async () => ((await get('kenji', '/notifications')).body as { notifications: { kind: string }[] }).notifications.map((n) => n.kind)).toContain('submitted');
    expect(await post('mairie', '/sections/workshop-1/actions', { action: 'send-back', comment: 'Chiffres à vérifier' })).toMatchObject({ status: 200 });
    await expect
      .poll(async () => ((await get('hanako', '/notifications')).body as { notifications: { kind: string; text: string }[] }).notifications)
      .toContainEqual(expect.objectContaining({ kind: 'sent-back', text: 'Chiffres à vérifier', actor: 'Mairie de Lyon' }));
    const before = ((await get('hanako', '/notifications')).body as { unread: number }).unread;
    expect(before).toBeGreaterThan(0);
    expect(await post('hanako', '/notifications/read', { all: true })).toMatchObject({ status: 200, body: { unread: 0 } });
    expect(await post('hanako', '/notifications/read', { all: false })).toMatchObject({ status: 400 });
  });

  it('C12: a comment made by one member reaches another’s open event stream at once; notifications only their recipient', async () => {
    const kenji = await openEvents(server.url, id, people.kenji.token);
    const obs = await openEvents(server.url, id, people.obs.token);
    try {
      const made = await post('claire', '/comments', { anchor: anchorOn('ja', 1, 3), body: 'Kenji, regarde ici', mentions: [people.kenji.memberId] });
      expect(made.status).toBe(201);
      const threadId = (made.body as { id: string }).id;
      await kenji.next((e) => e.type === 'thread' && e.thread.id === threadId);
      await obs.next((e) => e.type === 'thread' && e.thread.id === threadId);
      await kenji.next((e) => e.type === 'notification' && e.notification.kind === 'mention' && e.notification.ref === threadId);
      // Obs's stream already had the thread, which was published after the notification was stored
      // and sent; nothing addressed to Kenji reached it.
      expect(obs.events.filter((e) => e.type === 'notification' && e.memberId !== people.obs.memberId)).toEqual([]);
    } finally {
      kenji.close();
      obs.close();
    }
  });

  it('C9–C10: a member leaves, another edits, the first returns and sees exactly those changes', async () => {
    const kenjiClient = await connect(id, people.kenji.token);
    kenjiClient.destroy();
    // Leaving marks the state: a version id is remembered for Kenji.
    await expect.poll(async () => ((await get('kenji', '/visit')).body as { since: unknown }).since).not.toBeNull();
    expect(await get('kenji', '/visit')).toMatchObject({ body: { changedPassages: 0 } });
    typeAtEnd(doc, 'context', 'ja', '（クレール追記）');
    typeAtEnd(doc, 'plenary', 'fr', ' (ajout)');
    const changedSids = [readDeclaration(doc).sections.find((s) => s.id === 'context')!.segments[0]!.sid, readDeclaration(doc).sections.find((s) => s.id === 'plenary')!.segments[0]!.sid];
    await post('claire', '/comments', { anchor: anchorOn('fr', 0, 3), body: 'Pendant ton absence' });
    await expect.poll(async () => ((await get('kenji', '/visit')).body as { changedPassages: number }).changedPassages).toBe(2);
    const report = (await get('kenji', '/visit')).body as { changedSids: string[]; newComments: number; diff: { sections: { id: string; segments: { sid: string; textChanged: boolean; ops: { ja: { op: string; text: string }[] } }[] }[] } };
    expect(new Set(report.changedSids)).toEqual(new Set(changedSids));
    expect(report.newComments).toBe(1);
    const contextOps = report.diff.sections.find((s) => s.id === 'context')!.segments.find((s) => s.sid === changedSids[0])!.ops.ja;
    expect(contextOps.filter((o) => o.op === 'insert').map((o) => o.text).join('')).toContain('クレール追記');
    expect(await post('kenji', '/visit/seen')).toMatchObject({ status: 200 });
    const seen = (await get('kenji', '/visit')).body as { since: { versionId: string }; changedPassages: number; newComments: number };
    expect(seen).toMatchObject({ changedPassages: 0, newComments: 0 });
    // Having seen them, Kenji edits along with Claire and leaves: the mark moves to his departure,
    // so what he saw happen live is not news on his return.
    const back = await connect(id, people.kenji.token);
    typeAtEnd(doc, 'context', 'fr', ' (pendant sa visite)');
    await waitForDoc(back.doc, () => segmentText(back.doc, 'context', 'fr').endsWith('(pendant sa visite)'));
    back.destroy();
    await expect.poll(async () => ((await get('kenji', '/visit')).body as { since: { versionId: string } }).since.versionId).not.toBe(seen.since.versionId);
    expect(await get('kenji', '/visit')).toMatchObject({ body: { changedPassages: 0 } });
    // The mark is an automatic version like any other, « by » whoever wrote since the last one
    // (regression: marks said « automatique » and the next checkpoint named their writers again).
    const mark = ((await get('kenji', '/visit')).body as { since: { versionId: string } }).since.versionId;
    const { versions } = (await get('kenji', '/versions')).body as { versions: { id: string; author: string | null }[] };
    expect(versions.find((v) => v.id === mark)?.author).toContain('Claire');
  });
});
