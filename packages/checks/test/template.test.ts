import { createDeclaration, DEMO_DECLARATION } from '@accord/model/createDeclaration';
import { readDeclaration } from '@accord/model/readDeclaration';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { checkDeclaration } from '../src/ReviewChecker';

// Every new declaration starts from the template, and visitors judge the product by the demo: a
// finding there would greet every committee with an error it did not make (regression: workshop 3
// had an ordinary space before « : »).
describe('the template and the demo declaration', () => {
  for (const [name, options] of [
    ['a declaration from the template', { title: { fr: 'Déclaration de Cannes', ja: 'カンヌ宣言' } }],
    ['the demo declaration', DEMO_DECLARATION],
  ] as const) {
    it(`${name} starts with no finding`, () => {
      const doc = new Y.Doc();
      createDeclaration(doc, options);
      expect(checkDeclaration(readDeclaration(doc)).map((f) => `${f.rule} ${f.sectionId}: ${f.message.en}`)).toEqual([]);
    });
  }
});
