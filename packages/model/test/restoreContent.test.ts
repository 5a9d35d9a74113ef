import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { canonicalJson } from '../src/canonicalJson';
import { createDeclaration, DEMO_DECLARATION } from '../src/createDeclaration';
import { getFragment, getMeta, getSections } from '../src/declarationLayout';
import { readDeclaration } from '../src/readDeclaration';
import { restoreContent } from '../src/restoreContent';
import { confirmTranslation, readConfirmations } from '../src/translationState';

/** The first paragraph's text node of a section in one language. */
function firstText(doc: Y.Doc, sectionId: string, lang: 'fr' | 'ja'): Y.XmlText {
  return (getFragment(doc, sectionId, lang).get(0) as Y.XmlElement).get(0) as Y.XmlText;
}

function copyOf(doc: Y.Doc): Y.Doc {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  return copy;
}

function sync(a: Y.Doc, b: Y.Doc): void {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
}

describe('restoreContent', () => {
  it('brings back text, sections, titles, metadata and confirmations as one new change', () => {
    const live = new Y.Doc();
    createDeclaration(live, DEMO_DECLARATION);
    const version = copyOf(live);

    firstText(live, 'context', 'fr').insert(0, 'AJOUT ');
    getSections(live).delete(2, 1);
    getMeta(live).set('edition', 99);
    const segment = readDeclaration(live).sections[0]!.segments[0]!;
    firstText(live, 'preamble', 'ja').insert(0, '追加');
    confirmTranslation(live, { ...segment, ja: `追加${segment.ja}` }, 'Hanako');
    expect(readDeclaration(live)).not.toEqual(readDeclaration(version));

    live.transact(() => restoreContent(live, version));
    expect(canonicalJson(readDeclaration(live))).toBe(canonicalJson(readDeclaration(version)));
    // Hanako's confirmation of the edited text is gone with the text: the version's are back.
    expect(readConfirmations(live)).toEqual(readConfirmations(version));
  });

  it('leaves sections that did not change alone, carets and all', () => {
    const live = new Y.Doc();
    createDeclaration(live, DEMO_DECLARATION);
    const version = copyOf(live);
    const untouched = firstText(live, 'closing', 'fr');
    firstText(live, 'context', 'fr').insert(0, 'AJOUT ');
    const changes: Uint8Array[] = [];
    live.on('update', (u: Uint8Array) => changes.push(u));
    live.transact(() => restoreContent(live, version));
    expect(firstText(live, 'closing', 'fr')).toBe(untouched);
    expect(changes).toHaveLength(1);
  });

  it('is not undone nor duplicated by a client that comes back with an old copy', () => {
    const server = new Y.Doc();
    createDeclaration(server, DEMO_DECLARATION);
    const version = copyOf(server);
    firstText(server, 'theme', 'fr').insert(0, 'APRÈS ');
    const offline = copyOf(server); // a laptop that saw the edit, then went offline
    server.transact(() => restoreContent(server, version));
    sync(server, offline);
    expect(readDeclaration(offline)).toEqual(readDeclaration(server));
    expect(readDeclaration(server).sections.find((s) => s.id === 'theme')!.segments[0]!.fr).not.toContain('APRÈS');
  });

  it('keeps what an offline client typed meanwhile in a section the restore did not touch', () => {
    const server = new Y.Doc();
    createDeclaration(server, DEMO_DECLARATION);
    const version = copyOf(server);
    firstText(server, 'theme', 'fr').insert(0, 'APRÈS ');
    const offline = copyOf(server);
    firstText(offline, 'closing', 'ja').insert(0, '会場で追記');
    server.transact(() => restoreContent(server, version));
    sync(server, offline);
    expect(readDeclaration(server)).toEqual(readDeclaration(offline));
    expect(readDeclaration(server).sections.find((s) => s.id === 'closing')!.segments[0]!.ja).toMatch(/^会場で追記/);
  });
});

describe('canonicalJson', () => {
  it('serialises equal values equally whatever the key order', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 1, y: 2 }], c: null } })).toBe(canonicalJson({ a: { c: null, d: [1, { y: 2, z: 1 }] }, b: 1 }));
    expect(canonicalJson({ a: 1 })).not.toBe(canonicalJson({ a: 2 }));
  });
});
