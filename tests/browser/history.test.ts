/**
 * The history and the comparison as a committee member reads them (issue 18): an automatic version
 * says whose edits it holds and what it changed, the 8-character fingerprint is explained, the
 * comparison's pickers show the whole version name at 1440 and 390 px, and each section heading of
 * the comparison is in French and Japanese. Screenshots FR/JA at both widths.
 */
import type { Page } from 'playwright-core';
import { beforeAll, expect, it, vi } from 'vitest';
import { getJson, postJson } from '../support/api';
import { artifactPath } from '../support/browser';
import { caretAtEnd, claireAndHanako, type Person, serverText } from '../support/editorPage';
import { browserSuite } from '../support/browserSuite';

/** A realistic, long-ish name: what the « De » picker used to cut. */
const LABEL = 'Projet transmis aux délégations avant la plénière';

/** `expect.poll` is for tests, not hooks: vitest's own wait, on the server's answer, for `beforeAll`. */
const until = (check: () => Promise<boolean>) => vi.waitUntil(check, { timeout: 15_000, interval: 50 });

browserSuite('history and comparison in the browser', (suite) => {
  let id: string;
  let named: string;
  let claire: Person;
  let hanako: Person;

  beforeAll(async () => {
    ({ id, claire, hanako } = await claireAndHanako(suite.browser, suite.accord.url));
    named = ((await postJson(`${suite.accord.url}/api/declarations/${id}/versions`, { label: LABEL, author: 'Sophie Admin' })).body as { id: string }).id;
    // Two passages of two sections: the theme's French and Japanese are one passage.
    await caretAtEnd(claire.page, 'theme', 'fr');
    await claire.page.keyboard.type(' Ajout de Claire.');
    await caretAtEnd(claire.page, 'context', 'fr');
    await claire.page.keyboard.type(' Encore.');
    await caretAtEnd(hanako.page, 'theme', 'ja');
    await hanako.page.keyboard.type('花子の追加。');
    await until(async () => (await serverText(suite.accord.url, id, 'theme', 'ja')).includes('花子の追加。'));
    await until(async () => (await serverText(suite.accord.url, id, 'context', 'fr')).includes(' Encore.'));
    // A stopping server saves its pending automatic checkpoint (no state unreachable): one now.
    await suite.restart();
    // Back once y-websocket's backoff (up to 2.5 s) has run.
    for (const person of [claire, hanako]) {
      await person.page.getByTestId('connection-indicator').and(person.page.locator('[data-connection-status="connected"]')).waitFor({ timeout: 20_000 });
    }
  });

  const noSideScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

  async function openHistory(page: Page): Promise<void> {
    if (!(await page.getByTestId('history-panel').isVisible())) await page.getByTestId('history-button').click();
    await page.getByTestId('version-list').waitFor();
  }

  it('says who an automatic version holds the edits of and what it changed, and what the fingerprint is', async () => {
    for (const [person, lang] of [
      [claire, 'fr'],
      [hanako, 'ja'],
    ] as const) {
      await person.page.reload();
      await openHistory(person.page);
      const automatic = person.page.getByTestId('version-item').first();
      expect(await automatic.locator('.timeline__title').innerText()).toBe(lang === 'fr' ? 'Version automatique' : '自動保存');
      const byline = await automatic.getByTestId('version-byline').innerText();
      expect(byline).toContain('Claire Martin');
      expect(byline).toContain('佐藤 花子');
      expect(await automatic.getByTestId('version-changes').innerText()).toBe(lang === 'fr' ? '2 passages dans 2 sections' : '2セクションで2箇所を変更');
      // The named version says who saved it; the first version has nothing to count against.
      const first = person.page.getByTestId('version-item').filter({ hasText: LABEL });
      expect(await first.getByTestId('version-byline').innerText()).toContain('Sophie Admin');
      expect(await first.getByTestId('version-changes').count()).toBe(0);
      // The fingerprint: a tooltip on each, and a legend under the timeline.
      const hash = automatic.getByTestId('version-hash');
      expect(await hash.innerText()).toMatch(/^[0-9a-f]{8}$/);
      expect(await hash.getAttribute('title')).toContain(lang === 'fr' ? 'l’adoption est liée' : '採択は');
      const legend = person.page.getByTestId('hash-legend');
      // Its example is the newest version's own fingerprint.
      expect(await legend.innerText()).toContain(await hash.innerText());
      expect(await legend.innerText()).toContain(lang === 'fr' ? 'empreinte' : '指紋');
      await person.page.screenshot({ path: artifactPath(`history-${lang}-1440.png`) });
      await person.page.setViewportSize({ width: 390, height: 844 });
      await expect.poll(() => noSideScroll(person.page)).toBe(true);
      await person.page.getByTestId('hash-legend').scrollIntoViewIfNeeded();
      await person.page.getByTestId('version-item').first().scrollIntoViewIfNeeded();
      await person.page.screenshot({ path: artifactPath(`history-${lang}-390.png`) });
      await person.page.setViewportSize({ width: 1440, height: 900 });
    }
  });

  it('fits the pickers to the version names and titles each section of the comparison in both languages', async () => {
    const { body } = await getJson(`${suite.accord.url}/api/declarations/${id}`);
    const theme = (body as { sections: { id: string; title: { fr: string; ja: string } }[] }).sections.find((s) => s.id === 'theme')!;
    for (const [person, lang] of [
      [claire, 'fr'],
      [hanako, 'ja'],
    ] as const) {
      for (const width of [1440, 390]) {
        await person.page.setViewportSize({ width, height: width === 1440 ? 900 : 844 });
        await person.page.goto(`${suite.accord.url}/d/${id}/compare?from=${named}&to=current`);
        await person.page.getByTestId('diff-body').waitFor();
        // The chosen version's name and date are whole: in the select where it is wide enough,
        // and always in the caption under it.
        const from = person.page.getByTestId('compare-from');
        const fit = await from.evaluate((select: HTMLSelectElement) => {
          const style = getComputedStyle(select);
          const context = document.createElement('canvas').getContext('2d')!;
          context.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
          const text = select.options[select.selectedIndex]!.text;
          // The native arrow takes about 20 px on the right.
          const room = select.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) - 20;
          return { text, needed: context.measureText(text).width, room, right: select.getBoundingClientRect().right };
        });
        expect(fit.text).toContain(LABEL);
        if (width === 1440) expect(fit.needed, fit.text).toBeLessThanOrEqual(fit.room);
        expect(fit.right).toBeLessThanOrEqual(width);
        expect(await person.page.getByTestId('compare-from-caption').innerText()).toContain(LABEL);
        expect(await noSideScroll(person.page)).toBe(true);
        // Both titles, whatever the interface language.
        const heading = person.page.getByTestId('diff-section-theme').locator('.diff-section__title');
        expect(await heading.locator('[lang="fr"]').innerText()).toBe(theme.title.fr);
        expect(await heading.locator('[lang="ja"]').innerText()).toBe(theme.title.ja);
        await person.page.screenshot({ path: artifactPath(`compare-${lang}-${width}.png`) });
      }
      await person.page.setViewportSize({ width: 1440, height: 900 });
    }
  });
});
