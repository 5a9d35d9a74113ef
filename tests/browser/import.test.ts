/**
 * Importing a declaration in Debian's Chromium (docs/import.md): a French committee member brings
 * in the Shizuoka declaration in French (Markdown) and a Japanese text that lacks one paragraph's
 * translation and carries a note of its own instead, so the aligner pairs the note with the
 * French paragraph. She sees the pairs side by side, splits that pair, creates the declaration,
 * and finds it in the editor: the French paragraph alone, the note alone, the rest confirmed.
 * Screenshots of both screens in French and Japanese, at 1440×900 and 390×844.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { beforeAll, expect, it } from 'vitest';
import { createDeclarationViaApi, getJson } from '../support/api';
import { artifactPath } from '../support/browser';
import { CLAIRE, openAs, type Person, switchUi, painted } from '../support/editorPage';
import { browserSuite } from '../support/browserSuite';

const FR = readFileSync(fileURLToPath(new URL('../../../shared/seeds/002_08bef9b35709208c.txt', import.meta.url)), 'utf8');
const JA_FULL = readFileSync(fileURLToPath(new URL('../bench/fixtures/shizuoka-2024.ja.md', import.meta.url)), 'utf8');
const DROPPED = 'また、世界規模でのデジタル変革と脱炭素社会への移行により、我々は今、かつてない社会変革の時代を迎えている。';
const NOTE = 'なお、本段落の日本語訳は、日本側事務局の判断により、関係自治体との調整を経た上で、後日改めて公表することとした。';

browserSuite('importing a declaration in the browser', (suite) => {
  let claire: Person;
  const dir = mkdtempSync(join(tmpdir(), 'accord-import-'));
  const frFile = join(dir, 'shizuoka-2024.fr.md');
  const jaFile = join(dir, 'shizuoka-2024.ja.md');

  beforeAll(async () => {
    if (!JA_FULL.includes(DROPPED)) throw new Error('the fixture changed: the dropped paragraph is not in it');
    writeFileSync(frFile, FR);
    writeFileSync(jaFile, JA_FULL.replace(DROPPED, NOTE));
    // Claire is on the French committee of an existing declaration: that is what lets her import.
    claire = await openAs(suite.browser, suite.accord.url, await createDeclarationViaApi(suite.accord.url), CLAIRE);
  }, 180_000); // a first editor, on a machine the other suites load too (browserSuite's hook starts the server and browser)

  /** The page in French and Japanese, at a desktop's and a phone's size; nothing scrolls sideways. */
  async function screenshots(page: Page, name: string): Promise<void> {
    for (const [width, height] of [
      [1440, 900],
      [390, 844],
    ] as const) {
      await page.setViewportSize({ width, height });
      for (const lang of ['fr', 'ja'] as const) {
        await switchUi(page, lang);
        await painted(page);
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
        await page.screenshot({ path: artifactPath(`import-${name}-${lang}-${width}.png`) });
      }
    }
    await page.setViewportSize({ width: 1440, height: 900 });
    await switchUi(page, 'fr');
  }

  it('imports two files, lets a pair be fixed on the review screen, creates, and opens the editor', { timeout: 180_000 }, async () => {
    const { page } = claire;
    await page.goto(`${suite.accord.url}/`);
    await page.getByTestId('import-link').click();
    await page.getByTestId('import-file-fr').setInputFiles(frFile);
    await page.getByTestId('import-file-ja').setInputFiles(jaFile);
    await screenshots(page, 'files');
    await page.getByTestId('import-analyse').click();
    await page.getByTestId('import-summary').waitFor();
    await screenshots(page, 'review-top');

    const context = page.getByTestId('import-section').nth(1);
    await expect.poll(() => context.getByTestId('section-kind').inputValue()).toBe('context');
    // The aligner put the Japanese note opposite the paragraph whose translation is missing.
    const wrong = context.getByTestId('import-pair').filter({ hasText: 'Par ailleurs, avec la transformation numérique' });
    await expect.poll(() => wrong.textContent()).toContain(NOTE);
    await wrong.scrollIntoViewIfNeeded();
    await screenshots(page, 'review');

    await wrong.getByTestId('split-pair').click();
    const alone = context.getByTestId('import-pair').filter({ hasText: 'Par ailleurs, avec la transformation numérique' });
    await expect.poll(() => alone.textContent()).not.toContain(NOTE);
    await expect.poll(() => context.getByTestId('import-pair').filter({ hasText: NOTE }).textContent()).not.toContain('Par ailleurs');

    await page.getByTestId('import-create').click();
    await page.waitForURL(/\/d\/[^/]+$/);
    const id = decodeURIComponent(new URL(page.url()).pathname.split('/').pop()!);
    await page.getByTestId('connection-indicator').and(page.locator('[data-connection-status="connected"]')).waitFor();
    await expect.poll(() => page.getByTestId('editor-context-fr').textContent()).toContain('Par ailleurs, avec la transformation numérique');
    await expect.poll(() => page.getByTestId('editor-context-ja').textContent()).toContain(NOTE);
    // Paragraphs with superscript ordinals are shown, and stay on the server after the editor loaded them.
    await expect.poll(() => page.getByTestId('editor-context-fr').textContent()).toContain('Rencontres franco-japonaises de la coopération décentralisée tenues à Nancy');
    await expect.poll(() => page.getByTestId('editor-preamble-fr').textContent()).toContain('Nous, représentants');
    await page.screenshot({ path: artifactPath('import-editor-fr-1440.png') });

    const json = (await getJson(`${suite.accord.url}/api/declarations/${id}`)).body as { sections: Array<{ id: string; segments: Array<{ fr: string; ja: string }> }> };
    const segments = json.sections.find((s) => s.id === 'context')!.segments;
    expect(segments.find((s) => s.fr.startsWith('Par ailleurs'))?.ja).toBe('');
    expect(segments.filter((s) => s.fr === '' && s.ja !== NOTE)).toEqual([]);
    expect(segments.find((s) => s.ja === NOTE)?.fr).toBe('');
    expect(json.sections.map((s) => s.id)).toEqual(['preamble', 'context', 'theme', 'plenary', 'workshop', 'workshop-2', 'workshop-3', 'conclusion', 'closing']);
  });
});
