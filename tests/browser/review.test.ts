/**
 * The Relecture panel in Debian's Chromium (docs/review-checks.md): a committee member types a
 * wrong figure in the Japanese text and the finding appears — on their page and, live, on the other
 * committee's — with a marker on the passage; a click goes to the passage; « not an error » with a
 * reason is seen by everyone and survives a reload; reopened, then corrected, the finding goes. The
 * panel in French, Japanese and English; the validation warning of #18; screenshots at 1440×900 and
 * 390×844 in French and Japanese under tests/artifacts/.
 */
import type { Page } from 'playwright-core';
import { beforeAll, expect, it } from 'vitest';
import { createDeclarationViaApi, getJson } from '../support/api';
import { artifactPath } from '../support/browser';
import { CLAIRE, caretAtEnd, editorOf, HANAKO, openAs, type Person, serverText, switchUi, painted } from '../support/editorPage';
import { browserSuite } from '../support/browserSuite';

browserSuite('the review panel in the browser', (suite) => {
  let id: string;
  let claire: Person;
  let hanako: Person;

  beforeAll(async () => {
    id = await createDeclarationViaApi(suite.accord.url, { fr: 'Déclaration de Cannes', ja: 'カンヌ宣言' });
    claire = await openAs(suite.browser, suite.accord.url, id, CLAIRE);
    hanako = await openAs(suite.browser, suite.accord.url, id, HANAKO);
  });

  const numberFindings = (page: Page) => page.getByTestId('review-section-workshop-1').locator('[data-testid="review-finding"][data-rule="numbers"]');
  const openPanel = async (page: Page) => {
    if ((await page.getByTestId('review-panel').count()) === 0) await page.getByTestId('review-button').click();
    await page.getByTestId('review-panel').waitFor();
  };

  it('shows a wrong figure typed in Japanese as it is typed, on both committees’ pages, with a marker on the passage', async () => {
    await openPanel(hanako.page);
    await openPanel(claire.page);
    await expect.poll(() => hanako.page.getByTestId('review-summary').getAttribute('data-open')).toBe('0');
    await caretAtEnd(hanako.page, 'workshop-1', 'fr');
    await hanako.page.keyboard.type(' Avec 35 collectivités.');
    await caretAtEnd(hanako.page, 'workshop-1', 'ja');
    await hanako.page.keyboard.type('36の自治体とともに。');
    await expect.poll(() => serverText(suite.accord.url, id, 'workshop-1', 'ja')).toContain('36の自治体とともに。');
    for (const page of [hanako.page, claire.page]) await expect.poll(() => numberFindings(page).count()).toBe(1);
    const finding = numberFindings(claire.page).first();
    // Polled: « 3 » alone already disagrees with « 35 », before the « 6 » arrives.
    await expect.poll(() => finding.innerText()).toContain('36');
    // The marker: the flagged passage is underlined on both sides, the others are not.
    const sid = await editorOf(hanako.page, 'workshop-1', 'ja').evaluate((dom) => {
      const blocks = Array.from(dom.querySelectorAll<HTMLElement>('[data-sid]'));
      return blocks.find((b) => b.textContent?.includes('36の自治体'))?.dataset.sid ?? '';
    });
    expect(sid).not.toBe('');
    const decoration = (page: Page, lang: 'fr' | 'ja', blockSid: string | null) =>
      editorOf(page, 'workshop-1', lang).evaluate(
        (dom, s) => getComputedStyle((s ? dom.querySelector(`[data-sid="${s}"]`) : dom.querySelector('[data-sid]')) as Element).textDecorationLine,
        blockSid,
      );
    await expect.poll(() => decoration(hanako.page, 'ja', sid)).toContain('underline');
    expect(await decoration(hanako.page, 'fr', sid)).toContain('underline');
    expect(await decoration(hanako.page, 'ja', null)).not.toContain('underline');

    // A click goes to the passage: the caret lands in the flagged block.
    await hanako.page.evaluate(() => window.scrollTo({ top: 0, behavior: 'instant' }));
    await numberFindings(hanako.page).first().locator('.review-finding__jump').click();
    // Where TipTap has the caret: in the flagged passage (French side, the pair disagrees).
    await expect
      .poll(() =>
        editorOf(hanako.page, 'workshop-1', 'fr').evaluate((dom) => {
          type Tiptap = { isFocused: boolean; state: { selection: { $from: { parent: { attrs: { sid?: string } } } } } };
          const tiptap = (dom as HTMLElement & { editor: Tiptap }).editor;
          return tiptap.isFocused ? (tiptap.state.selection.$from.parent.attrs.sid ?? null) : null;
        }),
      )
      .toBe(sid);

    for (const [page, lang] of [[claire.page, 'fr'], [hanako.page, 'ja']] as const) {
      for (const ui of ['fr', 'ja'] as const) {
        await switchUi(page, ui);
        await painted(page);
        await page.screenshot({ path: artifactPath(`review-panel-${ui}-1440.png`) });
      }
      await switchUi(page, lang);
    }
  });

  it('speaks French, Japanese and English', async () => {
    const page = claire.page;
    const heading = page.getByTestId('review-panel').locator('h2');
    const rule = numberFindings(page).first().locator('.review-finding__rule');
    for (const [ui, title, label] of [['fr', 'Relecture', 'Chiffres'], ['ja', '校閲', '数字'], ['en', 'Review', 'Figures']] as const) {
      await switchUi(page, ui);
      expect(await heading.innerText()).toBe(title);
      expect(await rule.innerText()).toContain(label);
      expect(await page.getByTestId('review-button').innerText()).toContain(title);
    }
    await switchUi(page, 'fr');
    expect(await numberFindings(page).first().locator('.review-finding__message').innerText()).toContain('Chiffres différents');
  });

  it('keeps « not an error » for everyone, with who and why, across a reload; reopened, it is a finding again', async () => {
    const finding = numberFindings(claire.page).first();
    await finding.getByTestId('review-dismiss').click();
    expect(await finding.getByTestId('review-dismiss-confirm').isDisabled()).toBe(true);
    await finding.getByTestId('review-reason').fill('Le texte japonais compte la commune associée.');
    await finding.getByTestId('review-dismiss-confirm').click();
    for (const page of [claire.page, hanako.page]) await expect.poll(() => numberFindings(page).count()).toBe(0);
    await hanako.page.reload();
    await hanako.page.getByTestId('review-button').waitFor();
    await openPanel(hanako.page);
    const dismissed = hanako.page.getByTestId('review-dismissed');
    await dismissed.locator('summary').click();
    const kept = dismissed.locator('[data-testid="review-finding"][data-rule="numbers"]');
    await expect.poll(() => kept.count()).toBe(1);
    expect(await kept.getByTestId('review-dismissal').innerText()).toContain('Claire Martin');
    expect(await kept.getByTestId('review-dismissal').innerText()).toContain('Le texte japonais compte la commune associée.');
    expect(await numberFindings(hanako.page).count()).toBe(0);
    await painted(hanako.page);
    await hanako.page.screenshot({ path: artifactPath('review-dismissed-ja-1440.png') });
    // Stored on the server, in the audit log too.
    const audit = (await getJson(`${suite.accord.url}/api/declarations/${id}/audit`)).body as { entries: Array<{ action: string }> };
    expect(audit.entries.map((e) => e.action)).toContain('check-dismissed');

    await kept.getByTestId('review-restore').click();
    for (const page of [claire.page, hanako.page]) await expect.poll(() => numberFindings(page).count()).toBe(1);
  });

  it('warns a committee validating a section with open problems, with the list', async () => {
    const submitted = await hanako.context.request.post(`${suite.accord.url}/api/declarations/${id}/sections/workshop-1/actions`, { data: { action: 'submit' } });
    expect(submitted.status()).toBe(200);
    const page = claire.page;
    await page.getByTestId('section-workshop-1').scrollIntoViewIfNeeded();
    const dialog = page.getByTestId('validate-dialog-workshop-1');
    for (const ui of ['fr', 'ja'] as const) {
      await switchUi(page, ui);
      await page.getByTestId('action-validate-workshop-1').click();
      await dialog.waitFor();
      await expect.poll(() => dialog.getByTestId('validate-dialog-workshop-1-problems').locator('li').count()).toBeGreaterThan(0);
      expect(await dialog.getByTestId('validate-dialog-workshop-1-confirm').isDisabled()).toBe(true);
      await painted(page);
      await page.screenshot({ path: artifactPath(`review-validate-dialog-${ui}-1440.png`) });
      await page.keyboard.press('Escape');
      await expect.poll(() => page.locator('dialog[open]').count()).toBe(0);
    }
    await switchUi(page, 'fr');
    // Nothing was validated by opening and closing the warning.
    const progress = (await getJson(`${suite.accord.url}/api/declarations/${id}/workflow`)).body as { sections: Array<{ id: string; validatedBy: string[] }> };
    expect(progress.sections.find((s) => s.id === 'workshop-1')?.validatedBy).toEqual([]);
  });

  it('lays the panel out on a phone (390×844), in French and Japanese', async () => {
    for (const [page, ui] of [[claire.page, 'fr'], [hanako.page, 'ja']] as const) {
      await page.setViewportSize({ width: 390, height: 844 });
      await openPanel(page);
      await painted(page);
      await page.screenshot({ path: artifactPath(`review-panel-${ui}-390.png`) });
      // The panel itself fits the screen.
      const box = await page.getByTestId('review-panel').boundingBox();
      expect(box && box.x >= 0 && box.x + box.width <= 390.5).toBe(true);
      await page.setViewportSize({ width: 1440, height: 900 });
    }
  });

  it('loses the finding once the figure is corrected in Japanese', async () => {
    const page = hanako.page;
    await caretAtEnd(page, 'workshop-1', 'ja');
    for (let i = 0; i < '6の自治体とともに。'.length; i++) await page.keyboard.press('Backspace');
    await page.keyboard.type('5の自治体とともに。');
    await expect.poll(() => serverText(suite.accord.url, id, 'workshop-1', 'ja')).toContain('35の自治体とともに。');
    for (const p of [hanako.page, claire.page]) await expect.poll(() => numberFindings(p).count()).toBe(0);
    expect(await page.getByTestId('review-marks').evaluate((style) => style.textContent)).not.toContain('numbers');
  });
});
