/**
 * The editor in Debian's Chromium, two people at once: live French typing, Japanese entered
 * through an IME while the other person types in the same text, own-only undo, and reload.
 * Each page gets its own browser context: pages of one context share a BroadcastChannel through
 * which y-websocket syncs them directly, which would hide whether the server relays anything.
 */
import { beforeAll, expect, it } from 'vitest';
import { caretAtEnd, editorOf as editor, claireAndHanako, type Person, serverText as serverTextOf, shownText as text } from '../support/editorPage';
import { artifactPath } from '../support/browser';
import { browserSuite } from '../support/browserSuite';

browserSuite('editor in the browser', (suite) => {
  let id: string;
  let claire: Person;
  let hanako: Person;

  beforeAll(async () => {
    ({ id, claire, hanako } = await claireAndHanako(suite.browser, suite.accord.url));
  });

  it('shows the text typed in French on one page on the other, with who is there', async () => {
    await caretAtEnd(claire.page, 'context', 'fr');
    await claire.page.keyboard.type(' Les collectivités s’engagent.');
    await expect.poll(() => text(hanako.page, 'context', 'fr')).toContain('Les collectivités s’engagent.');
    await expect.poll(() => hanako.page.getByTestId('presence').innerText()).toContain('Claire Martin');
    // With the role her session has, which the server writes into her presence (A15).
    const claireThere = hanako.page.getByTestId('presence').locator('li', { hasText: 'Claire Martin' });
    expect(await claireThere.getAttribute('data-role')).toBe('committee-fr');
    expect(await claireThere.getAttribute('title')).toBe('Claire Martin（フランス側委員会）');
    // Claire's caret is drawn, with her name, in Hanako's copy of the text.
    await expect.poll(() => editor(hanako.page, 'context', 'fr').locator('.collaboration-carets__label').allInnerTexts()).toContain('Claire Martin');
  });

  /**
   * Hanako composes 協力を推進する the way an IME does, one reading at a time, in the last paragraph
   * of a section's Japanese text, and between every two steps one of Claire's keystrokes reaches
   * the server, which relays it to Hanako mid-composition, where y-prosemirror is known to be weak.
   */
  async function composeWhileClaireTypes(sectionId: string, letters: string): Promise<void> {
    await caretAtEnd(hanako.page, sectionId, 'ja');
    const cdp = await hanako.context.newCDPSession(hanako.page);
    const steps = ['き', 'きょ', 'きょう', 'きょうりょ', 'きょうりょく', '協力', '協力を', '協力をすいしん', '協力を推進', '協力を推進する'];
    const arrived = async () => (await serverTextOf(suite.accord.url, id, sectionId, 'ja')).replace(/[^A-Z]/g, '').length;
    const before = await arrived();
    for (const [i, step] of steps.entries()) {
      await cdp.send('Input.imeSetComposition', { text: step, selectionStart: step.length, selectionEnd: step.length });
      await claire.page.keyboard.type(letters[i]!);
      await expect.poll(arrived).toBe(before + i + 1);
    }
    await cdp.send('Input.insertText', { text: '協力を推進する' });
    await cdp.detach();
  }

  /** Both pages converge; the composition is there once, whole, with no reading left over. */
  async function expectComposedOnce(sectionId: string): Promise<string> {
    await expect.poll(() => text(hanako.page, sectionId, 'ja')).toContain('協力を推進する');
    const composed = await text(hanako.page, sectionId, 'ja');
    await expect.poll(() => text(claire.page, sectionId, 'ja')).toBe(composed);
    expect(composed.split('協力を推進する'), composed).toHaveLength(2);
    expect(composed).not.toMatch(/きょう|りょく|すいしん/);
    return composed;
  }

  it('composes Japanese through an IME while the other person types in the same paragraph', async () => {
    // Claire at the start of the paragraph Hanako composes at the end of: one DOM text node.
    await editor(claire.page, 'theme', 'ja').locator('p').last().click();
    await claire.page.keyboard.press('Control+Home');
    await composeWhileClaireTypes('theme', 'ABCDEFGHIJ');
    const composed = await expectComposedOnce('theme');
    expect(composed).toMatch(/^ABCDEFGHIJ第9回.*協力を推進する$/);
  });

  it('undoes only one’s own edits', async () => {
    await caretAtEnd(claire.page, 'closing', 'fr');
    await claire.page.keyboard.type(' Claire-ajout');
    await expect.poll(() => text(hanako.page, 'closing', 'fr')).toContain('Claire-ajout');
    await caretAtEnd(hanako.page, 'closing', 'fr');
    await hanako.page.keyboard.type(' Hanako-ajout');
    await expect.poll(() => text(claire.page, 'closing', 'fr')).toContain('Hanako-ajout');

    await claire.page.keyboard.press('Control+z');
    await expect.poll(() => text(hanako.page, 'closing', 'fr')).not.toContain('Claire-ajout');
    expect(await text(hanako.page, 'closing', 'fr')).toContain('Hanako-ajout');
  });

  it('formats: headings, lists and bold become real blocks, each with its own sid', async () => {
    await caretAtEnd(claire.page, 'plenary', 'fr');
    await claire.page.keyboard.press('Enter');
    await claire.page.keyboard.type('## Table ronde');
    await claire.page.keyboard.press('Enter');
    await claire.page.keyboard.type('- Premier point');
    await claire.page.keyboard.press('Enter');
    await claire.page.keyboard.press('Control+b');
    await claire.page.keyboard.type('Second point');
    const remote = editor(hanako.page, 'plenary', 'fr');
    await expect.poll(() => remote.locator('h2').allInnerTexts()).toContain('Table ronde');
    await expect.poll(() => remote.locator('ul li strong').allInnerTexts()).toContain('Second point');
    // Every textblock carries a distinct sid, which the alignment relies on.
    const sids = await remote.locator('p, h2, h3').evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-sid')));
    expect(sids.every((sid) => typeof sid === 'string' && sid.length > 0)).toBe(true);
    expect(new Set(sids).size).toBe(sids.length);
  });

  it('keeps everything after a reload, and the server has it', async () => {
    await claire.page.reload();
    await editor(claire.page, 'context', 'fr').waitFor();
    await expect.poll(() => text(claire.page, 'context', 'fr')).toContain('Les collectivités s’engagent.');
    await expect.poll(() => text(claire.page, 'theme', 'ja')).toContain('協力を推進する');
    expect(await serverTextOf(suite.accord.url, id, 'theme', 'ja')).toContain('協力を推進する');
  });

  it('switches the interface language and remembers the choice', async () => {
    const { page } = claire;
    await page.goto(`${suite.accord.url}/`);
    await expect.poll(() => page.locator('h1').innerText()).toBe('Déclarations');
    await page.locator('.language-switcher__option[data-lang="en"]').click();
    await expect.poll(() => page.locator('h1').innerText()).toBe('Declarations');
    await page.reload();
    await expect.poll(() => page.locator('h1').innerText()).toBe('Declarations');
    await page.locator('.language-switcher__option[data-lang="fr"]').click();
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('fr');
  });

  it('saves screenshots of each screen in French and in Japanese', async () => {
    for (const [person, lang] of [
      [claire, 'fr'],
      [hanako, 'ja'],
    ] as const) {
      await person.page.goto(`${suite.accord.url}/d/${id}`);
      await person.page.getByTestId('editor-conclusion-fr').scrollIntoViewIfNeeded();
      await person.page.screenshot({ path: artifactPath(`editor-${lang}.png`) });
      await person.page.goto(`${suite.accord.url}/`);
      await person.page.getByTestId('declaration-list').waitFor();
      await person.page.screenshot({ path: artifactPath(`home-${lang}.png`) });
      // The home page is in the chosen interface language.
      expect(await person.page.locator('html').getAttribute('lang')).toBe(lang);
    }
  });
});
