/**
 * Talking about the text in Debian's Chromium (issue 17, docs/access-and-workflow.md C1–C12):
 * a Japanese committee member comments on a Japanese passage and a French one sees it live and
 * replies; the mayor's office suggests a wording and a committee accepts it; a member leaves,
 * another edits, and the first comes back to exactly those changes. Screenshots in French and
 * Japanese at 1440×900 and 390×844 go to tests/artifacts/.
 */
import type { Page } from 'playwright-core';
import { beforeAll, expect, it } from 'vitest';
import { createDeclarationViaApi, getJson } from '../support/api';
import { artifactPath } from '../support/browser';
import { CLAIRE, HANAKO, caretAtEnd, editorOf, openAs, type Person, selectStart, serverText, shownText, waitForEditor, type Who, painted } from '../support/editorPage';
import { browserSuite } from '../support/browserSuite';

const JULIE: Who = { name: 'Julie Roux', color: '#8e44ad', ui: 'fr', locale: 'fr-FR', role: 'mayor-office' };

browserSuite('comments, suggestions and « since my last visit » in the browser', (suite) => {
  let id: string;
  let claire: Person;
  let hanako: Person;

  beforeAll(async () => {
    id = await createDeclarationViaApi(suite.accord.url, { fr: 'Déclaration de Cannes', ja: 'カンヌ宣言' });
    claire = await openAs(suite.browser, suite.accord.url, id, CLAIRE);
    hanako = await openAs(suite.browser, suite.accord.url, id, HANAKO);
  });


  /** Both sizes, in the page's own interface language; nothing may scroll sideways on a phone. */
  async function screenshots(page: Page, name: string): Promise<void> {
    for (const [w, h] of [[1440, 900], [390, 844]] as const) {
      await page.setViewportSize({ width: w, height: h });
      await painted(page);
      await page.screenshot({ path: artifactPath(`talk-${name}-${w}.png`) });
      // What this feature adds never reaches past a phone's width. (The header's own row of buttons
      // overflows at 390 px before this feature too: the phone-layout work, not this one.)
      if (w === 390) {
        const past = await page.evaluate(() =>
          Array.from(document.querySelectorAll('.talk-panel *, .visit-banner *, .compare-page .diff-row *')).filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1).map((e) => e.className),
        );
        expect(past).toEqual([]);
      }
    }
    await page.setViewportSize({ width: 1440, height: 900 });
  }

  async function openTalk(page: Page): Promise<void> {
    if ((await page.getByTestId('talk-panel').count()) === 0) await page.getByTestId('talk-button').click();
    await page.getByTestId('talk-panel').waitFor();
  }

  it('C1, C2, C12: Hanako comments on a Japanese passage; Claire sees it live, beside both texts, and replies; the Enter of an IME conversion does not send', async () => {
    await openTalk(claire.page);
    const jaText = await shownText(hanako.page, 'theme', 'ja');
    await selectStart(hanako.page, 'theme', 'ja', 4);
    await openTalk(hanako.page);
    await hanako.page.getByTestId('talk-start-comment').click();
    const box = hanako.page.getByTestId('talk-comment');
    await box.click();
    // An IME composition in the comment box; the Enter that confirms it must not send.
    const cdp = await hanako.context.newCDPSession(hanako.page);
    await cdp.send('Input.imeSetComposition', { text: 'しゅたい', selectionStart: 4, selectionEnd: 4 });
    await box.evaluate((element) => {
      element.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', code: 'Enter', keyCode: 229, isComposing: true, bubbles: true, cancelable: true }));
    });
    await cdp.send('Input.insertText', { text: '「主体」はフランス語で何と訳しますか？' });
    await cdp.detach();
    await painted(hanako.page);
    expect(await box.inputValue()).toBe('「主体」はフランス語で何と訳しますか？');
    expect(await claire.page.getByTestId('talk-thread').count()).toBe(0);
    await box.press('Enter');

    const thread = claire.page.getByTestId('talk-thread').first();
    await thread.waitFor();
    await expect.poll(() => thread.locator('.talk-card__quote').textContent()).toBe(jaText.slice(0, 4));
    await expect.poll(() => thread.getByTestId('talk-message').first().textContent()).toContain('「主体」はフランス語で何と訳しますか？');
    // Beside both columns: the French twin of the Japanese passage is in the card too.
    expect(await thread.getByTestId('talk-twin-fr').textContent()).toContain((await shownText(claire.page, 'theme', 'fr')).split('\n')[0]!.slice(0, 20));
    await thread.getByTestId('talk-reply').fill('Nous avons écrit « acteurs ». Qu’en pensez-vous ?');
    await thread.getByTestId('talk-reply-send').click();
    await expect.poll(() => hanako.page.getByTestId('talk-thread').first().getByTestId('talk-message').count()).toBe(2);
    await expect.poll(() => hanako.page.getByTestId('talk-unread').textContent()).toBe('1');
    await screenshots(claire.page, 'thread-fr');
    await screenshots(hanako.page, 'thread-ja');
  });

  it('C3: Hanako edits her own message in place; Claire sees the new text live, marked « modifié »; neither may edit the other’s', async () => {
    const mine = hanako.page.getByTestId('talk-thread').first().getByTestId('talk-message');
    const theirs = claire.page.getByTestId('talk-thread').first().getByTestId('talk-message');
    await expect.poll(() => theirs.count()).toBe(2);
    // Each sees « edit » on their own message only: Hanako on the first, Claire on her reply.
    expect(await mine.nth(0).getByTestId('talk-message-edit').count()).toBe(1);
    expect(await mine.nth(1).getByTestId('talk-message-edit').count()).toBe(0);
    expect(await theirs.nth(0).getByTestId('talk-message-edit').count()).toBe(0);
    expect(await theirs.nth(1).getByTestId('talk-message-edit').count()).toBe(1);

    await mine.nth(0).getByTestId('talk-message-edit').click();
    const box = mine.nth(0).getByTestId('talk-edit');
    expect(await box.inputValue()).toBe('「主体」はフランス語で何と訳しますか？');
    const edited = '「主体」と「アクター」、どちらの訳がよいでしょうか？';
    await box.fill(edited);
    await screenshots(hanako.page, 'edit-ja');
    await mine.nth(0).getByTestId('talk-edit-send').click();
    await expect.poll(() => theirs.nth(0).getByTestId('talk-message-body').textContent()).toBe(edited);
    await theirs.nth(0).getByTestId('talk-message-edited').waitFor();
    expect(await theirs.nth(0).getByTestId('talk-message-edited').textContent()).toContain('modifié');
    await expect.poll(() => mine.nth(0).getByTestId('talk-message-edited').textContent()).toContain('編集済み');
    expect(await mine.nth(0).getByTestId('talk-edit').count()).toBe(0);
    // The reply was not edited and says nothing of the kind.
    expect(await theirs.nth(1).getByTestId('talk-message-edited').count()).toBe(0);
    await screenshots(claire.page, 'edited-fr');
  });

  it('C6–C8: the mayor’s office suggests a wording; Claire accepts it and the text changes', async () => {
    const julie = await openAs(suite.browser, suite.accord.url, id, JULIE);
    try {
      const before = await serverText(suite.accord.url, id, 'plenary', 'fr');
      const first = before.split('\n')[0]!;
      // A real selection with the mouse: the mayor's office reads the text, it does not write it.
      await editorOf(julie.page, 'plenary', 'fr').locator('p').first().dblclick();
      await openTalk(julie.page);
      await julie.page.getByTestId('talk-start-suggestion').click();
      const proposed = `${first} Avec le soutien de la ville hôte.`;
      await julie.page.getByTestId('talk-suggest-text').fill(proposed);
      await julie.page.getByTestId('talk-suggest-comment').fill('La ville souhaite être citée.');
      await julie.page.locator('.talk-new ins').first().waitFor();
      await screenshots(julie.page, 'suggest-fr');
      await julie.page.getByTestId('talk-suggest-send').click();
      await julie.page.getByTestId('talk-suggestion').first().waitFor();
      expect(await julie.page.getByTestId('talk-accept').count()).toBe(0);

      const card = claire.page.getByTestId('talk-suggestion').first();
      await card.waitFor();
      expect(await card.locator('ins').first().textContent()).toContain('Avec le soutien de la ville hôte.');
      await screenshots(hanako.page, 'suggestion-ja');
      await card.getByTestId('talk-accept').click();
      await expect.poll(() => serverText(suite.accord.url, id, 'plenary', 'fr')).toBe(before.replace(first, proposed));
      await expect.poll(async () => (await shownText(hanako.page, 'plenary', 'fr')).split('\n')[0]).toBe(proposed);
      await expect.poll(() => julie.page.getByTestId('talk-unread').textContent()).toBe('1');
      await expect.poll(() => hanako.page.locator('[data-testid="talk-suggestion"][data-status="accepted"]').count()).toBe(0);
    } finally {
      await julie.context.close();
    }
  });

  it('C9–C10: Hanako leaves, Claire edits, Hanako returns and sees exactly those changes, FR and JA side by side', async () => {
    const visit = () => hanako.page.evaluate(async (declaration) => (await (await fetch(`/api/declarations/${declaration}/visit`)).json()) as { since: unknown; changedSids: string[] }, id);
    await hanako.page.goto(`${suite.accord.url}/`);
    await expect.poll(async () => (await visit()).since).not.toBeNull();
    await caretAtEnd(claire.page, 'context', 'ja');
    await claire.page.keyboard.type('（追記）');
    await caretAtEnd(claire.page, 'closing', 'fr');
    await claire.page.keyboard.type(' Ajouté pendant son absence.');
    await expect.poll(() => serverText(suite.accord.url, id, 'closing', 'fr')).toContain('Ajouté pendant son absence.');
    await expect.poll(() => serverText(suite.accord.url, id, 'context', 'ja')).toContain('（追記）');
    const json = (await getJson(`${suite.accord.url}/api/declarations/${id}`)).body as { sections: { id: string; segments: { sid: string; fr: string; ja: string }[] }[] };
    const sidWith = (sectionId: string, lang: 'fr' | 'ja', text: string) => json.sections.find((s) => s.id === sectionId)!.segments.find((g) => g[lang].includes(text))!.sid;
    const expected = new Set([sidWith('context', 'ja', '（追記）'), sidWith('closing', 'fr', 'Ajouté pendant son absence.')]);

    await hanako.page.goto(`${suite.accord.url}/d/${id}`);
    await waitForEditor(hanako.page);
    const banner = hanako.page.getByTestId('visit-banner');
    await banner.waitFor();
    expect(await banner.getAttribute('data-changed')).toBe('2');
    // Marked in the text, in both columns, until seen.
    for (const sid of expected) expect(await hanako.page.getByTestId('talk-marks').textContent()).toContain(sid);
    await screenshots(hanako.page, 'visit-ja');
    await banner.getByTestId('visit-open').click();
    await hanako.page.getByTestId('compare-page').waitFor();
    await hanako.page.getByTestId('diff-row').first().waitFor();
    const rows = await hanako.page.getByTestId('diff-row').evaluateAll((els) => els.map((e) => e.getAttribute('data-sid')));
    expect(new Set(rows)).toEqual(expected);
    await screenshots(hanako.page, 'visit-compare-ja');
    await hanako.page.goBack();
    await waitForEditor(hanako.page);
    await hanako.page.getByTestId('visit-seen').click();
    await expect.poll(() => hanako.page.getByTestId('visit-banner').count()).toBe(0);
    await expect.poll(async () => (await visit()).changedSids).toEqual([]);
  });
});
