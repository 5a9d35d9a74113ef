/**
 * Tables in a section, with the real y-websocket client (issue #13, A6 and A14): a rapporteur may
 * write the Chartres table of interventions in her own workshop — stored, relayed, read by the
 * REST API cell by cell — and a table carrying a foreign attribute is refused with 4403, nothing
 * of it stored.
 */
import { getFragment } from '@accord/model/declarationLayout';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createDeclarationViaApi, getJson, joinAs } from '../support/api';
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

/** A cell as the editor's binding stores it: spans as numbers, one paragraph with its sid. */
function cell(type: 'tableHeader' | 'tableCell', sid: string, runs: Array<[string, Record<string, object>?]>, extra: Record<string, unknown> = {}) {
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.setAttribute('sid', sid);
  const text = new Y.XmlText();
  let at = 0;
  for (const [chunk, attributes] of runs) {
    text.insert(at, chunk, attributes ?? {});
    at += chunk.length;
  }
  paragraph.insert(0, [text]);
  const element = new Y.XmlElement(type);
  element.setAttribute('colspan', 1 as unknown as string);
  element.setAttribute('rowspan', 1 as unknown as string);
  for (const [key, value] of Object.entries(extra)) element.setAttribute(key, value as string);
  element.insert(0, [paragraph]);
  return element;
}

function chartres(prefix: string, extra: Record<string, unknown> = {}): Y.XmlElement {
  const row = (cells: Y.XmlElement[]) => {
    const r = new Y.XmlElement('tableRow');
    r.insert(0, cells);
    return r;
  };
  const table = new Y.XmlElement('table');
  table.insert(0, [
    row([cell('tableHeader', `${prefix}h0`, [['Collectivité']]), cell('tableHeader', `${prefix}h1`, [['Intitulé de l’intervention']])]),
    row([cell('tableCell', `${prefix}a0`, [['Chartres']], extra), cell('tableCell', `${prefix}a1`, [['La 8'], ['e', { superscript: {} }], ['\u202fédition du plan vélo']])]),
  ]);
  return table;
}

interface Segment {
  sid: string;
  fr: string;
  ja: string;
  table?: { row: number; column: number; header: boolean };
}

describe('tables written by a rapporteur (A6, A14)', () => {
  let id: string;
  let rapporteur: { token: string };
  let committee: { token: string };

  beforeAll(async () => {
    id = await createDeclarationViaApi(server.url);
    rapporteur = await joinAs(server.url, id, { role: 'rapporteur', name: 'Claire', sections: ['workshop-1'] });
    committee = await joinAs(server.url, id, { role: 'committee-ja', name: 'Kenji' });
  });

  const stored = async (): Promise<Segment[]> => {
    const { body } = await getJson(`${server.url}/api/declarations/${id}`);
    return (body as { sections: Array<{ id: string; segments: Segment[] }> }).sections.find((s) => s.id === 'workshop-1')!.segments;
  };

  it('stores and relays the table a rapporteur writes in her own workshop, read cell by cell', async () => {
    const claire = client(id, rapporteur.token);
    const watcher = client(id, committee.token);
    await Promise.all([synced(claire), synced(watcher)]);
    const fragment = getFragment(claire.doc, 'workshop-1', 'fr');
    fragment.insert(fragment.length, [chartres('ok')]);
    await waitForDoc(watcher.doc, (doc) => getFragment(doc, 'workshop-1', 'fr').toString().includes('<table>'));
    const cells = (await stored()).filter((s) => s.table);
    expect(cells.map((s) => [s.sid, s.fr, s.table])).toEqual([
      ['okh0', 'Collectivité', { row: 0, column: 0, header: true }],
      ['okh1', 'Intitulé de l’intervention', { row: 0, column: 1, header: true }],
      ['oka0', 'Chartres', { row: 1, column: 0, header: false }],
      ['oka1', 'La 8e\u202fédition du plan vélo', { row: 1, column: 1, header: false }],
    ]);
    // The superscript reached the other client as the mark the editor reads.
    expect(getFragment(watcher.doc, 'workshop-1', 'fr').toString()).toContain('<superscript>e</superscript>');
  });

  it('refuses a table with a foreign attribute, or in another workshop: 4403, nothing stored', async () => {
    for (const [section, extra, reason] of [
      ['workshop-1', { style: 'background:url(https://evil.example)' }, /tableCell has no attribute "style"/],
      ['workshop-1', { colspan: 'all' }, /"colspan" cannot be that value/],
      ['workshop-2', {}, /workshop-2/],
    ] as const) {
      const before = JSON.stringify(await stored());
      const offender = client(id, rapporteur.token);
      await synced(offender);
      const closed = nextClose(offender);
      const fragment = getFragment(offender.doc, section, 'fr');
      fragment.insert(fragment.length, [chartres('bad', extra)]);
      const close = await closed;
      offender.destroy();
      expect(close.code).toBe(4403);
      expect(close.reason).toMatch(reason);
      const { body } = await getJson(`${server.url}/api/declarations/${id}`);
      expect(JSON.stringify(body)).not.toContain('badh0');
      expect(JSON.stringify(await stored())).toBe(before);
    }
  });
});
