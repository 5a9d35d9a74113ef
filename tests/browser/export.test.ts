/**
 * The export menu (issue 16) in Debian's Chromium: in French and in Japanese, in the editor and on
 * a version of the history, the signature blocks a committee fills in, downloads of DOCX and PDF
 * through the menu (page 1 of each PDF saved as a PNG), and the print view.
 */
import JSZip from 'jszip';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { beforeAll, expect, it } from 'vitest';
import { postJson } from '../support/api';
import { artifactPath } from '../support/browser';
import { claireAndHanako, type Person, selectStart } from '../support/editorPage';
import { pdfFirstPagePng, pdfText } from '../support/exportFixture';
import { browserSuite } from '../support/browserSuite';

browserSuite('the export menu in the browser', (suite) => {
  let id: string;
  let claire: Person;
  let hanako: Person;

  beforeAll(async () => {
    ({ id, claire, hanako } = await claireAndHanako(suite.browser, suite.accord.url));
  });

  const openMenu = async (page: Page) => {
    await page.getByTestId('export-button').click();
    const dialog = page.getByTestId('export-dialog');
    await dialog.waitFor({ state: 'visible' });
    return dialog;
  };
  const noHorizontalScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth);
  const downloadThroughMenu = async (page: Page, format: 'docx' | 'pdf', lang: 'fr' | 'ja' | 'bilingual') => {
    const dialog = page.getByTestId('export-dialog');
    await dialog.getByTestId(`export-format-${format}`).check();
    await dialog.getByTestId(`export-lang-${lang}`).check();
    const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByTestId('export-download').click()]);
    const path = await download.path();
    return { name: download.suggestedFilename(), bytes: new Uint8Array(readFileSync(path)) };
  };

  it('offers format, language and version in French, and downloads a bilingual Word file named after the declaration', async () => {
    const dialog = await openMenu(claire.page);
    expect(await claire.page.getByTestId('export-button').innerText()).toBe('Exporter');
    expect(await dialog.locator('h2').innerText()).toBe('Exporter la déclaration');
    const text = await dialog.innerText();
    for (const label of ['Word (.docx)', 'PDF', 'Page à imprimer', 'Français', 'Japonais', 'Bilingue, côte à côte', 'Texte en cours', 'Texte adopté', 'pas encore adopté']) expect(text).toContain(label);
    expect(await dialog.getByTestId('export-version-adopted').isDisabled()).toBe(true);
    await claire.page.screenshot({ path: artifactPath('export-menu-fr-1440.png') });

    const { name, bytes } = await downloadThroughMenu(claire.page, 'docx', 'bilingual');
    expect(name).toBe('Déclaration-de-Cannes-bilingual-projet.docx');
    const xml = await (await JSZip.loadAsync(bytes)).file('word/document.xml')!.async('string');
    expect(xml).toContain('Préambule');
    expect(xml).toContain('前文');
  });

  it('lets a committee fill in the signature blocks, which the other committee sees live', async () => {
    const dialog = claire.page.getByTestId('export-dialog');
    await dialog.getByTestId('signatories').locator('summary').click();
    await dialog.getByTestId('signatory-french-name-fr').fill('Hélène Dupont-Mercier');
    await dialog.getByTestId('signatory-french-office-fr').fill('Maire de Cannes');
    const other = hanako.page.getByTestId('export-dialog').first();
    await hanako.page.getByTestId('export-button').click();
    await other.waitFor({ state: 'visible' });
    await other.getByTestId('signatories').locator('summary').click();
    await expect.poll(() => other.getByTestId('signatory-french-name-fr').inputValue()).toBe('Hélène Dupont-Mercier');
    await other.getByTestId('signatory-french-name-ja').fill('エレーヌ・デュポン＝メルシエ');
    await expect.poll(() => dialog.getByTestId('signatory-french-name-ja').inputValue()).toBe('エレーヌ・デュポン＝メルシエ');
  });

  it('speaks Japanese to the Japanese committee, and fits a phone', async () => {
    const dialog = hanako.page.getByTestId('export-dialog');
    expect(await hanako.page.getByTestId('export-button').innerText()).toBe('書き出し');
    expect(await dialog.locator('h2').innerText()).toBe('宣言の書き出し');
    const text = await dialog.innerText();
    for (const label of ['形式', '印刷用ページ', 'フランス語', '日本語', '対訳（左右に並べる）', '現在の本文', '採択本文', '署名欄']) expect(text).toContain(label);
    await hanako.page.screenshot({ path: artifactPath('export-menu-ja-1440.png') });
    for (const [person, lang] of [
      [hanako, 'ja'],
      [claire, 'fr'],
    ] as const) {
      await person.page.setViewportSize({ width: 390, height: 844 });
      // Neither the page nor the menu scrolls sideways (regression: the header's action row made
      // its nowrap the menu's, and the Japanese note ran 650 px wide).
      expect(await noHorizontalScroll(person.page)).toBe(true);
      const dialogFits = await person.page.getByTestId('export-dialog').evaluate((d) => d.scrollWidth <= d.clientWidth);
      expect(dialogFits).toBe(true);
      const box = await person.page.getByTestId('export-dialog').boundingBox();
      expect(box!.x).toBeGreaterThanOrEqual(0);
      expect(box!.x + box!.width).toBeLessThanOrEqual(390);
      await person.page.screenshot({ path: artifactPath(`export-menu-${lang}-390.png`) });
      await person.page.setViewportSize({ width: 1440, height: 900 });
    }
  });

  it('downloads the PDF in French, Japanese and side by side through the menu; page 1 of each is saved to look at', async () => {
    for (const lang of ['fr', 'ja', 'bilingual'] as const) {
      const { name, bytes } = await downloadThroughMenu(claire.page, 'pdf', lang);
      expect(name).toBe(`Déclaration-de-Cannes-${lang}-projet.pdf`);
      expect(Buffer.from(bytes.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
      const text = pdfText(bytes).replace(/\s+/g, '');
      if (lang !== 'ja') expect(text).toContain('Préambule');
      if (lang !== 'fr') expect(text).toContain('前文');
      pdfFirstPagePng(bytes, artifactPath(`export-menu-pdf-${lang}-page1.png`));
    }
    await claire.page.getByTestId('export-dialog').getByRole('button', { name: 'Fermer' }).click();
  }, 180_000);

  it('exports a version from the history, and opens the print view by its address', async () => {
    const saved = await postJson(`${suite.accord.url}/api/declarations/${id}/versions`, { label: 'Envoyée à la plénière' });
    expect(saved.status).toBe(201);
    await hanako.page.getByTestId('export-dialog').getByRole('button', { name: '閉じる' }).click();
    await hanako.page.getByTestId('history-button').click();
    const item = hanako.page.getByTestId('version-item').filter({ hasText: 'Envoyée à la plénière' });
    await item.getByTestId('export-version').click();
    const dialog = hanako.page.getByTestId('export-dialog').last();
    await expect.poll(() => dialog.locator('h2').innerText()).toBe('書き出し：Envoyée à la plénière');
    expect(await dialog.getByTestId('export-version-current').count()).toBe(0);
    await dialog.getByTestId('export-format-html').check();
    await dialog.getByTestId('export-lang-ja').check();
    const [popup] = await Promise.all([hanako.page.waitForEvent('popup'), dialog.getByTestId('export-open-print').click()]);
    await popup.waitForLoadState();
    expect(new URL(popup.url()).pathname).toBe(`/d/${id}/print`);
    expect(new URL(popup.url()).searchParams.get('version')).toBe((saved.body as { id: string }).id);
    const frame = popup.frameLocator('[data-testid="print-frame"]');
    await expect.poll(() => frame.locator('h1').first().innerText()).toBe('カンヌ宣言');
    expect(await frame.locator('html').getAttribute('lang')).toBe('ja');
    await popup.setViewportSize({ width: 1440, height: 900 });
    await popup.screenshot({ path: artifactPath('export-print-view-ja-1440.png') });
    await popup.getByTestId('print-lang-bilingual').click();
    await expect.poll(() => frame.locator('table.bilingual').count()).toBeGreaterThan(0);
    await popup.setViewportSize({ width: 390, height: 844 });
    expect(await noHorizontalScroll(popup)).toBe(true);
    await popup.screenshot({ path: artifactPath('export-print-view-bilingual-390.png') });
    await popup.close();
  });

  it('X7: « Inclure les commentaires » puts the threads in the print view; unchecked, none are there; the box speaks Japanese too', async () => {
    // Hanako comments on a Japanese passage of the theme, through the talk panel.
    for (const open of await hanako.page.getByTestId('export-dialog').all()) {
      if (await open.isVisible()) await open.getByRole('button', { name: '閉じる' }).click();
    }
    await selectStart(hanako.page, 'theme', 'ja', 4);
    if ((await hanako.page.getByTestId('talk-panel').count()) === 0) await hanako.page.getByTestId('talk-button').click();
    await hanako.page.getByTestId('talk-start-comment').click();
    await hanako.page.getByTestId('talk-comment').fill('この訳語で合っていますか？');
    await hanako.page.getByTestId('talk-comment').press('Enter');
    await hanako.page.getByTestId('talk-thread').first().waitFor();

    const dialog = await openMenu(claire.page);
    const box = dialog.getByTestId('export-comments');
    expect(await box.isChecked()).toBe(false);
    expect(await dialog.innerText()).toContain('Inclure les commentaires');
    await dialog.getByTestId('export-format-html').check();
    await dialog.getByTestId('export-lang-bilingual').check();
    const printOf = async () => {
      const [popup] = await Promise.all([claire.page.waitForEvent('popup'), dialog.getByTestId('export-open-print').click()]);
      await popup.waitForLoadState();
      const frame = popup.frameLocator('[data-testid="print-frame"]');
      await frame.locator('h1').first().waitFor();
      return { popup, frame };
    };
    const without = await printOf();
    expect(await without.frame.locator('.comment-notes').count()).toBe(0);
    await without.popup.close();

    await box.check();
    for (const [w, h] of [[1440, 900], [390, 844]] as const) {
      await claire.page.setViewportSize({ width: w, height: h });
      await dialog.getByTestId('export-comments').scrollIntoViewIfNeeded();
      if (w === 390) expect(await dialog.evaluate((d) => d.scrollWidth <= d.clientWidth)).toBe(true);
      await claire.page.screenshot({ path: artifactPath(`export-comments-menu-fr-${w}.png`) });
    }
    await claire.page.setViewportSize({ width: 1440, height: 900 });
    const withComments = await printOf();
    expect(new URL(withComments.popup.url()).searchParams.get('comments')).toBe('1');
    const notes = withComments.frame.locator('.comment-notes');
    await notes.first().waitFor();
    expect(await notes.first().innerText()).toContain('この訳語で合っていますか？');
    expect(await withComments.frame.locator('mark.commented').count()).toBeGreaterThan(0);
    await withComments.frame.locator('mark.commented').first().scrollIntoViewIfNeeded();
    await withComments.popup.setViewportSize({ width: 1440, height: 900 });
    await withComments.popup.screenshot({ path: artifactPath('export-comments-print-bilingual-1440.png') });
    // The language buttons keep the comments.
    await withComments.popup.getByTestId('print-lang-ja').click();
    await expect.poll(() => withComments.frame.locator('html').getAttribute('lang')).toBe('ja');
    await withComments.frame.locator('.comment-notes').first().waitFor();
    await withComments.frame.locator('mark.commented').first().scrollIntoViewIfNeeded();
    await withComments.popup.setViewportSize({ width: 390, height: 844 });
    expect(await noHorizontalScroll(withComments.popup)).toBe(true);
    await withComments.popup.screenshot({ path: artifactPath('export-comments-print-ja-390.png') });
    await withComments.popup.close();
    await dialog.getByRole('button', { name: 'Fermer' }).click();

    const other = hanako.page.getByTestId('export-dialog').first();
    await hanako.page.getByTestId('export-button').click();
    await other.waitFor({ state: 'visible' });
    expect(await other.innerText()).toContain('コメントを含める');
    await other.getByTestId('export-comments').check();
    for (const [w, h] of [[1440, 900], [390, 844]] as const) {
      await hanako.page.setViewportSize({ width: w, height: h });
      await other.getByTestId('export-comments').scrollIntoViewIfNeeded();
      await hanako.page.screenshot({ path: artifactPath(`export-comments-menu-ja-${w}.png`) });
    }
    await hanako.page.setViewportSize({ width: 1440, height: 900 });
  });
});
