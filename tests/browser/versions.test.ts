/**
 * Translation flags, versions, comparison and restore in Debian's Chromium, with two people on
 * separate browser contexts (so every change goes through the server, see editor.test.ts).
 */
import type { Page } from 'playwright-core';
import { beforeAll, expect, it } from 'vitest';
import { getJson } from '../support/api';
import { caretAtEnd, editorOf as editor, claireAndHanako, type Person, serverText as serverTextOf, shownText as editorText, waitForEditor } from '../support/editorPage';
import { artifactPath } from '../support/browser';
import { browserSuite } from '../support/browserSuite';

interface Counts {
  inSync: number;
  stale: number;
  untranslated: number;
}

browserSuite('translation flags and versions in the browser', (suite) => {
  let id: string;
  let claire: Person;
  let hanako: Person;

  beforeAll(async () => {
    ({ id, claire, hanako } = await claireAndHanako(suite.browser, suite.accord.url));
  });

  const counts = (page: Page, testId: string): Promise<Counts> =>
    page.getByTestId(testId).evaluate((element) => {
      const data = (element as HTMLElement).dataset;
      return { inSync: Number(data.inSync), stale: Number(data.stale), untranslated: Number(data.untranslated) };
    });

  /** The sids of the blocks flagged as needing review in one editor. */
  const flagged = (page: Page, sectionId: string, lang: 'fr' | 'ja') =>
    editor(page, sectionId, lang)
      .locator('[data-translation="needs-review"]')
      .evaluateAll((blocks) => blocks.map((block) => block.getAttribute('data-sid')));

  async function lastSid(page: Page, sectionId: string, lang: 'fr' | 'ja'): Promise<string> {
    const sid = await editor(page, sectionId, lang).locator('p[data-sid]').last().getAttribute('data-sid');
    if (!sid) throw new Error('no sid');
    return sid;
  }

  it('flags the Japanese as stale when the French of a confirmed passage changes, and one click clears it everywhere', async () => {
    const before = await counts(hanako.page, 'translation-counts-total');
    expect(before.stale).toBe(0);
    const sectionBefore = await counts(hanako.page, 'translation-counts-context');
    const sid = await lastSid(claire.page, 'context', 'fr');
    expect(await flagged(hanako.page, 'context', 'ja')).toEqual([]);

    await caretAtEnd(claire.page, 'context', 'fr');
    await claire.page.keyboard.type(' Les villes jumelles y prennent part.');

    // Hanako sees the Japanese passage flagged, the French not.
    await expect.poll(() => flagged(hanako.page, 'context', 'ja')).toEqual([sid]);
    expect(await flagged(hanako.page, 'context', 'fr')).toEqual([]);
    await expect.poll(() => flagged(claire.page, 'context', 'ja')).toEqual([sid]);
    const bar = editor(hanako.page, 'context', 'ja').getByTestId('translation-flag');
    expect(await bar.innerText()).toContain('翻訳要確認');
    expect(await editor(claire.page, 'context', 'ja').getByTestId('translation-flag').innerText()).toContain('traduction à revoir');
    await expect.poll(() => counts(hanako.page, 'translation-counts-total')).toEqual({ ...before, inSync: before.inSync - 1, stale: 1 });
    await expect
      .poll(() => counts(claire.page, 'translation-counts-context'))
      .toEqual({ ...sectionBefore, inSync: sectionBefore.inSync - 1, stale: 1 });

    await editor(hanako.page, 'context', 'ja').scrollIntoViewIfNeeded();
    await hanako.page.screenshot({ path: artifactPath('versions-flag-ja.png') });
    await editor(claire.page, 'context', 'ja').scrollIntoViewIfNeeded();
    await claire.page.screenshot({ path: artifactPath('versions-flag-fr.png') });

    // One click on Hanako's page clears it on both pages; the confirmation carries her name.
    await editor(hanako.page, 'context', 'ja').getByTestId('confirm-translation').click();
    await expect.poll(() => flagged(hanako.page, 'context', 'ja')).toEqual([]);
    await expect.poll(() => flagged(claire.page, 'context', 'ja')).toEqual([]);
    await expect.poll(() => counts(claire.page, 'translation-counts-total')).toEqual(before);
    await expect.poll(() => counts(hanako.page, 'translation-counts-context')).toEqual(sectionBefore);
  });

  it('shows a passage written in one language only as untranslated on the other side', async () => {
    const before = await counts(claire.page, 'translation-counts-total');
    await caretAtEnd(claire.page, 'closing', 'fr');
    await claire.page.keyboard.press('Enter');
    await claire.page.keyboard.type('Un paragraphe encore sans traduction.');
    const missing = editor(hanako.page, 'closing', 'ja').getByTestId('translation-missing');
    await expect.poll(() => missing.innerText()).toContain('Un paragraphe encore sans traduction.');
    expect(await missing.innerText()).toContain('未翻訳');
    await expect.poll(() => counts(hanako.page, 'translation-counts-total')).toEqual({ ...before, untranslated: before.untranslated + 1 });
  });

  async function openHistory(page: Page): Promise<void> {
    await page.getByTestId('history-button').click();
    await page.getByTestId('history-panel').waitFor();
  }

  const versionItem = (page: Page, label: string) => page.getByTestId('version-item').filter({ hasText: label });

  const LABEL = 'Envoyée à la plénière';
  const ADDED = '各自治体は成果を毎年共有する。';

  it('saves a named version, compares it with the edited text, and restores it for everyone', async () => {
    // Claire saves the text as it is.
    await openHistory(claire.page);
    await claire.page.getByTestId('version-label-input').fill(LABEL);
    await claire.page.getByTestId('save-version').click();
    await versionItem(claire.page, LABEL).waitFor();
    const item = await versionItem(claire.page, LABEL).innerText();
    expect(item).toContain('Claire Martin');
    expect(item).toMatch(/[0-9a-f]{8}/);
    await claire.page.screenshot({ path: artifactPath('versions-history-fr.png') });

    // Hanako adds a sentence in Japanese; it reaches the server.
    await caretAtEnd(hanako.page, 'theme', 'ja');
    await hanako.page.keyboard.type(ADDED);
    await expect.poll(() => serverTextOf(suite.accord.url, id, 'theme', 'ja')).toContain(ADDED);

    // Claire compares her version with now: the sentence is an insertion in the Japanese column.
    await versionItem(claire.page, LABEL).getByTestId('compare-version').click();
    await claire.page.getByTestId('diff-body').waitFor();
    const row = claire.page.getByTestId('diff-section-theme').getByTestId('diff-row');
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.getAttribute('data-languages')).toBe('ja-only');
    expect(await row.locator('.diff-row__columns > .diff-text--ja ins').allInnerTexts()).toContain(ADDED);
    expect(await row.locator('.diff-row__columns > .diff-text--fr ins').count()).toBe(0);
    expect(await row.innerText()).toContain('japonais seul');
    // "Changes only" hides the untouched sections; unticking shows them.
    const shownSections = () => claire.page.locator('[data-testid^="diff-section-"]').count();
    expect(await shownSections()).toBe(1);
    await claire.page.screenshot({ path: artifactPath('versions-compare-fr.png') });
    await claire.page.getByTestId('changed-only').uncheck();
    await expect.poll(shownSections).toBeGreaterThan(5);
    await claire.page.getByTestId('changed-only').check();

    // A row opens the editor at that passage, on the side to revise: the French did not follow.
    await row.click();
    await editor(claire.page, 'theme', 'ja').waitFor();
    await expect.poll(() => claire.page.evaluate(() => location.hash)).toBe('#section-theme');
    await expect
      .poll(() => claire.page.evaluate(() => document.activeElement?.closest('[data-testid]')?.getAttribute('data-testid') ?? null))
      .toBe('editor-theme-fr');
    expect(await claire.page.evaluate(() => location.search)).toBe('');

    // Hanako looks at the same screens in Japanese: the version, read only, then the comparison.
    await openHistory(hanako.page);
    await versionItem(hanako.page, LABEL).waitFor();
    await hanako.page.screenshot({ path: artifactPath('versions-history-ja.png') });
    await versionItem(hanako.page, LABEL).getByTestId('open-version').click();
    await hanako.page.getByTestId('version-page').waitFor();
    expect(await hanako.page.locator('.read-only-banner').innerText()).toContain('閲覧のみ');
    expect(await hanako.page.getByTestId('version-page').innerText()).not.toContain(ADDED);
    expect(await hanako.page.locator('[contenteditable="true"]').count()).toBe(0);
    await hanako.page.screenshot({ path: artifactPath('versions-readonly-ja.png') });
    await hanako.page.goBack();
    await editor(hanako.page, 'theme', 'ja').waitFor();
    await hanako.page.goto(`${suite.accord.url}/d/${id}/compare?from=${await versionId(LABEL)}&to=current`);
    await hanako.page.getByTestId('diff-body').waitFor();
    await hanako.page.screenshot({ path: artifactPath('versions-compare-ja.png') });
    await claire.page.goto(`${suite.accord.url}/d/${id}/v/${await versionId(LABEL)}`);
    await claire.page.getByTestId('version-page').waitFor();
    expect(await claire.page.locator('.read-only-banner').innerText()).toContain('lecture seule');
    await claire.page.screenshot({ path: artifactPath('versions-readonly-fr.png') });

    // Claire restores the version; the sentence disappears from Hanako's page.
    await hanako.page.goto(`${suite.accord.url}/d/${id}`);
    await waitForEditor(hanako.page);
    await expect.poll(() => editorText(hanako.page, 'theme', 'ja')).toContain(ADDED);
    await claire.page.goto(`${suite.accord.url}/d/${id}`);
    await waitForEditor(claire.page);
    await openHistory(claire.page);
    await versionItem(claire.page, LABEL).getByTestId('restore-version').click();
    await claire.page.getByTestId('restore-dialog').waitFor();
    await claire.page.getByTestId('restore-dialog-confirm').click();
    await expect.poll(() => editorText(hanako.page, 'theme', 'ja')).not.toContain(ADDED);
    await expect.poll(() => claire.page.getByTestId('restore-dialog').isVisible()).toBe(false);
    expect(await serverTextOf(suite.accord.url, id, 'theme', 'ja')).not.toContain(ADDED);
    // The text before the restore was kept as a version.
    await expect.poll(() => claire.page.getByTestId('version-item').count()).toBeGreaterThan(1);
  });

  async function versionId(label: string): Promise<string> {
    const { body } = await getJson(`${suite.accord.url}/api/declarations/${id}/versions`);
    const found = (body as { versions: { id: string; label: string | null }[] }).versions.find((v) => v.label === label);
    if (!found) throw new Error(`no version "${label}"`);
    return found.id;
  }
});

