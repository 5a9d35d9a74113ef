/**
 * A visitor without a session (issue 18): the home page, the administrator's sign-in and a
 * declaration's address each ask the server once who the visitor is, then say what to do — no
 * burst of refused requests, and no WebSocket opened to a declaration the visitor may not read.
 */
import type { Page } from 'playwright-core';
import { beforeAll, expect, it } from 'vitest';
import { createDeclarationViaApi } from '../support/api';
import { CLAIRE, openAs } from '../support/editorPage';
import { browserSuite } from '../support/browserSuite';

browserSuite('a visitor without a session', (suite) => {
  let id: string;

  beforeAll(async () => {
    id = await createDeclarationViaApi(suite.accord.url);
  });

  async function visit(path: string, shown: (page: Page) => Promise<void>): Promise<{ refused: string[]; sockets: string[] }> {
    const context = await suite.browser.newContext({ locale: 'fr-FR' });
    try {
      const page = await context.newPage();
      const refused: string[] = [];
      const sockets: string[] = [];
      page.on('response', (response) => {
        if (response.status() === 401 || response.status() === 403) refused.push(new URL(response.url()).pathname);
      });
      page.on('websocket', (socket) => sockets.push(socket.url()));
      await page.goto(`${suite.accord.url}${path}`);
      await shown(page);
      // Whatever the page would do after showing its message (retries, reconnections) has had time
      // to start once the page has been idle on the network.
      await page.waitForLoadState('networkidle');
      return { refused, sockets };
    } finally {
      await context.close();
    }
  }

  it('the editor address asks once, shows how to get in, and opens no WebSocket', async () => {
    const { refused, sockets } = await visit(`/d/${id}`, (page) => page.getByTestId('sign-in-needed').waitFor());
    expect(sockets).toEqual([]);
    expect(refused).toEqual([`/api/declarations/${id}/me`]);
  });

  it('the home page and the sign-in page refuse nothing', async () => {
    for (const path of ['/', '/admin']) {
      const { refused, sockets } = await visit(path, (page) => page.locator('main').first().waitFor());
      expect(sockets, path).toEqual([]);
      expect(refused, path).toEqual([]);
    }
  });

  it('signs out from the editor: the cookie is gone, and the declaration asks for the invitation again', async () => {
    const claire = await openAs(suite.browser, suite.accord.url, id, CLAIRE);
    try {
      expect((await claire.context.cookies()).map((c) => c.name)).toContain(`accord_${id}`);
      await claire.page.getByTestId('sign-out').click();
      await claire.page.getByTestId('sign-in-needed').waitFor();
      expect(new URL(claire.page.url()).pathname).toBe('/');
      expect((await claire.context.cookies()).map((c) => c.name)).not.toContain(`accord_${id}`);
      await claire.page.goto(`${suite.accord.url}/d/${id}`);
      await claire.page.getByTestId('sign-in-needed').waitFor();
    } finally {
      await claire.context.close();
    }
  });
});
