/**
 * Issue #11, as a property: two people type one short word each at random places of one paragraph,
 * their keystrokes interleaved at random, sometimes each waiting for the other's last key to
 * arrive, sometimes not. Whatever the interleaving, the result must be what typing the two words
 * one after the other gives: each word whole, in order, where its typist put the caret (at the
 * same place, either word may come first). Seeded: a failure names its seed and round.
 */
import { beforeAll, expect, it } from 'vitest';
import { CLAIRE, HANAKO, type Person } from '../support/editorPage';
import { seededRandom } from '../support/seededRandom';
import { SharedParagraph } from '../support/SharedParagraph';
import { browserSuite } from '../support/browserSuite';

const SEED = Number(process.env.TYPISTS_SEED ?? 0x11);
const ROUNDS = 12;
const BASE = 'La séance plénière a réuni les élus des deux pays';

browserSuite('two typists at random places of one paragraph', (suite) => {
  let paragraph: SharedParagraph;
  let claire: Person;
  let hanako: Person;

  beforeAll(async () => {
    paragraph = await SharedParagraph.open(suite.browser, suite.accord.url, { sectionId: 'plenary', lang: 'fr' }, [CLAIRE, HANAKO]);
    [claire, hanako] = paragraph.people as [Person, Person];
  });

  it(`merges like one word after the other, whatever the interleaving (seed ${SEED})`, async () => {
    const random = seededRandom(SEED);
    const int = (below: number) => Math.floor(random() * below);
    const word = (letters: string) => Array.from({ length: 2 + int(4) }, () => letters[int(letters.length)]).join('');
    for (let round = 0; round < ROUNDS; round++) {
      const at = { claire: int(BASE.length + 1), hanako: 0 };
      // One round in four at the very same caret, the hardest case.
      at.hanako = round % 4 === 3 ? at.claire : int(BASE.length + 1);
      const words = { claire: word('abcdefghij'), hanako: word('KLMNOPQRST') };
      await paragraph.reset(BASE);
      await paragraph.caretAt(claire, at.claire);
      await paragraph.caretAt(hanako, at.hanako);
      const queues: Array<[Person, string[]]> = [
        [claire, [...words.claire]],
        [hanako, [...words.hanako]],
      ];
      while (queues.some(([, keys]) => keys.length > 0)) {
        const ready = queues.filter(([, keys]) => keys.length > 0);
        const [typist, keys] = ready[int(ready.length)]!;
        await paragraph.press(typist, keys.shift()!);
        if (random() < 0.6) await paragraph.sameOnEveryPage();
      }
      const text = await paragraph.settled();
      const insert = (first: [number, string], second: [number, string]) =>
        BASE.slice(0, first[0]) + first[1] + BASE.slice(first[0], second[0]) + second[1] + BASE.slice(second[0]);
      const c: [number, string] = [at.claire, words.claire];
      const h: [number, string] = [at.hanako, words.hanako];
      const allowed = at.claire < at.hanako ? [insert(c, h)] : at.hanako < at.claire ? [insert(h, c)] : [insert(c, h), insert(h, c)];
      expect(allowed, `seed ${SEED}, round ${round}: ${JSON.stringify({ at, words })}`).toContain(text);
    }
  });
});
