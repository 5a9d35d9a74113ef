/**
 * Carets when someone else changes the blocks around them: a paragraph split before, inside or
 * after the one the caret is in, or moved above another. This is what @tiptap/y-tiptap 3.0.6+
 * added its selection recovery for, and what the Accord patch of it (docs/collaboration-binding.md)
 * must keep: after each change, the person whose caret it is types, and the letters land after
 * the same character as before.
 */
import { afterEach, beforeEach, expect, it } from 'vitest';
import { CLAIRE, editorOf, HANAKO, openAs, type Person, serverText, shownText } from '../support/editorPage';
import { createDeclarationViaApi } from '../support/api';
import { browserSuite } from '../support/browserSuite';

const SECTION = 'context';
const FIRST = 'Premier paragraphe du contexte';
const SECOND = 'Second paragraphe avec le caret';

/** The page's TipTap editor, as much of it as these tests use. */
interface Tiptap {
  state: {
    doc: { child(i: number): { nodeSize: number }; childCount: number };
    tr: {
      insertText(text: string, from: number, to?: number): Tiptap['state']['tr'];
      delete(from: number, to: number): Tiptap['state']['tr'];
      insert(at: number, node: unknown): Tiptap['state']['tr'];
    };
  };
  commands: { setTextSelection(at: number): boolean };
  view: { focus(): void; dispatch(tr: unknown): void };
}

browserSuite('carets when someone else splits or moves blocks', (suite) => {
  let id: string;
  let claire: Person;
  let hanako: Person;

  // A fresh declaration for every case: the section starts with its two template paragraphs.
  beforeEach(async () => {
    id = await createDeclarationViaApi(suite.accord.url);
    claire = await openAs(suite.browser, suite.accord.url, id, CLAIRE);
    hanako = await openAs(suite.browser, suite.accord.url, id, HANAKO);
  });

  afterEach(async () => {
    await claire?.context.close();
    await hanako?.context.close();
  });

  const editor = (person: Person) => editorOf(person.page, SECTION, 'fr');
  const text = (person: Person) => shownText(person.page, SECTION, 'fr');

  async function expectEverywhere(expected: string): Promise<void> {
    for (const person of [claire, hanako]) await expect.poll(() => text(person)).toBe(expected);
    await expect.poll(() => serverText(suite.accord.url, id, SECTION, 'fr')).toBe(expected);
  }

  /**
   * The section's two paragraphs set to FIRST and SECOND by Hanako, everyone waiting for them. The
   * text is replaced inside the blocks, which keep their segment ids: the server reads segments by
   * id, and new blocks would leave the Japanese ones without a French side.
   */
  async function twoParagraphs(): Promise<void> {
    await editor(hanako).evaluate(
      (dom, texts) => {
        const tiptap = (dom as HTMLElement & { editor: Tiptap }).editor;
        const { doc } = tiptap.state;
        let tr = tiptap.state.tr;
        // The last block first, so that the positions of the one before stay valid.
        for (let i = doc.childCount - 1; i >= 0; i--) {
          let start = 0;
          for (let j = 0; j < i; j++) start += doc.child(j).nodeSize;
          tr = tr.insertText(texts[i] ?? '', start + 1, start + doc.child(i).nodeSize - 1);
        }
        tiptap.view.dispatch(tr);
      },
      [FIRST, SECOND],
    );
    await expectEverywhere(`${FIRST}\n${SECOND}`);
  }

  /** Focuses `person`'s editor with the caret at `offset` in the `block`-th top-level paragraph. */
  async function caretIn(person: Person, block: number, offset: number): Promise<void> {
    await editor(person).evaluate(
      (dom, [index, at]) => {
        const tiptap = (dom as HTMLElement & { editor: Tiptap }).editor;
        let pos = 1;
        for (let i = 0; i < index!; i++) pos += tiptap.state.doc.child(i).nodeSize;
        tiptap.view.focus();
        tiptap.commands.setTextSelection(pos + at!);
      },
      [block, offset],
    );
  }

  const caretAt = SECOND.indexOf('avec');

  it('keeps the caret when the paragraph above is split', async () => {
    await twoParagraphs();
    await caretIn(claire, 1, caretAt);
    await caretIn(hanako, 0, 'Premier'.length);
    await hanako.page.keyboard.press('Enter');
    await expect.poll(() => text(claire)).toBe(`Premier\n${FIRST.slice('Premier'.length)}\n${SECOND}`);
    await claire.page.keyboard.type('[C] ');
    await expectEverywhere(`Premier\n${FIRST.slice('Premier'.length)}\n${SECOND.slice(0, caretAt)}[C] ${SECOND.slice(caretAt)}`);
  });

  it('keeps the caret in the first half when its paragraph is split after it', async () => {
    await twoParagraphs();
    await caretIn(claire, 1, caretAt);
    const cut = SECOND.indexOf(' le caret');
    await caretIn(hanako, 1, cut);
    await hanako.page.keyboard.press('Enter');
    await expect.poll(() => text(claire)).toBe(`${FIRST}\n${SECOND.slice(0, cut)}\n${SECOND.slice(cut)}`);
    await claire.page.keyboard.type('[C] ');
    await expectEverywhere(`${FIRST}\n${SECOND.slice(0, caretAt)}[C] ${SECOND.slice(caretAt, cut)}\n${SECOND.slice(cut)}`);
  });

  // Yjs alone puts this caret at the end of the first half (the characters after the cut are new
  // ones in the new block; y-prosemirror #44), in 3.0.5 and 3.0.9 alike: the patch's afterSplitBefore.
  it('keeps the caret after the same character when its paragraph is split before it', async () => {
    await twoParagraphs();
    await caretIn(claire, 1, caretAt);
    const cut = 'Second'.length;
    await caretIn(hanako, 1, cut);
    await hanako.page.keyboard.press('Enter');
    await expect.poll(() => text(claire)).toBe(`${FIRST}\nSecond\n${SECOND.slice(cut)}`);
    await claire.page.keyboard.type('[C] ');
    await expectEverywhere(`${FIRST}\nSecond\n${SECOND.slice(cut, caretAt)}[C] ${SECOND.slice(caretAt)}`);
  });

  it('keeps the caret when its paragraph is split at its very start', async () => {
    await twoParagraphs();
    await caretIn(claire, 1, caretAt);
    await caretIn(hanako, 1, 0);
    await hanako.page.keyboard.press('Enter');
    await expect.poll(() => text(claire)).toBe(`${FIRST}\n\n${SECOND}`);
    await claire.page.keyboard.type('[C] ');
    await expectEverywhere(`${FIRST}\n\n${SECOND.slice(0, caretAt)}[C] ${SECOND.slice(caretAt)}`);
  });

  it('follows its paragraph when someone else moves it above the other (as a drag and drop does)', async () => {
    await twoParagraphs();
    await caretIn(claire, 1, caretAt);
    // ProseMirror's drop handler deletes the dragged block and inserts it at the drop point, in
    // one transaction; Yjs sees the block deleted and a new one inserted.
    await editor(hanako).evaluate((dom) => {
      const tiptap = (dom as HTMLElement & { editor: Tiptap }).editor;
      const { doc } = tiptap.state;
      const second = (doc as unknown as { child(i: number): unknown }).child(1);
      const from = doc.child(0).nodeSize;
      tiptap.view.dispatch(tiptap.state.tr.delete(from, from + doc.child(1).nodeSize).insert(0, second));
    });
    await expect.poll(() => text(claire)).toBe(`${SECOND}\n${FIRST}`);
    await claire.page.keyboard.type('[C] ');
    await expectEverywhere(`${SECOND.slice(0, caretAt)}[C] ${SECOND.slice(caretAt)}\n${FIRST}`);
  });
});
