import { createDeclaration } from '@accord/model/createDeclaration';
import { getFragment } from '@accord/model/declarationLayout';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { planIntegration } from '../src/planIntegration';
import { schemaRefusal } from '../src/schemaRefusal';
import { any, craftUpdate, element, text, xmlText } from './craftUpdate';

const CLIENT = 5150;

function setup() {
  const server = new Y.Doc();
  createDeclaration(server, { title: { fr: 'Déclaration', ja: '宣言' } });
  const client = new Y.Doc();
  client.clientID = CLIENT;
  Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
  return { server, client };
}

/** What `edit` on the client would send, and the schema check's verdict on it. */
function verdict(server: Y.Doc, client: Y.Doc, edit: (doc: Y.Doc) => void): string | null {
  const before = Y.encodeStateVector(client);
  edit(client);
  const plan = planIntegration(server, Y.encodeStateAsUpdate(client, before));
  expect(plan.malformed).toBeNull();
  expect(plan.missing.size).toBe(0);
  return schemaRefusal(plan.items);
}

const crafted = (server: Y.Doc, update: Uint8Array) => {
  const plan = planIntegration(server, update);
  expect(plan.malformed).toBeNull();
  return schemaRefusal(plan.items);
};

describe('schemaRefusal (A14)', () => {
  it('accepts what the editor writes: paragraphs and headings with sids, lists, bold and italic, hard breaks', () => {
    const { server, client } = setup();
    expect(
      verdict(server, client, (doc) => {
        const fragment = getFragment(doc, 'workshop-1', 'fr');
        const heading = new Y.XmlElement('heading');
        heading.setAttribute('level', 2 as unknown as string);
        heading.setAttribute('sid', 's-1');
        const title = new Y.XmlText();
        title.insert(0, 'Conclusions', { bold: {} });
        heading.insert(0, [title]);
        const list = new Y.XmlElement('orderedList');
        list.setAttribute('start', 1 as unknown as string);
        const item = new Y.XmlElement('listItem');
        const paragraph = new Y.XmlElement('paragraph');
        paragraph.setAttribute('sid', 's-2');
        const words = new Y.XmlText();
        words.insert(0, 'Nous, ', { italic: {} });
        paragraph.insert(0, [words, new Y.XmlElement('hardBreak')]);
        item.insert(0, [paragraph]);
        list.insert(0, [item]);
        fragment.insert(fragment.length, [heading, list, new Y.XmlElement('bulletList')]);
        words.format(0, 2, { italic: null });
      }),
    ).toBeNull();
  });

  it('refuses elements, marks and attributes the editor does not have', () => {
    const { server, client } = setup();
    expect(verdict(server, client, (doc) => getFragment(doc, 'workshop-1', 'fr').insert(0, [new Y.XmlElement('script')]))).toMatch(/"script" is not a node/);
    const { server: s2, client: c2 } = setup();
    expect(
      verdict(s2, c2, (doc) => {
        const paragraph = getFragment(doc, 'workshop-1', 'fr').get(0) as Y.XmlElement;
        paragraph.setAttribute('onclick', 'steal()');
      }),
    ).toMatch(/no attribute "onclick"/);
    const { server: s3, client: c3 } = setup();
    expect(
      verdict(s3, c3, (doc) => {
        const paragraph = getFragment(doc, 'workshop-1', 'fr').get(0) as Y.XmlElement;
        const words = new Y.XmlText();
        words.insert(0, 'lien', { link: { href: 'javascript:alert(1)' } });
        paragraph.insert(0, [words]);
      }),
    ).toMatch(/"link" is not a mark/);
  });

  it('refuses embeds, subdocuments, plain values and attributes on the fragment itself', () => {
    const { server, client } = setup();
    expect(
      verdict(server, client, (doc) => {
        const paragraph = getFragment(doc, 'workshop-1', 'fr').get(0) as Y.XmlElement;
        const words = new Y.XmlText();
        words.insertEmbed(0, { image: 'https://example.org/x.png' });
        paragraph.insert(0, [words]);
      }),
    ).toMatch(/only characters and marks/);
    const fragmentRoot = 'section/workshop-1/fr';
    expect(crafted(server, craftUpdate({ groups: [{ client: CLIENT, items: [{ clock: 0, parent: fragmentRoot, content: new Y.ContentDoc(new Y.Doc()) }] }] }))).toMatch(/subdocuments/);
    expect(crafted(server, craftUpdate({ groups: [{ client: CLIENT, items: [{ clock: 0, parent: fragmentRoot, parentSub: 'onload', content: any('x') }] }] }))).toMatch(/no attribute "onload"/);
    expect(crafted(server, craftUpdate({ groups: [{ client: CLIENT, items: [{ clock: 0, parent: fragmentRoot, content: any({ evil: true }) }] }] }))).toMatch(/only the editor’s nodes/);
    expect(crafted(server, craftUpdate({ groups: [{ client: CLIENT, items: [{ clock: 0, parent: fragmentRoot, content: text('loose') }] }] }))).toMatch(/only the editor’s nodes/);
    expect(crafted(server, craftUpdate({ groups: [{ client: CLIENT, items: [{ clock: 0, parent: fragmentRoot, content: xmlText() }] }] }))).toMatch(/only the editor’s nodes/);
    // A subdocument is refused in any root, not only in sections.
    expect(crafted(server, craftUpdate({ groups: [{ client: CLIENT, items: [{ clock: 0, parent: 'meta', parentSub: 'x', content: new Y.ContentDoc(new Y.Doc()) }] }] }))).toMatch(/subdocuments/);
    // The checks look inside new elements too: a script inside a new paragraph.
    expect(
      crafted(
        server,
        craftUpdate({
          groups: [
            {
              client: CLIENT,
              items: [
                { clock: 0, parent: fragmentRoot, content: element('paragraph') },
                { clock: 1, parent: Y.createID(CLIENT, 0), content: element('script') },
              ],
            },
          ],
        }),
      ),
    ).toMatch(/"script" is not a node/);
  });
});
