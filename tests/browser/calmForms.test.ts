/**
 * Small things that misled people (issue 18): the join page had two language controls that
 * disagreed and switched back after joining; the invite form kept showing the link made for the
 * previous role under a newly chosen one.
 */
import { beforeAll, expect, it } from 'vitest';
import { createDeclarationViaApi, joinAs } from '../support/api';
import { artifactPath } from '../support/browser';
import { inviteLink, waitForEditor } from '../support/editorPage';
import { adminContext } from '../support/screens';
import { browserSuite } from '../support/browserSuite';

browserSuite('join page and invite form', (suite) => {
  let id: string;

  beforeAll(async () => {
    id = await createDeclarationViaApi(suite.accord.url, { fr: 'Déclaration de Cannes', ja: 'カンヌ宣言' });
  });

  it('has one interface language on the join page, and keeps it after joining', async () => {
    // A Japanese browser: the page opens in Japanese, the person switches to French in the header.
    const context = await suite.browser.newContext({ locale: 'ja-JP' });
    try {
      const page = await context.newPage();
      await page.goto(`${suite.accord.url}/join#${await inviteLink(suite.accord.url, id, { role: 'committee-fr' })}`);
      await page.getByTestId('invite-card').waitFor();
      await page.getByTestId('language-switcher').locator('[data-lang="fr"]').click();
      // « Votre langue » follows: it is the same choice.
      await expect.poll(() => page.getByTestId('language-choice').locator('input[data-lang="fr"]').isChecked()).toBe(true);
      expect(await page.getByTestId('language-choice').locator('input[data-lang="ja"]').isChecked()).toBe(false);
      // And the other way round.
      await page.getByTestId('language-choice').locator('input[data-lang="en"]').check();
      await expect.poll(() => page.getByTestId('language-switcher').locator('[data-lang="en"]').getAttribute('aria-pressed')).toBe('true');
      await page.getByTestId('language-choice').locator('input[data-lang="fr"]').check();
      await page.getByTestId('join-name').fill('Claire Martin');
      await page.getByTestId('join-submit').click();
      await page.waitForURL(/\/d\/[^/]+$/);
      await waitForEditor(page);
      expect(await page.getByTestId('language-switcher').locator('[data-lang="fr"]').getAttribute('aria-pressed')).toBe('true');
      expect(await page.locator('html').getAttribute('lang')).toBe('fr');
      await page.reload();
      await waitForEditor(page);
      expect(await page.getByTestId('language-switcher').locator('[data-lang="fr"]').getAttribute('aria-pressed')).toBe('true');
    } finally {
      await context.close();
    }
  });

  it('drops the link made for the previous choices as soon as the role changes', async () => {
    const context = await adminContext(suite.browser, suite.accord.url, 'fr', 'desktop');
    try {
      const page = await context.newPage();
      await page.goto(`${suite.accord.url}/d/${id}/members`);
      await page.getByTestId('invite-form').waitFor();
      await page.getByTestId('invite-role').selectOption('committee-ja');
      await page.getByTestId('create-invite').click();
      await expect.poll(() => page.getByTestId('invite-url').inputValue()).toContain('/join#');
      await page.getByTestId('invite-role').selectOption('observer');
      await expect.poll(() => page.getByTestId('invite-link').count()).toBe(0);
      await page.getByTestId('create-invite').click();
      await expect.poll(() => page.getByTestId('invite-url').inputValue()).toContain('/join#');
      const link = await page.getByTestId('invite-url').inputValue();
      // The link on screen is the observer's: inspecting it says so.
      const inspected = await fetch(`${suite.accord.url}/api/invites/inspect`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ invite: link.split('#')[1] }),
      });
      expect(((await inspected.json()) as { role: string }).role).toBe('observer');
    } finally {
      await context.close();
    }
  });

  it('shows the audit log to the second, filtered by action, a page at a time', async () => {
    for (let i = 0; i < 30; i++) await inviteLink(suite.accord.url, id, { role: 'observer' });
    await joinAs(suite.accord.url, id, { role: 'observer', name: 'Observateur de passage' });
    const context = await adminContext(suite.browser, suite.accord.url, 'fr', 'desktop');
    try {
      const page = await context.newPage();
      await page.goto(`${suite.accord.url}/d/${id}/audit`);
      await page.getByTestId('audit-table').waitFor();
      expect(await page.locator('[data-testid="audit-table"] tbody tr').count()).toBe(25);
      expect(await page.getByTestId('audit-page-number').innerText()).toMatch(/^Page 1 sur \d+$/);
      // Seconds: « 2 décembre 2026 à 01:52:07 ».
      expect(await page.locator('[data-testid="audit-table"] tbody tr td').first().innerText()).toMatch(/\d{2}:\d{2}:\d{2}/);
      await page.getByTestId('audit-filter-action').selectOption('join');
      await expect.poll(() => page.locator('[data-testid="audit-table"] tbody tr').count()).toBeLessThan(25);
      expect(new Set(await page.locator('[data-testid="audit-table"] tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-action'))))).toEqual(new Set(['join']));
      expect(await page.getByTestId('audit-pager').count()).toBe(0);
      await page.getByTestId('audit-filter-action').selectOption('invite');
      await expect.poll(() => page.locator('[data-testid="audit-table"] tbody tr').count()).toBe(25);
      await page.getByTestId('audit-older').click();
      await expect.poll(() => page.locator('[data-testid="audit-table"] tbody tr').count()).toBeGreaterThan(0);
      const actions = await page.locator('[data-testid="audit-table"] tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-action')));
      expect(new Set(actions)).toEqual(new Set(['invite']));
      await page.screenshot({ path: artifactPath('screens/audit-filtered-fr-1440.png') });
    } finally {
      await context.close();
    }
  });
});
