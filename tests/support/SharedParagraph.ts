import type { Browser } from 'playwright-core';
import { expect } from 'vitest';
import { createDeclarationViaApi } from './api';
import { editorOf, openAs, type Person, serverText, shownText, type Who } from './editorPage';

/** Where the paragraph is: a section whose text in `lang` is one paragraph (theme, plenary). */
export interface Place {
  sectionId: string;
  lang: 'fr' | 'ja';
}

/** The page's TipTap editor, as much of it as the helpers use (it hangs on its DOM node). */
interface Tiptap {
  state: {
    doc: { content: { size: number }; firstChild: { content: { size: number } } | null };
    selection: { anchor: number; head: number };
    tr: { insertText(text: string, from: number, to: number): unknown };
  };
  commands: { setTextSelection(at: number | { from: number; to: number }): boolean };
  view: { focus(): void; dispatch(tr: unknown): void; composing: boolean };
}

/**
 * One paragraph of a fresh declaration, open in several browser pages at once (each person in a
 * browser context of their own, as in editor.test.ts): the place where people type at the same
 * time. Offsets count characters from the start of the paragraph; position 1 of the document is
 * its first character, the paragraph being the section's first block.
 */
export class SharedParagraph {
  private constructor(
    readonly baseUrl: string,
    readonly id: string,
    readonly place: Place,
    readonly people: Person[],
  ) {}

  static async open(browser: Browser, baseUrl: string, place: Place, who: Who[]): Promise<SharedParagraph> {
    const id = await createDeclarationViaApi(baseUrl, { fr: 'Déclaration de Cannes', ja: 'カンヌ宣言' });
    const people: Person[] = [];
    for (const one of who) people.push(await openAs(browser, baseUrl, id, one));
    return new SharedParagraph(baseUrl, id, place, people);
  }

  /** The paragraph as a page shows it (carets and their labels left out). */
  text(person: Person): Promise<string> {
    return shownText(person.page, this.place.sectionId, this.place.lang);
  }

  serverText(): Promise<string> {
    return serverText(this.baseUrl, this.id, this.place.sectionId, this.place.lang);
  }

  /** Waits until every page and the server hold exactly `expected`. */
  async expectEverywhere(expected: string): Promise<void> {
    for (const person of this.people) await expect.poll(() => this.text(person)).toBe(expected);
    await expect.poll(() => this.serverText()).toBe(expected);
  }

  /** Waits until every page and the server hold the same text, and returns it. */
  async settled(): Promise<string> {
    const all = () => Promise.all([...this.people.map((p) => this.text(p)), this.serverText()]);
    await expect.poll(async () => new Set(await all()).size).toBe(1);
    return this.text(this.people[0]!);
  }

  /** Replaces the paragraph's text (the first person does it) and waits until everyone has it. */
  async reset(text: string): Promise<void> {
    await this.editor(this.people[0]!).evaluate((dom, replacement) => {
      const tiptap = (dom as HTMLElement & { editor: Tiptap }).editor;
      const size = tiptap.state.doc.firstChild!.content.size;
      tiptap.view.dispatch(tiptap.state.tr.insertText(replacement, 1, 1 + size));
    }, text);
    await this.expectEverywhere(text);
  }

  /** Focuses a person's editor with the caret at `offset`, or the text between two offsets selected. */
  async caretAt(person: Person, offset: number, to = offset): Promise<void> {
    // Through TipTap's command, focused synchronously (see caretAtEnd in editorPage.ts for why).
    await this.editor(person).evaluate(
      (dom, [from, until]) => {
        const tiptap = (dom as HTMLElement & { editor: Tiptap }).editor;
        tiptap.view.focus();
        tiptap.commands.setTextSelection({ from: 1 + from!, to: 1 + until! });
      },
      [offset, to],
    );
    await expect.poll(() => this.caretOffset(person)).toBe(to);
  }

  /** Where a person's own caret (the selection head) is, in characters from the paragraph start. */
  caretOffset(person: Person): Promise<number> {
    return this.editor(person).evaluate((dom) => (dom as HTMLElement & { editor: Tiptap }).editor.state.selection.head - 1);
  }

  /**
   * Where `name`'s caret is drawn in `observer`'s page: the number of characters of the paragraph
   * before it (the labels of carets are not text), or -1 when it is not drawn there.
   */
  drawnCaretOffset(observer: Person, name: string): Promise<number> {
    return this.editor(observer).evaluate((dom, who) => {
      const caret = Array.from(dom.querySelectorAll('.collaboration-carets__caret')).find((c) => c.textContent === who);
      if (!caret) return -1;
      let count = 0;
      const walker = document.createTreeWalker(dom.querySelector('p')!, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (node.parentElement?.closest('.collaboration-carets__caret')) continue;
        if (caret.compareDocumentPosition(node) & Node.DOCUMENT_POSITION_FOLLOWING) break;
        count += node.textContent?.length ?? 0;
      }
      return count;
    }, name);
  }

  /**
   * Types `keys` one at a time, each time by the person `turns` names, and waits after each key
   * until every other page shows what the typist's page shows: every local keystroke then meets
   * a remote change in between, the situation of the issue, in a reproducible order.
   */
  async typeInTurns(turns: Array<[Person, string]>): Promise<void> {
    for (const [person, key] of turns) {
      await this.press(person, key);
      await this.sameOnEveryPage();
    }
  }

  /** Types one character, or presses a named key (`Backspace`). */
  async press(person: Person, key: string): Promise<void> {
    if ([...key].length === 1) await person.page.keyboard.type(key);
    else await person.page.keyboard.press(key);
  }

  /**
   * Waits until every page shows the same text. Called after someone's key, which their own page
   * already shows: the key has then reached every page (with whatever others typed meanwhile,
   * which is why this waits for agreement rather than for the typist's text of the moment).
   */
  async sameOnEveryPage(): Promise<void> {
    await expect.poll(async () => new Set(await Promise.all(this.people.map((p) => this.text(p)))).size).toBe(1);
  }

  private editor(person: Person) {
    return editorOf(person.page, this.place.sectionId, this.place.lang);
  }

  /** `word` typed by one person, letter by letter, as turns of `typeInTurns`. */
  static keys(person: Person, word: string): Array<[Person, string]> {
    return Array.from(word, (letter) => [person, letter] as [Person, string]);
  }

  /** The turns of several people, one each, until all are used up. */
  static alternate(...sequences: Array<Array<[Person, string]>>): Array<[Person, string]> {
    const out: Array<[Person, string]> = [];
    for (let i = 0; sequences.some((s) => i < s.length); i++) for (const s of sequences) if (i < s.length) out.push(s[i]!);
    return out;
  }
}
