/**
 * Issue #11, Japanese: an IME composition in one page while others type in the same paragraph.
 * The composition goes the way an IME drives Chromium (CDP `Input.imeSetComposition` for each
 * reading, then `Input.insertText` for the conversion), and after every step one remote keystroke
 * reaches the composing page mid-composition. The composed text must be there exactly once, with
 * no reading left over, and everyone else's letters exactly where they typed them, on every page
 * and on the server.
 */
import { beforeAll, expect, it } from 'vitest';
import { CLAIRE, HANAKO, LEA, type Person } from '../support/editorPage';
import { SharedParagraph } from '../support/SharedParagraph';
import { browserSuite } from '../support/browserSuite';

const BASE = '第9回会議のテーマを定めた。';
const READINGS = ['き', 'きょ', 'きょう', 'きょうりょ', 'きょうりょく', '協力', '協力を', '協力をすいしん', '協力を推進', '協力を推進する'];
const COMPOSED = '協力を推進する';
const LETTERS = 'ABCDEFGHIJ';
const ROUNDS = 2;

browserSuite('an IME composition while others type in the same paragraph', (suite) => {
  let paragraph: SharedParagraph;
  let claire: Person;
  let hanako: Person;
  let lea: Person;

  beforeAll(async () => {
    paragraph = await SharedParagraph.open(suite.browser, suite.accord.url, { sectionId: 'theme', lang: 'ja' }, [CLAIRE, HANAKO, LEA]);
    [claire, hanako, lea] = paragraph.people as [Person, Person, Person];
  });

  const lettersOnServer = async () => (await paragraph.serverText()).replace(/[^A-Z]/g, '').length;

  /**
   * `composer` composes READINGS then commits COMPOSED; after each reading, each of `typists`
   * types one letter of LETTERS (in turn), and the server has stored it, and so relayed it to the
   * composing page (rule S1), before the next reading. Resolves once the composition is committed.
   */
  async function composeWhileOthersType(composer: Person, typists: Person[]): Promise<void> {
    const cdp = await composer.context.newCDPSession(composer.page);
    const before = await lettersOnServer();
    let typed = 0;
    for (const reading of READINGS) {
      await cdp.send('Input.imeSetComposition', { text: reading, selectionStart: reading.length, selectionEnd: reading.length });
      for (const typist of typists) {
        await typist.page.keyboard.type(LETTERS[typed % LETTERS.length]!);
        typed++;
        await expect.poll(lettersOnServer).toBe(before + typed);
      }
    }
    await cdp.send('Input.insertText', { text: COMPOSED });
    await cdp.detach();
  }

  /** The letters the typists typed, in the order composeWhileOthersType gives them out. */
  const letters = (count: number, typist: number, typists: number) =>
    Array.from({ length: count }, (_, i) => LETTERS[(i * typists + typist) % LETTERS.length]).join('');

  it('keeps the composition at the end while the other types at the start', async () => {
    for (let round = 0; round < ROUNDS; round++) {
      await paragraph.reset(BASE);
      await paragraph.caretAt(claire, 0);
      await paragraph.caretAt(hanako, BASE.length);
      await composeWhileOthersType(hanako, [claire]);
      await paragraph.expectEverywhere(`${LETTERS}${BASE}${COMPOSED}`);
    }
  });

  it('keeps the composition at the start while the other types at the end', async () => {
    for (let round = 0; round < ROUNDS; round++) {
      await paragraph.reset(BASE);
      await paragraph.caretAt(claire, BASE.length);
      await paragraph.caretAt(hanako, 0);
      await composeWhileOthersType(hanako, [claire]);
      await paragraph.expectEverywhere(`${COMPOSED}${BASE}${LETTERS}`);
    }
  });

  it('keeps the composition in the middle while two others type before and after it', async () => {
    const at = BASE.indexOf('テーマ');
    for (let round = 0; round < ROUNDS; round++) {
      await paragraph.reset(BASE);
      await paragraph.caretAt(claire, 0);
      await paragraph.caretAt(lea, BASE.length);
      await paragraph.caretAt(hanako, at);
      await composeWhileOthersType(hanako, [claire, lea]);
      const [claires, leas] = [letters(READINGS.length, 0, 2), letters(READINGS.length, 1, 2)];
      await paragraph.expectEverywhere(`${claires}${BASE.slice(0, at)}${COMPOSED}${BASE.slice(at)}${leas}`);
    }
  });

  it('commits once when the other types at the very same caret, the composition started first', async () => {
    const at = BASE.indexOf('テーマ');
    for (let round = 0; round < ROUNDS; round++) {
      await paragraph.reset(BASE);
      await paragraph.caretAt(claire, at);
      await paragraph.caretAt(hanako, at);
      await composeWhileOthersType(hanako, [claire]);
      // The readings stay in Hanako's page until the commit, and Claire's letters go in at the
      // caret; the committed text goes where the composition started, after the same character
      // (の), so before her letters, whole and once.
      await paragraph.expectEverywhere(`${BASE.slice(0, at)}${COMPOSED}${LETTERS}${BASE.slice(at)}`);
    }
  });

  it('commits once when the other types at the very same caret, the letter typed first', async () => {
    const at = BASE.indexOf('テーマ');
    for (let round = 0; round < ROUNDS; round++) {
      await paragraph.reset(BASE);
      await paragraph.caretAt(claire, at);
      await paragraph.caretAt(hanako, at);
      await paragraph.typeInTurns([[claire, 'Z']]);
      // Hanako's caret stays after the character before Claire's Z: she composes before it.
      await composeWhileOthersType(hanako, [claire]);
      await paragraph.expectEverywhere(`${BASE.slice(0, at)}${COMPOSED}Z${LETTERS}${BASE.slice(at)}`);
    }
  });

  it('commits once when the one who composes is the other person (Claire composes, Hanako types at her caret)', async () => {
    const at = BASE.indexOf('テーマ');
    await paragraph.reset(BASE);
    await paragraph.caretAt(claire, at);
    await paragraph.caretAt(hanako, at);
    await composeWhileOthersType(claire, [hanako]);
    await paragraph.expectEverywhere(`${BASE.slice(0, at)}${COMPOSED}${LETTERS}${BASE.slice(at)}`);
  });
});
