import type { Browser, BrowserContext, Page } from 'playwright-core';
import { ADMIN_TOKEN } from './adminToken';
import { inviteLink } from './editorPage';
import { postJson } from './api';

/** The two sizes every screen is looked at in (issue 18): a laptop and a 390 px phone. */
export const VIEWPORTS = {
  desktop: { width: 1440, height: 900 },
  phone: { width: 390, height: 844 },
} as const;
export type ViewportName = keyof typeof VIEWPORTS;

/** A browser context signed in as the administrator, in interface language `ui`, at `viewport`. */
export async function adminContext(browser: Browser, baseUrl: string, ui: 'fr' | 'ja', viewport: ViewportName): Promise<BrowserContext> {
  const context = await browser.newContext({ locale: ui === 'fr' ? 'fr-FR' : 'ja-JP', viewport: VIEWPORTS[viewport], isMobile: viewport === 'phone', hasTouch: viewport === 'phone' });
  const { body } = await postJson(`${baseUrl}/api/session`, { adminToken: ADMIN_TOKEN, name: ui === 'fr' ? 'Mairie de Cannes' : '事務局', language: ui }, { token: null });
  await context.addCookies([{ name: 'accord_admin', value: (body as { token: string }).token, url: baseUrl }]);
  await context.addInitScript(([lang, user]) => {
    if (localStorage.getItem('accord.uiLanguage') === null) {
      localStorage.setItem('accord.uiLanguage', lang);
      localStorage.setItem('accord.user', user);
    }
  }, [ui, JSON.stringify({ name: ui === 'fr' ? 'Mairie de Cannes' : '事務局', color: '#6a4c93' })] as const);
  return context;
}

/** How far the page's content reaches beyond the viewport's width, in CSS pixels (0: it fits). */
export function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => Math.max(document.documentElement.scrollWidth, document.body.scrollWidth) - window.innerWidth);
}

/** Elements wider than the viewport or starting left of it: what makes a page scroll sideways. */
export function overflowingElements(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = window.innerWidth;
    const out: string[] = [];
    for (const element of Array.from(document.querySelectorAll<HTMLElement>('body *'))) {
      const box = element.getBoundingClientRect();
      if (box.width === 0 || (box.right <= width + 1 && box.left >= -1)) continue;
      // Only the outermost offender: its children follow it.
      if (element.parentElement && out.some((selector) => element.parentElement!.closest(selector))) continue;
      const name = `${element.tagName.toLowerCase()}${element.className && typeof element.className === 'string' ? `.${element.className.trim().split(/\s+/).join('.')}` : ''}`;
      out.push(name);
      if (out.length > 8) break;
    }
    return out;
  });
}

/** Whether `testId`'s element lies entirely within the viewport as the page is now. */
export function withinViewport(page: Page, testId: string): Promise<boolean> {
  return page.getByTestId(testId).first().evaluate((element) => {
    const box = element.getBoundingClientRect();
    return box.width > 0 && box.left >= 0 && box.top >= 0 && box.right <= window.innerWidth && box.bottom <= window.innerHeight;
  });
}

export { inviteLink };
