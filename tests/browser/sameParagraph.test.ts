/**
 * Issue #11: several people typing in one paragraph at the same time, in Debian's Chromium. Each
 * case runs several rounds from the same starting text and asserts the exact text on every page
 * and on the server. "In turns" cases wait after every key until the others have it, so every
 * keystroke meets a remote change in the typist's own paragraph (where @tiptap/y-tiptap 3.0.6–3.0.9
 * moved the caret to the same numeric offset); "at once" cases type in both pages concurrently.
 */
import { beforeAll, expect, it } from 'vitest';
import { CLAIRE, HANAKO, LEA, type Person } from '../support/editorPage';
import { SharedParagraph } from '../support/SharedParagraph';
import { browserSuite } from '../support/browserSuite';

const ROUNDS = 3;
const BASE = 'Nous adoptons ce texte comme dernier mot de la rencontre';
const { keys, alternate } = SharedParagraph;

browserSuite('several people typing in one paragraph', (suite) => {
  let paragraph: SharedParagraph;
  let claire: Person;
  let hanako: Person;
  let lea: Person;

  beforeAll(async () => {
    paragraph = await SharedParagraph.open(suite.browser, suite.accord.url, { sectionId: 'theme', lang: 'fr' }, [CLAIRE, HANAKO, LEA]);
    [claire, hanako, lea] = paragraph.people as [Person, Person, Person];
  });

  it('keeps “ final” at the end and “Alors, ” at the start when both are typed in turns (the issue’s case)', async () => {
    for (let round = 0; round < ROUNDS; round++) {
      await paragraph.reset(BASE);
      await paragraph.caretAt(claire, BASE.length);
      await paragraph.caretAt(hanako, 0);
      // Whoever starts alternates from round to round.
      const turns = round % 2 === 0 ? alternate(keys(claire, ' final'), keys(hanako, 'Alors, ')) : alternate(keys(hanako, 'Alors, '), keys(claire, ' final'));
      await paragraph.typeInTurns(turns);
      await paragraph.expectEverywhere(`Alors, ${BASE} final`);
      // Each caret is still after what its owner typed.
      expect(await paragraph.caretOffset(claire)).toBe(`Alors, ${BASE} final`.length);
      expect(await paragraph.caretOffset(hanako)).toBe('Alors, '.length);
    }
  });

  it('keeps both words whole when typed at the start and at the end at once', async () => {
    for (let round = 0; round < ROUNDS; round++) {
      await paragraph.reset(BASE);
      await paragraph.caretAt(claire, BASE.length);
      await paragraph.caretAt(hanako, 0);
      await Promise.all([claire.page.keyboard.type(' final'), hanako.page.keyboard.type('Alors, ')]);
      await paragraph.expectEverywhere(`Alors, ${BASE} final`);
    }
  });

  it('keeps each word contiguous when both type at the same caret', async () => {
    const at = 'Nous adoptons '.length;
    const [before, after] = [BASE.slice(0, at), BASE.slice(at)];
    for (let round = 0; round < ROUNDS; round++) {
      await paragraph.reset(BASE);
      await paragraph.caretAt(claire, at);
      await paragraph.caretAt(hanako, at);
      // In turns, Claire first: her first letter lands at the caret, and Hanako's caret, which
      // stays after the same character (the space), is before it; each goes on after their own.
      await paragraph.typeInTurns(alternate(keys(claire, 'tous '), keys(hanako, 'ensemble ')));
      await paragraph.expectEverywhere(`${before}ensemble tous ${after}`);
    }
    await paragraph.reset(BASE);
    await paragraph.caretAt(claire, at);
    await paragraph.caretAt(hanako, at);
    await Promise.all([claire.page.keyboard.type('tous '), hanako.page.keyboard.type('ensemble ')]);
    // At once, either may come first; neither may be cut by the other.
    expect([`${before}ensemble tous ${after}`, `${before}tous ensemble ${after}`]).toContain(await paragraph.settled());
  });

  it('replaces a selected word while the other types after it', async () => {
    const word = BASE.indexOf('dernier');
    const next = BASE.indexOf('mot');
    const expected = BASE.replace('dernier mot', 'ultime grand mot');
    for (let round = 0; round < ROUNDS; round++) {
      await paragraph.reset(BASE);
      await paragraph.caretAt(claire, word, word + 'dernier'.length);
      await paragraph.caretAt(hanako, next);
      await paragraph.typeInTurns(round % 2 === 0 ? alternate(keys(claire, 'ultime'), keys(hanako, 'grand ')) : alternate(keys(hanako, 'grand '), keys(claire, 'ultime')));
      await paragraph.expectEverywhere(expected);
    }
    await paragraph.reset(BASE);
    await paragraph.caretAt(claire, word, word + 'dernier'.length);
    await paragraph.caretAt(hanako, next);
    await Promise.all([claire.page.keyboard.type('ultime'), hanako.page.keyboard.type('grand ')]);
    await paragraph.expectEverywhere(expected);
  });

  it('deletes with Backspace while the other types, elsewhere and at the same caret', async () => {
    const backspaces = (n: number): Array<[Person, string]> => Array.from({ length: n }, () => [claire, 'Backspace'] as [Person, string]);
    for (let round = 0; round < ROUNDS; round++) {
      // Claire erases the last word at the end while Hanako types at the start.
      await paragraph.reset(BASE);
      await paragraph.caretAt(claire, BASE.length);
      await paragraph.caretAt(hanako, 0);
      await paragraph.typeInTurns(alternate(backspaces(' rencontre'.length), keys(hanako, 'Alors, ')));
      await paragraph.expectEverywhere(`Alors, ${BASE.slice(0, -' rencontre'.length)}`);
      // Claire erases the word before the caret Hanako types at.
      const at = BASE.indexOf('mot');
      await paragraph.reset(BASE);
      await paragraph.caretAt(claire, at);
      await paragraph.caretAt(hanako, at);
      await paragraph.typeInTurns(alternate(keys(hanako, 'beau '), backspaces('dernier '.length)));
      await paragraph.expectEverywhere(`${BASE.slice(0, at - 'dernier '.length)}beau ${BASE.slice(at)}`);
    }
    await paragraph.reset(BASE);
    await paragraph.caretAt(claire, BASE.length);
    await paragraph.caretAt(hanako, 0);
    await Promise.all([
      (async () => {
        for (let i = 0; i < ' rencontre'.length; i++) await claire.page.keyboard.press('Backspace');
      })(),
      hanako.page.keyboard.type('Alors, '),
    ]);
    await paragraph.expectEverywhere(`Alors, ${BASE.slice(0, -' rencontre'.length)}`);
  });

  it('keeps three people’s words whole: start, middle and end of one paragraph', async () => {
    const middle = BASE.indexOf('comme');
    const expected = `Alors, ${BASE.slice(0, middle)}ici ${BASE.slice(middle)} final`;
    for (let round = 0; round < ROUNDS; round++) {
      await paragraph.reset(BASE);
      await paragraph.caretAt(claire, BASE.length);
      await paragraph.caretAt(hanako, 0);
      await paragraph.caretAt(lea, middle);
      await paragraph.typeInTurns(alternate(keys(claire, ' final'), keys(hanako, 'Alors, '), keys(lea, 'ici ')));
      await paragraph.expectEverywhere(expected);
    }
    await paragraph.reset(BASE);
    await paragraph.caretAt(claire, BASE.length);
    await paragraph.caretAt(hanako, 0);
    await paragraph.caretAt(lea, middle);
    await Promise.all([claire.page.keyboard.type(' final'), hanako.page.keyboard.type('Alors, '), lea.page.keyboard.type('ici ')]);
    await paragraph.expectEverywhere(expected);
  });

  it('draws the others’ carets after the same character while people type', async () => {
    await paragraph.reset(BASE);
    await paragraph.caretAt(claire, BASE.length);
    await paragraph.caretAt(hanako, 0);
    await paragraph.typeInTurns(alternate(keys(claire, ' final'), keys(hanako, 'Alors, ')));
    await paragraph.expectEverywhere(`Alors, ${BASE} final`);
    // In Léa's page, Claire's label is at the very end and Hanako's after “Alors, ”; in each
    // typist's page, the other's label likewise.
    const end = `Alors, ${BASE} final`.length;
    await expect.poll(() => paragraph.drawnCaretOffset(lea, CLAIRE.name)).toBe(end);
    await expect.poll(() => paragraph.drawnCaretOffset(lea, HANAKO.name)).toBe('Alors, '.length);
    await expect.poll(() => paragraph.drawnCaretOffset(hanako, CLAIRE.name)).toBe(end);
    await expect.poll(() => paragraph.drawnCaretOffset(claire, HANAKO.name)).toBe('Alors, '.length);
    // Léa now types in the middle: the labels follow their characters, not their offsets.
    const middle = 'Alors, Nous adoptons '.length;
    await paragraph.caretAt(lea, middle);
    await paragraph.typeInTurns(keys(lea, 'ici '));
    await expect.poll(() => paragraph.drawnCaretOffset(hanako, CLAIRE.name)).toBe(end + 'ici '.length);
    await expect.poll(() => paragraph.drawnCaretOffset(claire, HANAKO.name)).toBe('Alors, '.length);
    await expect.poll(() => paragraph.drawnCaretOffset(claire, LEA.name)).toBe(middle + 'ici '.length);
  });
});
