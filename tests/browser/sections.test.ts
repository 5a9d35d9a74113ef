/**
 * Sections shaped by the committees in Debian's Chromium (issue 13): Claire adds a section from
 * the outline with titles in French and Japanese, types in it, moves it up by keyboard and by
 * drag and drop, removes another section that Hanako is typing in (Hanako is told who removed
 * it), then undoes the removal once. Screenshots in French and Japanese at 1440×900 and 390×844
 * go to tests/artifacts/.
 */
import type { Page } from 'playwright-core';
import { beforeAll, expect, it } from 'vitest';
import { getJson } from '../support/api';
import { artifactPath } from '../support/browser';
import { caretAtEnd, claireAndHanako, editorOf, type Person, serverText, shownText } from '../support/editorPage';
import { browserSuite } from '../support/browserSuite';

/** The section ids in the order the outline lists them. */
const outlineOrder = (page: Page) => page.getByTestId('outline').locator('a[data-section-id]').evaluateAll((links) => links.map((a) => a.getAttribute('data-section-id')!));
const serverOrder = async (url: string, id: string) => ((await getJson(`${url}/api/declarations/${id}`)).body as { sections: { id: string }[] }).sections.map((s) => s.id);

/**
 * What this feature shows (the section menu, the dialogs, the notices) fits the viewport's width,
 * and the section rows do not scroll sideways. (The page header at 390 px is another branch's work.)
 */
const fitsWidth = (page: Page) =>
  page.evaluate(() =>
    Array.from(document.querySelectorAll('.structure-menu[open] .structure-menu__panel, .section-form[open], .action-dialog[open], .structure-notice, .section-row')).every((element) => {
      const box = element.getBoundingClientRect();
      return box.left >= 0 && box.right <= window.innerWidth + 0.5;
    }),
  );

browserSuite('sections: add, title, type, move, remove and undo in the browser', (suite) => {
  let id: string;
  let claire: Person;
  let hanako: Person;
  let added: string;

  beforeAll(async () => {
    ({ id, claire, hanako } = await claireAndHanako(suite.browser, suite.accord.url));
  });

  it('adds a section from the outline, with titles in French and Japanese, before the next meeting', async () => {
    const page = claire.page;
    await page.getByTestId('outline-organize').click();
    await page.getByTestId('outline-add-section').click();
    const dialog = page.getByTestId('add-section-dialog');
    await dialog.waitFor();
    await page.getByTestId('add-section-kind').selectOption('workshop');
    await page.getByTestId('add-section-title-fr').fill('Atelier 4 — Jeunesse et citoyenneté');
    await page.getByTestId('add-section-title-ja').fill('第4分科会 若者と市民参加');
    await page.screenshot({ path: artifactPath('sections-add-dialog-fr-1440.png') });
    await page.getByTestId('add-section-confirm').click();
    await expect.poll(async () => (await outlineOrder(page)).length).toBe(10);
    const order = await outlineOrder(page);
    added = order[8]!;
    expect(order.at(-1)).toBe('closing');
    expect(added).toMatch(/^x/);
    // Hanako sees it, with both titles, in her outline and as a row.
    await expect.poll(() => outlineOrder(hanako.page)).toEqual(order);
    await expect.poll(() => hanako.page.getByTestId(`section-${added}`).locator('textarea[lang="ja"]').inputValue()).toBe('第4分科会 若者と市民参加');
    await expect.poll(async () => serverOrder(suite.accord.url, id)).toEqual(order);
    // The progress panel counts it, in draft; its translation counter shows its one (empty) passage.
    await page.getByTestId('progress-button').click();
    await expect.poll(() => page.getByTestId('progress-counts').locator('[data-state="draft"]').getAttribute('data-count')).toBe('10');
    await page.getByTestId('progress-button').click();
    await expect.poll(() => page.getByTestId(`translation-counts-${added}`).textContent()).toMatch(/1 à jour/);
  });

  it('types in the new section, in French, and the server and Hanako have it', async () => {
    await caretAtEnd(claire.page, added, 'fr');
    await claire.page.keyboard.type('Les jeunes élus ont présenté leurs projets.');
    await expect.poll(() => serverText(suite.accord.url, id, added, 'fr')).toBe('Les jeunes élus ont présenté leurs projets.');
    await expect.poll(() => shownText(hanako.page, added, 'fr')).toBe('Les jeunes élus ont présenté leurs projets.');
    // Written in French only: untranslated in Japanese.
    await expect.poll(() => claire.page.getByTestId(`translation-counts-${added}`).textContent()).toMatch(/1 sans traduction/);
  });

  it('moves it up with the keyboard (focus kept, the move read aloud), then to the top by drag and drop', async () => {
    const page = claire.page;
    await page.getByTestId(`move-up-${added}`).focus();
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await outlineOrder(page)).indexOf(added)).toBe(7);
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe(`move-up-${added}`);
    await expect.poll(() => page.getByTestId('structure-announcement').textContent()).toMatch(/position 8 sur 10/);
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await outlineOrder(page)).indexOf(added)).toBe(6);
    await page.screenshot({ path: artifactPath('sections-outline-organize-fr-1440.png') });

    await page.getByTestId(`outline-item-${added}`).dragTo(page.getByTestId('outline-item-preamble'), { targetPosition: { x: 20, y: 3 } });
    await expect.poll(async () => (await outlineOrder(page))[0]).toBe(added);
    await expect.poll(async () => (await serverOrder(suite.accord.url, id))[0]).toBe(added);
    await expect.poll(async () => (await outlineOrder(hanako.page))[0]).toBe(added);
    // The text moved with it.
    expect(await shownText(hanako.page, added, 'fr')).toBe('Les jeunes élus ont présenté leurs projets.');
  });

  it('removes a section Hanako is typing in: confirmation naming it, Hanako told who, nothing lost, undo once', async () => {
    await caretAtEnd(hanako.page, 'plenary', 'ja');
    await hanako.page.keyboard.type('【全体会議の追記】');
    await expect.poll(() => serverText(suite.accord.url, id, 'plenary', 'ja')).toContain('【全体会議の追記】');
    const before = await outlineOrder(claire.page);

    const page = claire.page;
    await page.getByTestId('structure-menu-plenary').locator('summary').click();
    await page.getByTestId('remove-plenary').click();
    const dialog = page.getByTestId('remove-section-dialog');
    await expect.poll(() => dialog.textContent()).toContain('Séance plénière');
    await expect.poll(() => dialog.textContent()).toContain('佐藤 花子');
    await page.screenshot({ path: artifactPath('sections-remove-dialog-fr-1440.png') });
    await page.getByTestId('remove-section-dialog-confirm').click();

    await expect.poll(() => outlineOrder(page)).toEqual(before.filter((s) => s !== 'plenary'));
    await expect.poll(async () => (await serverOrder(suite.accord.url, id)).includes('plenary')).toBe(false);
    const told = hanako.page.getByTestId('structure-notice-removed-under-you');
    await expect.poll(() => told.textContent()).toContain('Claire Martin');
    await hanako.page.screenshot({ path: artifactPath('sections-removed-notice-ja-1440.png') });
    await page.screenshot({ path: artifactPath('sections-undo-fr-1440.png') });
    // A removed section leaves the counts.
    await page.getByTestId('progress-button').click();
    await expect.poll(() => page.getByTestId('progress-counts').locator('[data-state="draft"]').getAttribute('data-count')).toBe('9');
    await page.getByTestId('progress-button').click();

    await page.getByTestId('structure-notice-removed-by-me').getByTestId('structure-undo').click();
    await expect.poll(() => outlineOrder(page)).toEqual(before);
    await expect.poll(() => outlineOrder(hanako.page)).toEqual(before);
    await expect.poll(() => serverText(suite.accord.url, id, 'plenary', 'ja')).toContain('【全体会議の追記】');
    await expect.poll(() => shownText(hanako.page, 'plenary', 'ja')).toContain('【全体会議の追記】');
    // The notice about it goes once the section is back.
    await expect.poll(() => told.count()).toBe(0);
    await expect.poll(() => page.getByTestId('structure-notice-removed-by-me').count()).toBe(0);
  });

  it('looks right in Japanese and on a phone (390×844, nothing scrolls sideways)', async () => {
    const ja = hanako.page;
    await ja.getByTestId('outline-organize').click();
    await ja.screenshot({ path: artifactPath('sections-outline-organize-ja-1440.png') });
    await ja.getByTestId(`structure-menu-${added}`).locator('summary').click();
    await ja.screenshot({ path: artifactPath('sections-menu-ja-1440.png') });
    await ja.getByTestId(`structure-menu-${added}`).locator('summary').click();

    for (const [person, lang] of [[claire, 'fr'], [hanako, 'ja']] as const) {
      const page = person.page;
      await page.setViewportSize({ width: 390, height: 844 });
      await page.getByTestId(`section-${added}`).scrollIntoViewIfNeeded();
      await page.getByTestId(`structure-menu-${added}`).locator('summary').click();
      await page.screenshot({ path: artifactPath(`sections-menu-${lang}-390.png`) });
      expect(await fitsWidth(page)).toBe(true);
      await page.getByTestId(`add-after-${added}`).click();
      await page.getByTestId('add-section-dialog').waitFor();
      await page.screenshot({ path: artifactPath(`sections-add-dialog-${lang}-390.png`) });
      expect(await fitsWidth(page)).toBe(true);
      await page.keyboard.press('Escape');
      await page.getByTestId('add-section-dialog').waitFor({ state: 'hidden' });
    }
    // Moving down from a section's menu works where the outline is hidden.
    await claire.page.getByTestId(`structure-menu-${added}`).locator('summary').click();
    await claire.page.getByTestId(`menu-move-down-${added}`).click();
    await expect.poll(async () => (await serverOrder(suite.accord.url, id)).indexOf(added)).toBe(1);
    expect(await editorOf(claire.page, added, 'fr').count()).toBe(1);
  });
});
