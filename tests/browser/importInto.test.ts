/**
 * Adding the Japanese text to an existing French declaration in Debian's Chromium
 * (docs/import.md, I5–I8): the declaration was imported in French only; Hanako, of the Japanese
 * committee, brings the Japanese file, whose translation of one paragraph is replaced by a note,
 * so the aligner pairs the note with that French paragraph. She separates the pair, adds the
 * text, and finds it in the editor — while Claire, whose editor is open on the declaration, sees
 * the Japanese appear live, her French untouched. Screenshots of the screens in French and
 * Japanese, at 1440×900 and 390×844.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { beforeAll, expect, it } from 'vitest';
import { getJson, postJson } from '../support/api';
import { artifactPath } from '../support/browser';
import { CLAIRE, HANAKO, openAs, type Person, switchUi, painted } from '../support/editorPage';
import { browserSuite } from '../support/browserSuite';

const FR = readFileSync(fileURLToPath(new URL('../../../shared/seeds/002_08bef9b35709208c.txt', import.meta.url)), 'utf8');
const JA_FULL = readFileSync(fileURLToPath(new URL('../bench/fixtures/shizuoka-2024.ja.md', import.meta.url)), 'utf8');
const DROPPED = 'また、世界規模でのデジタル変革と脱炭素社会への移行により、我々は今、かつてない社会変革の時代を迎えている。';
const NOTE = 'なお、本段落の日本語訳は、日本側事務局の判断により、関係自治体との調整を経た上で、後日改めて公表することとした。';
const FR_PARAGRAPH = 'Par ailleurs, avec la transformation numérique';
const JA_FIRST = '2008年にナンシーで開催された';

type Json = { sections: Array<{ id: string; segments: Array<{ sid: string; fr: string; ja: string }> }> };

browserSuite('adding the Japanese text to a French declaration in the browser', (suite) => {
  let claire: Person;
  let hanako: Person;
  let id: string;
  const dir = mkdtempSync(join(tmpdir(), 'accord-import-into-'));
  const jaFile = join(dir, 'shizuoka-2024.ja.md');

  beforeAll(async () => {
    if (!JA_FULL.includes(DROPPED)) throw new Error('the fixture changed: the dropped paragraph is not in it');
    writeFileSync(jaFile, JA_FULL.replace(DROPPED, NOTE));
    const made = await postJson(`${suite.accord.url}/api/declarations/import?commit=1`, { fr: { format: 'markdown', content: FR } });
    if (made.status !== 201) throw new Error(`French import failed: ${made.status}`);
    id = (made.body as { id: string }).id;
    claire = await openAs(suite.browser, suite.accord.url, id, CLAIRE);
    hanako = await openAs(suite.browser, suite.accord.url, id, HANAKO);
  }, 180_000); // two editors, on a machine the other suites load too (browserSuite's hook starts the server and browser)

  /** The page in French and Japanese, at a desktop's and a phone's size; nothing scrolls sideways. */
  async function screenshots(page: Page, name: string, back: 'fr' | 'ja'): Promise<void> {
    for (const [width, height] of [
      [1440, 900],
      [390, 844],
    ] as const) {
      await page.setViewportSize({ width, height });
      for (const lang of ['fr', 'ja'] as const) {
        await switchUi(page, lang);
        await painted(page);
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
        await page.screenshot({ path: artifactPath(`import-into-${name}-${lang}-${width}.png`) });
      }
    }
    await page.setViewportSize({ width: 1440, height: 900 });
    await switchUi(page, back);
  }

  it('imports a Japanese file into the French declaration, fixes a pair, adds it, and both editors show it', { timeout: 180_000 }, async () => {
    const before = (await getJson(`${suite.accord.url}/api/declarations/${id}`)).body as Json;
    expect(before.sections.every((s) => s.segments.every((g) => g.ja === ''))).toBe(true);
    const { page } = hanako;
    // From the declaration itself: the import page opens set to add a text to it.
    await page.getByTestId('import-into-link').click();
    await expect.poll(() => page.getByTestId('import-target-into').isChecked()).toBe(true);
    await expect.poll(() => page.getByTestId('import-target-declaration').inputValue()).toBe(id);
    await page.getByTestId('import-file-ja').setInputFiles(jaFile);
    await screenshots(page, 'files', 'ja');
    await page.getByTestId('import-analyse').click();
    await page.getByTestId('import-summary').waitFor();
    await expect.poll(() => page.getByTestId('import-into').textContent()).toContain('Shizuoka');
    await screenshots(page, 'review-top', 'ja');

    const context = page.getByTestId('import-section').nth(1);
    // The declaration's own kinds are kept: shown, not to be changed here.
    await expect.poll(() => context.getByTestId('section-kind').isDisabled()).toBe(true);
    const wrong = context.getByTestId('import-pair').filter({ hasText: FR_PARAGRAPH });
    await expect.poll(() => wrong.textContent()).toContain(NOTE);
    await wrong.scrollIntoViewIfNeeded();
    await screenshots(page, 'review', 'ja');

    await wrong.getByTestId('split-pair').click();
    const alone = context.getByTestId('import-pair').filter({ hasText: FR_PARAGRAPH });
    await expect.poll(() => alone.textContent()).not.toContain(NOTE);
    await expect.poll(() => context.getByTestId('import-pair').filter({ hasText: NOTE }).textContent()).not.toContain('Par ailleurs');

    await page.getByTestId('import-create').click();
    await page.waitForURL(new RegExp(`/d/${id}$`));
    await page.getByTestId('connection-indicator').and(page.locator('[data-connection-status="connected"]')).waitFor();
    await expect.poll(() => page.getByTestId('editor-context-ja').textContent()).toContain(JA_FIRST);
    await expect.poll(() => page.getByTestId('editor-context-ja').textContent()).toContain(NOTE);
    await page.screenshot({ path: artifactPath('import-into-editor-ja-1440.png') });
    // Claire never reloaded: the Japanese reached her editor live, beside her French.
    await expect.poll(() => claire.page.getByTestId('editor-context-ja').textContent()).toContain(JA_FIRST);
    await expect.poll(() => claire.page.getByTestId('editor-context-fr').textContent()).toContain(FR_PARAGRAPH);
    await claire.page.screenshot({ path: artifactPath('import-into-editor-fr-1440.png') });

    const json = (await getJson(`${suite.accord.url}/api/declarations/${id}`)).body as Json;
    expect(json.sections.map((s) => s.segments.map((g) => g.fr).filter((t) => t !== ''))).toEqual(before.sections.map((s) => s.segments.map((g) => g.fr).filter((t) => t !== '')));
    const segments = json.sections.find((s) => s.id === 'context')!.segments;
    expect(segments.find((s) => s.fr.startsWith('Par ailleurs'))?.ja).toBe('');
    expect(segments.find((s) => s.ja === NOTE)?.fr).toBe('');
    expect(segments.find((s) => s.fr.startsWith('Depuis les 1'))?.ja.startsWith(JA_FIRST)).toBe(true);
  });
});
