import { createDeclaration, DEMO_DECLARATION } from '@accord/model/createDeclaration';
import { readDeclaration } from '@accord/model/readDeclaration';
import { getFragment } from '@accord/model/declarationLayout';
import { writeBlocks } from '@accord/model/writeBlocks';
import * as Y from 'yjs';
import { appendRichSection } from '../../packages/export/test/richFixture';
import { seededRandom } from '../support/seededRandom';

/** UTF-8 bytes of the declaration's text, both languages: what « a 60 KB declaration » measures. */
export function textBytes(doc: Y.Doc): number {
  const json = readDeclaration(doc);
  const encoder = new TextEncoder();
  let bytes = 0;
  for (const section of json.sections) for (const s of section.segments) bytes += encoder.encode(s.fr).length + encoder.encode(s.ja).length;
  return bytes;
}

/**
 * The demo declaration, the rich section (tables, lists, marks) and bilingual paragraphs and
 * numbered commitments added to the workshops until the text reaches `targetBytes`.
 */
export function largeDeclaration(targetBytes = 60 * 1024): Y.Doc {
  const doc = new Y.Doc();
  createDeclaration(doc, DEMO_DECLARATION);
  appendRichSection(doc);
  const random = seededRandom(16);
  let n = 0;
  const sections = ['workshop-1', 'workshop-2', 'workshop-3', 'conclusion'];
  while (textBytes(doc) < targetBytes) {
    const section = sections[n % sections.length]!;
    const sids = Array.from({ length: 3 }, () => `b${(n++).toString(36)}${Math.floor(random() * 1e9).toString(36)}`);
    const fr = `Les collectivités participantes s’engagent, au titre de l’action n°\u00a0${n}, à poursuivre leurs échanges\u202f: jeunesse, culture, environnement et développement économique des territoires.`;
    const ja = `参加自治体は、第${n}の取組として、青少年、文化、環境及び地域経済の発展に関する交流を継続することを約束する。`;
    writeBlocks(getFragment(doc, section, 'fr'), [{ type: 'paragraph', text: { fr, ja } }, { type: 'orderedList', items: [{ fr, ja }, { fr, ja }] }], 'fr', sids);
    writeBlocks(getFragment(doc, section, 'ja'), [{ type: 'paragraph', text: { fr, ja } }, { type: 'orderedList', items: [{ fr, ja }, { fr, ja }] }], 'ja', sids);
  }
  return doc;
}
