import { createDeclaration } from '@accord/model/createDeclaration';
import { getFragment, getMeta, getSections, newBilingualMap } from '@accord/model/declarationLayout';
import { getTranslations } from '@accord/model/translationState';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { planIntegration } from '../src/planIntegration';
import type { WriteTarget } from '../src/writeTarget';

/** The server's document, and a client that has synced with it. */
function serverAndClient() {
  const server = new Y.Doc();
  createDeclaration(server, { title: { fr: 'Déclaration', ja: '宣言' } });
  const client = new Y.Doc();
  Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
  return { server, client };
}

/** What `edit` on the client sends to the server, as one update. */
function sent(client: Y.Doc, edit: (doc: Y.Doc) => void): Uint8Array {
  const before = Y.encodeStateVector(client);
  edit(client);
  return Y.encodeStateAsUpdate(client, before);
}

/** The targets and whether anything changes: what the placement tests look at. */
function changeTargets(server: Y.Doc, update: Uint8Array) {
  const { targets, changes } = planIntegration(server, update);
  return { targets, changes };
}

const sorted = (targets: WriteTarget[]) => targets.map((t) => JSON.stringify(t)).sort();

function appendText(doc: Y.Doc, sectionId: string, lang: 'fr' | 'ja', text: string) {
  const paragraph = getFragment(doc, sectionId, lang).get(0) as Y.XmlElement;
  const xmlText = paragraph.get(0) as Y.XmlText | undefined;
  if (xmlText) xmlText.insert(xmlText.length, text);
  else paragraph.insert(0, [new Y.XmlText(text)]);
}

describe('planIntegration: placement (A6–A8)', () => {
  it('places typing in a section fragment, in its language', () => {
    const { server, client } = serverAndClient();
    const update = sent(client, (doc) => appendText(doc, 'workshop-1', 'ja', '合意しました'));
    expect(changeTargets(server, update)).toEqual({ targets: [{ kind: 'fragment', sectionId: 'workshop-1', lang: 'ja' }], changes: true });
  });

  it('places a deletion by the section it deletes from, and a new paragraph by its fragment', () => {
    const { server, client } = serverAndClient();
    Y.applyUpdate(server, sent(client, (doc) => appendText(doc, 'workshop-2', 'fr', 'Texte à couper')));
    const update = sent(client, (doc) => {
      const text = (getFragment(doc, 'workshop-2', 'fr').get(0) as Y.XmlElement).get(0) as Y.XmlText;
      text.delete(0, 6);
      getFragment(doc, 'preamble', 'fr').insert(0, [new Y.XmlElement('paragraph')]);
    });
    expect(sorted(changeTargets(server, update).targets)).toEqual(
      sorted([
        { kind: 'fragment', sectionId: 'workshop-2', lang: 'fr' },
        { kind: 'fragment', sectionId: 'preamble', lang: 'fr' },
      ]),
    );
  });

  it('places nested changes at their root: a section title, a metadata field, the section list', () => {
    const { server, client } = serverAndClient();
    const title = sent(client, (doc) => (getSections(doc).get(0).get('title') as Y.Map<string>).set('fr', 'Préambule modifié'));
    expect(changeTargets(server, title).targets).toEqual([{ kind: 'sections' }]);
    // Each update carries the client's whole delete set: the server must have the earlier ones.
    Y.applyUpdate(server, title);
    const meta = sent(client, (doc) => (getMeta(doc).get('hostCity') as Y.Map<string>).set('ja', '岡山'));
    expect(changeTargets(server, meta).targets).toEqual([{ kind: 'meta' }]);
    Y.applyUpdate(server, meta);
    const list = sent(client, (doc) => {
      const section = new Y.Map<unknown>();
      section.set('id', 'workshop-9');
      section.set('title', newBilingualMap({ fr: 'Atelier 9', ja: '分科会9' }));
      getSections(doc).push([section]);
    });
    expect(changeTargets(server, list).targets).toEqual([{ kind: 'sections' }]);
  });

  it('places a translation confirmation by its segment id, and the workflow and foreign roots by name', () => {
    const { server, client } = serverAndClient();
    const confirm = sent(client, (doc) => getTranslations(doc).set('sid-42', { fr: 'a', ja: 'b', by: 'x', at: 'y' }));
    expect(changeTargets(server, confirm).targets).toEqual([{ kind: 'translation', sid: 'sid-42' }]);
    // Overwriting a confirmation deletes the old one: both changes are in the same place.
    Y.applyUpdate(server, confirm);
    const again = sent(client, (doc) => getTranslations(doc).set('sid-42', { fr: 'c', ja: 'd', by: 'x', at: 'z' }));
    expect(changeTargets(server, again).targets).toEqual([{ kind: 'translation', sid: 'sid-42' }]);
    Y.applyUpdate(server, again);
    const workflow = sent(client, (doc) => doc.getMap('workflow').set('section/preamble', { state: 'approved' }));
    expect(changeTargets(server, workflow).targets).toEqual([{ kind: 'workflow' }]);
    Y.applyUpdate(server, workflow);
    const foreign = sent(client, (doc) => doc.getText('notes').insert(0, 'x'));
    expect(changeTargets(server, foreign).targets).toEqual([{ kind: 'foreign', root: 'notes' }]);
  });

  it('A7: content and deletions the server already has are no change at all', () => {
    const { server, client } = serverAndClient();
    const update = sent(client, (doc) => {
      appendText(doc, 'workshop-1', 'fr', 'Déjà là');
      ((getFragment(doc, 'workshop-1', 'fr').get(0) as Y.XmlElement).get(0) as Y.XmlText).delete(0, 2);
    });
    Y.applyUpdate(server, update);
    expect(changeTargets(server, update)).toEqual({ targets: [], changes: false });
    // A whole-state resend, as a reconnecting client's sync step 2 is.
    expect(changeTargets(server, Y.encodeStateAsUpdate(client))).toEqual({ targets: [], changes: false });
  });

  it('follows neighbours inside the same update, across clients', () => {
    const { server, client } = serverAndClient();
    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(server));
    const first = sent(client, (doc) => appendText(doc, 'theme', 'fr', 'Premier '));
    Y.applyUpdate(other, first);
    const second = sent(other, (doc) => appendText(doc, 'theme', 'fr', 'second'));
    // The second client's text has its origin in the first's, which the server has not seen.
    expect(changeTargets(server, Y.mergeUpdates([first, second])).targets).toEqual([{ kind: 'fragment', sectionId: 'theme', lang: 'fr' }]);
  });

  it('A8, A12: a change whose neighbours the server lacks is missing that client, not placed', () => {
    const { server, client } = serverAndClient();
    sent(client, (doc) => appendText(doc, 'theme', 'fr', 'jamais envoyé '));
    const update = sent(client, (doc) => appendText(doc, 'theme', 'fr', 'suite'));
    const plan = planIntegration(server, update);
    expect(plan).toMatchObject({ targets: [], changes: true, malformed: null });
    expect([...plan.missing]).toEqual([client.clientID]);
  });

  it('counts deleted content with no place (GC) as a change without a target', () => {
    const { server, client } = serverAndClient();
    const update = sent(client, (doc) => {
      const paragraph = new Y.XmlElement('paragraph');
      paragraph.insert(0, [new Y.XmlText('vite effacé')]);
      getFragment(doc, 'closing', 'ja').insert(0, [paragraph]);
    });
    const deleted = sent(client, (doc) => getFragment(doc, 'closing', 'ja').delete(0, 1));
    // The server receives both at once after the client garbage-collected the paragraph's text.
    const gcClient = new Y.Doc();
    Y.applyUpdate(gcClient, Y.encodeStateAsUpdate(server));
    Y.applyUpdate(gcClient, Y.mergeUpdates([update, deleted]));
    const resend = Y.encodeStateAsUpdate(gcClient, Y.encodeStateVector(server));
    // The case under test: the resend really carries GC structs, content with no parent of its own.
    expect(Y.decodeUpdate(resend).structs.some((s) => s instanceof Y.GC)).toBe(true);
    const result = changeTargets(server, resend);
    expect(result.changes).toBe(true);
    expect(result.targets).toEqual([{ kind: 'fragment', sectionId: 'closing', lang: 'ja' }]);
  });

  it('counts content that is only GC structs as a change with no target, so read-only roles cannot send it', () => {
    const { server, client } = serverAndClient();
    const paragraph = sent(client, (doc) => getFragment(doc, 'closing', 'fr').insert(0, [new Y.XmlElement('paragraph')]));
    Y.applyUpdate(server, paragraph);
    // Typed into that paragraph, not sent yet…
    sent(client, (doc) => (getFragment(doc, 'closing', 'fr').get(0) as Y.XmlElement).insert(0, [new Y.XmlText('jamais vu')]));
    // …while someone else deleted the paragraph: its new text is collected as GC structs.
    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(server));
    const deletion = sent(other, (doc) => getFragment(doc, 'closing', 'fr').delete(0, 1));
    Y.applyUpdate(server, deletion);
    Y.applyUpdate(client, deletion);
    const resend = Y.encodeStateAsUpdate(client, Y.encodeStateVector(server));
    expect(Y.decodeUpdate(resend).structs.every((s) => s instanceof Y.GC)).toBe(true);
    expect(changeTargets(server, resend)).toEqual({ targets: [], changes: true });
  });
});

describe('planIntegration: deletions that can take a section out of the list (W9)', () => {
  const deletesEntries = (server: Y.Doc, update: Uint8Array) => planIntegration(server, update).deletesEntriesIn.has('sections');

  it('counts the removal of a section and a rewrite of its id, not the keystrokes of a title or a paragraph', () => {
    const { server, client } = serverAndClient();
    const removal = sent(client, (doc) => getSections(doc).delete(1, 1));
    expect(deletesEntries(server, removal)).toBe(true);
    const { server: other, client: otherClient } = serverAndClient();
    const idRewrite = sent(otherClient, (doc) => getSections(doc).get(0).set('id', 'workshop-9'));
    expect(deletesEntries(other, idRewrite)).toBe(true);

    const { server: third, client: typist } = serverAndClient();
    for (const edit of [
      (doc: Y.Doc) => (getSections(doc).get(0).get('title') as Y.Map<string>).set('fr', 'Préambule modifié'),
      (doc: Y.Doc) => appendText(doc, 'workshop-1', 'fr', ' et la suite'),
    ]) {
      const update = sent(typist, edit);
      expect(deletesEntries(third, update)).toBe(false);
      Y.applyUpdate(third, update);
    }
  });
});
