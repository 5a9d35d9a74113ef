/**
 * Every screen at 1440×900 and on a 390×844 phone, in French and in Japanese (issue 18): a
 * screenshot of each under tests/artifacts/screens/ for people to look at, and the checks a phone
 * user needs — nothing scrolls sideways, and on the editor the save state stays in view, also
 * after scrolling down the declaration.
 */
import type { Page } from 'playwright-core';
import { beforeAll, expect, it } from 'vitest';
import { postJson } from '../support/api';
import { artifactPath } from '../support/browser';
import { demoDeclarationId } from '../support/firstVisit';
import { adminContext, horizontalOverflow, inviteLink, overflowingElements, VIEWPORTS, type ViewportName, withinViewport } from '../support/screens';
import { browserSuite } from '../support/browserSuite';

interface Screen {
  name: string;
  path(): string;
  /** Resolves once the screen shows what it is for. */
  ready(page: Page): Promise<void>;
  /** The screen shows the declaration's save state (the editor). */
  saveState?: boolean;
  /** Something to do before the screenshot (open a panel). */
  then?(page: Page): Promise<void>;
}

browserSuite('every screen, laptop and phone, French and Japanese', { demo: true }, (suite) => {
  let id: string;
  let versionId: string;
  const byTestId = (testId: string) => (page: Page) => page.getByTestId(testId).first().waitFor();
  const editorReady = (page: Page) => page.locator('[data-connection-status="connected"]').first().waitFor();

  const screens: Screen[] = [
    { name: 'home', path: () => '/', ready: (page) => page.locator('main').first().waitFor() },
    { name: 'admin-sign-in', path: () => '/admin', ready: (page) => page.locator('main').first().waitFor() },
    { name: 'editor', path: () => `/d/${id}`, ready: editorReady, saveState: true },
    { name: 'editor-progress', path: () => `/d/${id}`, ready: editorReady, saveState: true, then: async (page) => { await page.getByTestId('progress-button').click(); await byTestId('progress-panel')(page); } },
    { name: 'editor-history', path: () => `/d/${id}`, ready: editorReady, saveState: true, then: async (page) => { await page.getByTestId('history-button').click(); await byTestId('version-item')(page); } },
    { name: 'editor-review', path: () => `/d/${id}`, ready: editorReady, saveState: true, then: async (page) => { await page.getByTestId('review-button').click(); await byTestId('review-panel')(page); } },
    { name: 'editor-talk', path: () => `/d/${id}`, ready: editorReady, saveState: true, then: async (page) => { await page.getByTestId('talk-button').click(); await byTestId('talk-panel')(page); } },
    { name: 'editor-export', path: () => `/d/${id}`, ready: editorReady, then: async (page) => { await page.getByTestId('export-button').click(); await byTestId('export-dialog')(page); } },
    { name: 'print', path: () => `/d/${id}/print?lang=bilingual&version=current`, ready: (page) => page.frameLocator('[data-testid="print-frame"]').locator('h1').first().waitFor() },
    { name: 'import', path: () => '/import', ready: byTestId('import-analyse') },
    { name: 'members', path: () => `/d/${id}/members`, ready: (page) => page.locator('table').first().waitFor() },
    { name: 'audit', path: () => `/d/${id}/audit`, ready: (page) => page.locator('table').first().waitFor() },
    { name: 'compare', path: () => `/d/${id}/compare?from=${versionId}&to=current`, ready: byTestId('diff-body') },
    { name: 'version', path: () => `/d/${id}/v/${versionId}`, ready: byTestId('version-page') },
  ];

  beforeAll(async () => {
    id = await demoDeclarationId(suite.accord.url);
    const saved = await postJson(`${suite.accord.url}/api/declarations/${id}/versions`, { label: 'Projet transmis aux délégations' });
    versionId = (saved.body as { id: string }).id;
    // A few members, so the members table has rows and «Retirer» buttons.
    for (const role of ['committee-fr', 'committee-ja', 'observer']) await inviteLink(suite.accord.url, id, { role: role as 'observer' });
  });

  for (const ui of ['fr', 'ja'] as const) {
    for (const viewport of Object.keys(VIEWPORTS) as ViewportName[]) {
      it(`${ui} at ${VIEWPORTS[viewport].width} px`, async () => {
        const context = await adminContext(suite.browser, suite.accord.url, ui, viewport);
        const problems: string[] = [];
        try {
          const page = await context.newPage();
          const shoot = async (name: string) => page.screenshot({ path: artifactPath(`screens/${name}-${ui}-${VIEWPORTS[viewport].width}.png`) });
          for (const screen of screens) {
            await page.goto(`${suite.accord.url}${screen.path()}`);
            await screen.ready(page);
            await screen.then?.(page);
            await shoot(screen.name);
            const overflow = await horizontalOverflow(page);
            if (overflow > 0) problems.push(`${screen.name}: ${overflow} px too wide (${(await overflowingElements(page)).join(', ')})`);
            if (screen.saveState) {
              if (!(await withinViewport(page, 'connection-indicator'))) problems.push(`${screen.name}: save state out of view`);
              await page.mouse.wheel(0, 3000);
              await expect.poll(() => page.evaluate(() => scrollY)).toBeGreaterThan(0);
              if (!(await withinViewport(page, 'connection-indicator'))) problems.push(`${screen.name}: save state out of view after scrolling`);
            }
          }
          // The join page, through a fresh invitation (a context without the administrator's cookie).
          const invitee = await suite.browser.newContext({ locale: ui === 'fr' ? 'fr-FR' : 'ja-JP', viewport: VIEWPORTS[viewport] });
          await invitee.addInitScript((lang) => localStorage.setItem('accord.uiLanguage', lang), ui);
          const join = await invitee.newPage();
          await join.goto(`${suite.accord.url}/join#${await inviteLink(suite.accord.url, id, { role: 'rapporteur', sections: ['workshop-1'] })}`);
          await join.getByTestId('invite-card').waitFor();
          await join.screenshot({ path: artifactPath(`screens/join-${ui}-${VIEWPORTS[viewport].width}.png`) });
          const joinOverflow = await horizontalOverflow(join);
          if (joinOverflow > 0) problems.push(`join: ${joinOverflow} px too wide (${(await overflowingElements(join)).join(', ')})`);
          await invitee.close();
        } finally {
          await context.close();
        }
        expect(problems).toEqual([]);
      });
    }
  }
});
