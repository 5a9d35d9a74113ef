/**
 * The administrator changes a member's role on the members page, without revoking her (A3): at
 * 1440 px a committee member becomes an observer and her open page stops being editable at once;
 * at 390 px she becomes the rapporteur of one workshop and may write it again. Screenshots of the
 * control in French and Japanese at both widths.
 */
import type { Page } from 'playwright-core';
import { beforeAll, expect, it } from 'vitest';
import { createDeclarationViaApi } from '../support/api';
import { artifactPath } from '../support/browser';
import { CLAIRE, editorOf, openAs, type Person } from '../support/editorPage';
import { browserSuite } from '../support/browserSuite';

browserSuite('changing a member’s role in the browser', (suite) => {
  let id: string;
  let admin: Page;
  let claire: Person;

  beforeAll(async () => {
    id = await createDeclarationViaApi(suite.accord.url, { fr: 'Déclaration de Cannes', ja: 'カンヌ宣言' });
    claire = await openAs(suite.browser, suite.accord.url, id, CLAIRE);
    const context = await suite.browser.newContext({ locale: 'fr-FR', viewport: { width: 1440, height: 900 } });
    await context.addInitScript(() => localStorage.setItem('accord.uiLanguage', localStorage.getItem('accord.uiLanguage') ?? 'fr'));
    // The administrator's browser session, as the sign-in page makes it (its cookie lands in this context).
    const signedIn = await context.request.post(`${suite.accord.url}/api/session`, { data: { adminToken: suite.accord.adminToken, name: 'Sophie Admin', language: 'fr' } });
    expect(signedIn.status()).toBe(201);
    admin = await context.newPage();
    admin.on('pageerror', (error) => {
      throw error;
    });
  });

  const editable = (page: Page, sectionId: string) => editorOf(page, sectionId, 'fr').getAttribute('contenteditable');
  const claireRow = () => admin.getByTestId('member-table').locator('tr', { hasText: CLAIRE.name });

  async function setUi(page: Page, lang: 'fr' | 'ja'): Promise<void> {
    await page.evaluate((l) => localStorage.setItem('accord.uiLanguage', l), lang);
    await page.reload();
    await page.getByTestId('member-table').waitFor();
  }

  /** The dialog for Claire, open, in `lang`, photographed. */
  async function dialogShot(lang: 'fr' | 'ja', width: number): Promise<void> {
    await setUi(admin, lang);
    await claireRow().getByTestId('change-role').click();
    await admin.getByTestId('role-dialog').waitFor();
    await admin.screenshot({ path: artifactPath(`member-role-dialog-${lang}-${width}.png`) });
    await admin.keyboard.press('Escape');
    await expect.poll(() => admin.locator('dialog[open]').count()).toBe(0);
  }

  it('at 1440 px: a committee member made observer can no longer write, at once, without a new invitation', async () => {
    await admin.goto(`${suite.accord.url}/d/${id}/members`);
    await admin.getByTestId('member-table').waitFor();
    expect(await editable(claire.page, 'theme')).toBe('true');
    await admin.screenshot({ path: artifactPath('member-role-table-fr-1440.png') });
    await dialogShot('ja', 1440);
    await dialogShot('fr', 1440);

    await claireRow().getByTestId('change-role').click();
    const dialog = admin.getByTestId('role-dialog');
    expect(await dialog.getByTestId('role-dialog-role').inputValue()).toBe('committee-fr');
    await dialog.getByTestId('role-dialog-role').selectOption('observer');
    await dialog.getByTestId('role-dialog-confirm').click();
    await expect.poll(() => dialog.isVisible()).toBe(false);
    await expect.poll(() => claireRow().locator('.role-chip').innerText()).toBe('Observateur');
    // Not revoked: still in the table as a member with access.
    expect(await claireRow().getAttribute('data-revoked')).toBe('false');

    // Her open page: told, and read-only, without reloading.
    await expect.poll(() => claire.page.getByTestId('sync-problem').getAttribute('data-problem')).toBe('roleChanged');
    await expect.poll(() => editable(claire.page, 'theme')).toBe('false');
    await expect.poll(() => claire.page.getByTestId('connection-indicator').getAttribute('data-connection-status')).toBe('connected');
    await claire.page.screenshot({ path: artifactPath('member-role-changed-notice-fr-1440.png') });
  });

  it('at 390 px: the control is in reach, and an observer made rapporteur of a workshop writes it', async () => {
    await admin.setViewportSize({ width: 390, height: 844 });
    await setUi(admin, 'fr');
    expect(await admin.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    const button = claireRow().getByTestId('change-role');
    const box = await button.boundingBox();
    expect(box).not.toBeNull();
    expect(box!.x + box!.width).toBeLessThanOrEqual(390);
    await admin.screenshot({ path: artifactPath('member-role-table-fr-390.png') });
    await dialogShot('ja', 390);
    await dialogShot('fr', 390);

    await button.click();
    const dialog = admin.getByTestId('role-dialog');
    await dialog.getByTestId('role-dialog-role').selectOption('rapporteur');
    // A rapporteur without a workshop is refused before anything is sent.
    await dialog.getByTestId('role-dialog-confirm').click();
    await expect.poll(() => dialog.locator('[role="alert"]').innerText()).toContain('au moins une section');
    await dialog.getByTestId('role-dialog-sections').locator('input[data-section-id="workshop-1"]').check();
    expect(await admin.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await dialog.getByTestId('role-dialog-confirm').click();
    await expect.poll(() => dialog.isVisible()).toBe(false);
    await expect.poll(() => claireRow().locator('.role-chip').innerText()).toBe('Rapporteur');
    expect(await claireRow().innerText()).toContain('Atelier 1');

    await expect.poll(() => editable(claire.page, 'workshop-1')).toBe('true');
    expect(await editable(claire.page, 'theme')).toBe('false');
  });
});
