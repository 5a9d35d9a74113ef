import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { passagesTouched } from '../src/passagesTouched';
import { createDeclaration } from '../src/createDeclaration';
import { getFragment, getSections } from '../src/declarationLayout';
import { findTextblock } from '../src/findTextblock';
import { fragmentSegments } from '../src/fragmentSegments';

/** A declaration from the template, and a recorder of the passages each local transaction changed. */
function declaration() {
  const doc = new Y.Doc();
  createDeclaration(doc, { title: { fr: 'T', ja: 'T' } });
  const seen: Array<Set<string>> = [];
  doc.on('afterTransaction', (transaction: Y.Transaction) => seen.push(passagesTouched(transaction)));
  const sections = getSections(doc).toArray();
  const sectionId = sections[0]!.get('id') as string;
  const sid = fragmentSegments(getFragment(doc, sectionId, 'fr'))[0]!.sid;
  const text = (lang: 'fr' | 'ja') => {
    const block = findTextblock(getFragment(doc, sectionId, lang), sid)!;
    let run = block.get(0);
    if (!(run instanceof Y.XmlText)) {
      run = new Y.XmlText();
      block.insert(0, [run]);
    }
    return run as Y.XmlText;
  };
  return { doc, seen, sectionId, sid, text, sections };
}

describe('passagesTouched', () => {
  it('names one passage for every letter typed into it, and one per language', () => {
    const { doc, seen, sid, text } = declaration();
    const fr = text('fr');
    const ja = text('ja');
    seen.length = 0;
    for (const letter of 'quinze lettres.') doc.transact(() => fr.insert(fr.length, letter));
    doc.transact(() => ja.insert(0, 'あいう'));
    const all = new Set(seen.flatMap((passages) => [...passages]));
    expect([...all].sort()).toEqual([`fr:${sid}`, `ja:${sid}`]);
  });

  it('names a deleted paragraph by its sid, and text deleted from one', () => {
    const { doc, seen, sectionId, sid, text } = declaration();
    const fr = text('fr');
    doc.transact(() => fr.insert(0, 'abc'));
    seen.length = 0;
    doc.transact(() => fr.delete(0, 2));
    expect([...seen[0]!]).toEqual([`fr:${sid}`]);
    const fragment = getFragment(doc, sectionId, 'fr');
    doc.transact(() => fragment.delete(0, 1));
    expect([...seen[1]!]).toContain(`fr:${sid}`);
  });

  it('names a section title edit by its section and language, apart from the text', () => {
    const { doc, seen, sectionId, sections } = declaration();
    seen.length = 0;
    const title = sections[0]!.get('title') as Y.Map<string>;
    doc.transact(() => title.set('ja', '前文'));
    expect([...seen[0]!]).toEqual([`sections/${sectionId}/title/ja`]);
  });
});
