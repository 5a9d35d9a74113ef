/**
 * Roles, section permissions and the approval workflow in Debian's Chromium
 * (docs/access-and-workflow.md): an administrator signs in with the token and creates the
 * declaration; a rapporteur joins through an invitation and writes only the workshop entrusted to
 * them (a change forced past the interface is refused and discarded, 4403); both committees
 * validate; the mayor's office sends it back, then approves every section and adopts; the text is
 * frozen for everyone until the administrator reopens it; members and the audit log.
 *
 * Every person has a browser context of their own (a cookie jar, an IndexedDB), as on separate
 * devices. Screenshots of each new screen, in French and in Japanese, go to tests/artifacts/.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { getJson } from '../support/api';
import { artifactPath } from '../support/browser';
import { CLAIRE, HANAKO, caretAtEnd, editorOf as editor, inviteLink, joinThroughInvite, openAs, type Person, serverText, shownText, waitForEditor, type Who, switchUi, painted } from '../support/editorPage';
import { browserSuite } from '../support/browserSuite';

const KENJI: Who = { name: '田中 健二', color: '#0f7b6c', ui: 'ja', locale: 'ja-JP', role: 'rapporteur', sections: ['workshop-1'] };
const JULIE: Who = { name: 'Julie Roux', color: '#8e44ad', ui: 'fr', locale: 'fr-FR', role: 'mayor-office' };

browserSuite('roles, permissions and the approval workflow in the browser', (suite) => {
  let id: string;
  let admin: Person;
  let kenji: Person;
  let claire: Person;
  let hanako: Person;
  let julie: Person;

  /** A context like openAs's, without signing in: the page a visitor without a session sees. */
  async function newVisitor(ui: 'fr' | 'ja', locale: string): Promise<{ context: BrowserContext; page: Page }> {
    const context = await suite.browser.newContext({ locale, viewport: { width: 1440, height: 900 } });
    await context.addInitScript((lang) => {
      if (localStorage.getItem('accord.uiLanguage') === null) localStorage.setItem('accord.uiLanguage', lang);
    }, ui);
    const page = await context.newPage();
    page.on('pageerror', (error) => {
      throw error;
    });
    return { context, page };
  }

  /** Two frames: the new language and any scroll are painted before the picture is taken. */

  async function scrollToTop(page: Page): Promise<void> {
    await page.evaluate(() => window.scrollTo({ top: 0, behavior: 'instant' }));
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBe(0);
  }

  /** The current screen in French and in Japanese, then back to `back`. */
  async function screenshots(page: Page, name: string, back: 'fr' | 'ja'): Promise<void> {
    for (const lang of ['fr', 'ja'] as const) {
      await switchUi(page, lang);
      await painted(page);
      await page.screenshot({ path: artifactPath(`workflow-${name}-${lang}.png`) });
    }
    await switchUi(page, back);
  }

  /**
   * A modal dialog in French and in Japanese: the language switcher is behind the dialog, so it is
   * opened (by `open`) once per language and closed with Escape, then opened for real in `back`.
   */
  async function dialogScreenshots(page: Page, name: string, back: 'fr' | 'ja', open: () => Promise<void>): Promise<void> {
    for (const lang of ['fr', 'ja'] as const) {
      await switchUi(page, lang);
      await open();
      await painted(page);
      await page.screenshot({ path: artifactPath(`workflow-${name}-${lang}.png`) });
      await page.keyboard.press('Escape');
      await expect.poll(() => page.locator('dialog[open]').count()).toBe(0);
    }
    await switchUi(page, back);
    await open();
  }

  const state = (page: Page, sectionId: string) => page.getByTestId(`state-${sectionId}`).getAttribute('data-state');
  const editable = (page: Page, sectionId: string, lang: 'fr' | 'ja' = 'fr') => editor(page, sectionId, lang).getAttribute('contenteditable');

  /** A workflow action through the REST API, with the person's own session cookie. */
  /** A dialog listing open problems: they are listed, and the step waits for the box to be ticked. */
  async function confirmDespiteProblems(page: Page, testId: string): Promise<void> {
    const dialog = page.getByTestId(testId);
    await dialog.waitFor();
    expect(Number(await dialog.getByTestId(`${testId}-problems`).getAttribute('data-count'))).toBeGreaterThan(0);
    await dialog.getByTestId(`${testId}-acknowledge`).check();
    await dialog.getByTestId(`${testId}-confirm`).click();
    await expect.poll(() => dialog.isVisible()).toBe(false);
  }

  async function act(person: Person, sectionId: string, action: string, comment?: string): Promise<void> {
    const response = await person.context.request.post(`${suite.accord.url}/api/declarations/${id}/sections/${sectionId}/actions`, {
      data: comment === undefined ? { action } : { action, comment },
    });
    expect(response.status(), await response.text()).toBe(200);
  }

  async function sectionIds(): Promise<string[]> {
    const { body } = await getJson(`${suite.accord.url}/api/declarations/${id}`);
    return (body as { sections: { id: string }[] }).sections.map((s) => s.id);
  }

  it('explains calmly to a visitor without a session, and lets the administrator sign in with the token and create the declaration', async () => {
    const visitor = await newVisitor('fr', 'fr-FR');
    await visitor.page.goto(`${suite.accord.url}/`);
    await visitor.page.getByTestId('sign-in-needed').waitFor();
    expect(await visitor.page.locator('h1').innerText()).toBe('Ouvrez Accord depuis votre invitation');
    await screenshots(visitor.page, 'no-session', 'fr');
    await visitor.context.close();

    const { context, page } = await newVisitor('fr', 'fr-FR');
    // The token in the address fills the field and leaves the address at once.
    await page.goto(`${suite.accord.url}/admin#${suite.accord.adminToken}`);
    await page.getByTestId('admin-sign-in').waitFor();
    await expect.poll(() => page.evaluate(() => location.hash)).toBe('');
    expect(await page.getByTestId('admin-token').inputValue()).toBe(suite.accord.adminToken);
    await page.getByTestId('admin-name').fill('Sophie Admin');
    await screenshots(page, 'admin-sign-in', 'fr');
    // A wrong token is said in words.
    await page.getByTestId('admin-token').fill('not-the-token');
    await page.getByTestId('admin-sign-in-submit').click();
    await expect.poll(() => page.getByTestId('admin-sign-in-error').innerText()).toBe('Ce n’est pas le jeton d’administration.');
    await page.getByTestId('admin-token').fill(suite.accord.adminToken);
    await page.getByTestId('admin-sign-in-submit').click();

    // Home, as administrator: the form to create a declaration.
    await page.getByTestId('new-declaration-form').waitFor();
    await page.getByTestId('new-title-fr').fill('Déclaration de Cannes');
    await page.getByTestId('new-title-ja').fill('カンヌ宣言');
    await page.getByTestId('create-declaration').click();
    await page.waitForURL(/\/d\/[^/]+$/);
    await waitForEditor(page);
    id = new URL(page.url()).pathname.split('/')[2]!;
    expect(await page.getByTestId('my-role').getAttribute('data-role')).toBe('admin');
    await page.getByTestId('members-link').waitFor();
    admin = { context, page };
  });

  it('lets a rapporteur join through an invitation and write only the workshop entrusted to them', async () => {
    const token = await inviteLink(suite.accord.url, id, KENJI);
    const { context, page } = await newVisitor('ja', 'ja-JP');
    // Before joining, the declaration's address explains how to get in; a wrong link says it is wrong.
    await page.goto(`${suite.accord.url}/d/${id}`);
    await page.getByTestId('sign-in-needed').waitFor();
    await page.goto(`${suite.accord.url}/join#not-a-real-invitation`);
    await expect.poll(() => page.getByTestId('invite-problem').getAttribute('data-problem')).toBe('unknown');
    await page.goto(`${suite.accord.url}/join#${token}`);
    await page.getByTestId('invite-card').waitFor();
    expect(await page.getByTestId('invite-card').innerText()).toContain('報告者');
    expect(await page.getByTestId('invite-card').innerText()).toContain('分科会一');
    await page.getByTestId('join-name').fill(KENJI.name);
    await screenshots(page, 'join', 'ja');
    await joinThroughInvite(page, suite.accord.url, token, KENJI.name);
    await waitForEditor(page);
    kenji = { context, page };
    // The invitation admitted Kenji; someone else opening the same link is told it is used (A17).
    const other = await newVisitor('fr', 'fr-FR');
    await other.page.goto(`${suite.accord.url}/join#${token}`);
    await expect.poll(() => other.page.getByTestId('invite-problem').getAttribute('data-problem')).toBe('used');
    expect(await other.page.getByTestId('invite-problem').innerText()).toContain('Cette invitation a déjà servi');
    await other.context.close();

    // They land on their workshop, marked as theirs in the outline (issue 18).
    expect(new URL(page.url()).hash).toBe('#section-workshop-1');
    await expect.poll(() => page.getByTestId('section-workshop-1').evaluate((row) => Math.abs(row.getBoundingClientRect().top) < innerHeight / 2)).toBe(true);
    expect(await page.getByTestId('outline-mine-workshop-1').innerText()).toBe('担当セクション');
    expect(await page.getByTestId('outline-mine-workshop-2').count()).toBe(0);

    // Their workshop is writable; the next one is locked, with the reason on it.
    expect(await editable(page, 'workshop-1', 'fr')).toBe('true');
    expect(await editable(page, 'workshop-1', 'ja')).toBe('true');
    expect(await editable(page, 'workshop-2', 'fr')).toBe('false');
    expect(await editable(page, 'workshop-2', 'ja')).toBe('false');
    expect(await page.getByTestId('lock-workshop-1').count()).toBe(0);
    const lock = page.getByTestId('lock-workshop-2');
    expect(await lock.getAttribute('data-reason')).toBe('otherSection');
    expect(await lock.innerText()).toBe('閲覧のみ：このセクションはあなたの担当ではありません。');
    // Titles are the committees' to change, even of one's own section.
    expect(await page.getByTestId('section-title-workshop-1-fr').getAttribute('readonly')).not.toBeNull();

    await caretAtEnd(page, 'workshop-1', 'ja');
    await page.keyboard.type('報告者による追記。');
    await expect.poll(() => serverText(suite.accord.url, id, 'workshop-1', 'ja')).toContain('報告者による追記。');

    // Typing into the locked workshop changes nothing, here or on the server.
    const before = await shownText(page, 'workshop-2', 'fr');
    await editor(page, 'workshop-2', 'fr').locator('p').first().click();
    await page.keyboard.type('interdit');
    expect(await shownText(page, 'workshop-2', 'fr')).toBe(before);
    expect(await serverText(suite.accord.url, id, 'workshop-2', 'fr')).not.toContain('interdit');

    // Submit is offered on their workshop only.
    expect(await page.getByTestId('action-submit-workshop-2').count()).toBe(0);
    await page.getByTestId('section-workshop-1').scrollIntoViewIfNeeded();
    await screenshots(page, 'rapporteur', 'ja');
    // Submitting asks first, then says what happened (issue 18).
    await page.getByTestId('action-submit-workshop-1').click();
    await page.getByTestId('submit-dialog-workshop-1-confirm').click();
    await expect.poll(() => page.getByTestId('action-done-workshop-1').innerText()).toBe('提出しました。両委員会が承認できるようになりました。');
    await expect.poll(() => state(page, 'workshop-1')).toBe('submitted');
    await expect.poll(() => page.getByTestId('outline-state-workshop-1').getAttribute('data-state')).toBe('submitted');
  });

  it('discards a change the server refuses (4403), memory and offline copy, and reloads the server’s text', async () => {
    const page = kenji.page;
    // Past the interface: a transaction dispatched straight into the locked editor's view.
    await editor(page, 'workshop-2', 'fr').evaluate((dom) => {
      type View = { state: { tr: { insertText(text: string, at: number): unknown } }; dispatch(tr: unknown): void };
      const view = (dom as HTMLElement & { editor: { view: View } }).editor.view;
      view.dispatch(view.state.tr.insertText('FORCÉ ', 1));
    });
    const problem = page.getByTestId('sync-problem');
    await expect.poll(() => problem.getAttribute('data-problem')).toBe('forbiddenWrite');
    await waitForEditor(page);
    await expect.poll(() => shownText(page, 'workshop-2', 'fr')).not.toContain('FORCÉ');
    expect(await shownText(page, 'workshop-1', 'ja')).toContain('報告者による追記。');
    await screenshots(page, 'refused', 'ja');
    await page.getByTestId('dismiss-problem').click();
    await expect.poll(() => problem.count()).toBe(0);
    // Nothing of it was kept on this device: a reload does not bring it back (nor resend it).
    await page.reload();
    await waitForEditor(page);
    expect(await shownText(page, 'workshop-2', 'fr')).not.toContain('FORCÉ');
    expect(await page.getByTestId('sync-problem').count()).toBe(0);
    expect(await serverText(suite.accord.url, id, 'workshop-2', 'fr')).not.toContain('FORCÉ');
  });

  it('shows both committees’ validations live to everyone', async () => {
    claire = await openAs(suite.browser, suite.accord.url, id, CLAIRE);
    hanako = await openAs(suite.browser, suite.accord.url, id, HANAKO);
    expect(await editable(claire.page, 'workshop-2')).toBe('true');
    await claire.page.getByTestId('action-validate-workshop-1').click();
    // The rapporteur's addition left a passage « à revoir »: the committee is told, with the list, and confirms (#18).
    await confirmDespiteProblems(claire.page, 'validate-dialog-workshop-1');
    const frChip = hanako.page.getByTestId('workflow-workshop-1').locator('.validation-chip[data-side="fr"]');
    await expect.poll(() => frChip.getAttribute('data-validated')).toBe('true');
    expect(await state(hanako.page, 'workshop-1')).toBe('submitted');
    // One validation per committee: the French one is done.
    expect(await claire.page.getByTestId('action-validate-workshop-1').count()).toBe(0);
    await hanako.page.getByTestId('section-workshop-1').scrollIntoViewIfNeeded();
    await hanako.page.screenshot({ path: artifactPath('workflow-validation-ja.png') });
    await hanako.page.getByTestId('action-validate-workshop-1').click();
    await confirmDespiteProblems(hanako.page, 'validate-dialog-workshop-1');
    for (const page of [claire.page, hanako.page, kenji.page]) await expect.poll(() => state(page, 'workshop-1')).toBe('validated');
  });

  it('lets the mayor’s office send a section back with a comment, which its rapporteur reads before submitting again', async () => {
    julie = await openAs(suite.browser, suite.accord.url, id, JULIE);
    const page = julie.page;
    expect(await page.getByTestId('page-lock').innerText()).toContain('Cabinet du maire');
    expect(await editable(page, 'preamble')).toBe('false');
    await page.getByTestId('section-workshop-1').scrollIntoViewIfNeeded();
    await dialogScreenshots(page, 'send-back', 'fr', async () => {
      await page.getByTestId('action-send-back-workshop-1').click();
      await page.getByTestId('send-back-dialog-workshop-1').waitFor();
      await page.getByTestId('send-back-dialog-workshop-1-comment').fill('Préciser le calendrier des échanges de jeunes.');
    });
    await page.getByTestId('send-back-dialog-workshop-1-confirm').click();
    await expect.poll(() => state(kenji.page, 'workshop-1')).toBe('draft');
    const comment = kenji.page.getByTestId('sent-back-workshop-1');
    await expect.poll(() => comment.innerText()).toContain('Préciser le calendrier des échanges de jeunes.');
    expect(await comment.innerText()).toContain(JULIE.name);
    await kenji.page.getByTestId('section-workshop-1').scrollIntoViewIfNeeded();
    await screenshots(kenji.page, 'sent-back', 'ja');

    await caretAtEnd(kenji.page, 'workshop-1', 'fr');
    await kenji.page.keyboard.type(' Calendrier : chaque printemps.');
    await expect.poll(() => serverText(suite.accord.url, id, 'workshop-1', 'fr')).toContain('chaque printemps');
    await kenji.page.getByTestId('action-submit-workshop-1').click();
    await kenji.page.getByTestId('submit-dialog-workshop-1-confirm').click();
    await expect.poll(() => state(page, 'workshop-1')).toBe('submitted');
    await act(claire, 'workshop-1', 'validate');
    await act(hanako, 'workshop-1', 'validate');
    await expect.poll(() => state(page, 'workshop-1')).toBe('validated');
    // The rapporteur, who may still edit, is told beforehand that an edit drops both validations.
    await expect.poll(() => kenji.page.getByTestId('validations-caution-workshop-1').innerText()).toContain('両委員会がこの本文を承認済みです');
    await page.getByTestId('action-approve-workshop-1').click();
    for (const p of [page, kenji.page, claire.page]) await expect.poll(() => state(p, 'workshop-1')).toBe('approved');
  });

  it('marks an approved section “changed since approval” as soon as its text changes', async () => {
    await caretAtEnd(claire.page, 'workshop-1', 'fr');
    await claire.page.keyboard.type(' Ajout après approbation.');
    const badge = julie.page.getByTestId('state-workshop-1');
    await expect.poll(() => badge.getAttribute('data-changed-since')).toBe('approval');
    expect(await badge.getAttribute('data-state')).toBe('submitted');
    expect(await badge.innerText()).toContain('modifiée depuis l’approbation');
    await expect.poll(() => julie.page.getByTestId('outline-state-workshop-1').getAttribute('data-changed-since')).toBe('approval');
    // The committees validate the new text, the mayor's office approves it again.
    await act(claire, 'workshop-1', 'validate');
    await act(hanako, 'workshop-1', 'validate');
    await expect.poll(() => state(julie.page, 'workshop-1')).toBe('validated');
    await act(julie, 'workshop-1', 'approve');
    await expect.poll(() => state(julie.page, 'workshop-1')).toBe('approved');
  });

  it('lets the mayor’s office adopt once every section is approved, and then nobody can write', async () => {
    for (const sectionId of (await sectionIds()).filter((s) => s !== 'workshop-1')) {
      await act(claire, sectionId, 'submit');
      await act(claire, sectionId, 'validate');
      await act(hanako, sectionId, 'validate');
      if (sectionId !== 'closing') await act(julie, sectionId, 'approve');
    }
    const page = julie.page;
    await page.getByTestId('progress-button').click();
    await page.getByTestId('progress-panel').waitFor();
    const counts = page.getByTestId('progress-counts');
    await expect.poll(() => counts.locator('[data-state="approved"]').getAttribute('data-count')).toBe(String((await sectionIds()).length - 1));
    expect(await counts.locator('[data-state="validated"]').getAttribute('data-count')).toBe('1');
    expect(await page.getByTestId('adoptable-banner').count()).toBe(0);
    await screenshots(page, 'progress', 'fr');

    await page.getByTestId('section-closing').scrollIntoViewIfNeeded();
    await page.getByTestId('action-approve-closing').click();
    const ready = page.getByTestId('adoptable-banner');
    await ready.waitFor();
    await scrollToTop(page);
    await screenshots(page, 'adoptable', 'fr');
    await dialogScreenshots(page, 'adopt-dialog', 'fr', async () => {
      await ready.getByTestId('adopt-button').click();
      await page.getByTestId('adopt-dialog').waitFor();
    });
    // Passages are still « à revoir » (nobody confirmed the additions): listed, and confirmed explicitly (#18).
    expect(await page.getByTestId('adopt-dialog-confirm').isDisabled()).toBe(true);
    await confirmDespiteProblems(page, 'adopt-dialog');

    for (const p of [claire.page, hanako.page, kenji.page, page]) await p.getByTestId('adopted-banner').waitFor();
    // Frozen: every editor and title read-only, for the committees too; typing changes nothing.
    await expect.poll(() => editable(claire.page, 'preamble')).toBe('false');
    expect(await claire.page.locator('.ProseMirror[contenteditable="true"]').count()).toBe(0);
    expect(await claire.page.getByTestId('section-title-preamble-fr').getAttribute('readonly')).not.toBeNull();
    const before = await shownText(claire.page, 'preamble', 'fr');
    await editor(claire.page, 'preamble', 'fr').locator('p').first().click();
    // Letters only: a space in a page without a caret scrolls it, which would only move the screenshot below.
    await claire.page.keyboard.type('apresadoption');
    expect(await shownText(claire.page, 'preamble', 'fr')).toBe(before);
    expect(await serverText(suite.accord.url, id, 'preamble', 'fr')).not.toContain('apresadoption');
    // The server refuses workflow actions too (A10).
    const refused = await claire.context.request.post(`${suite.accord.url}/api/declarations/${id}/sections/preamble/actions`, { data: { action: 'send-back', comment: 'x' } });
    expect(refused.status()).toBe(409);
    // The adopted version is in the history.
    const { body } = await getJson(`${suite.accord.url}/api/declarations/${id}/versions`);
    expect((body as { versions: { kind: string }[] }).versions.map((v) => v.kind)).toContain('adopted');
    await scrollToTop(claire.page);
    await screenshots(claire.page, 'adopted', 'fr');
    // Named in each reader's language on the timeline (issue 18): not « Adoptée » for everyone.
    await hanako.page.getByTestId('history-button').click();
    const adoptedItem = hanako.page.getByTestId('version-item').first();
    await expect.poll(() => adoptedItem.locator('.timeline__title').innerText()).toBe('採択済み');
    await hanako.page.screenshot({ path: artifactPath('workflow-adopted-history-ja.png') });
    await hanako.page.getByTestId('history-button').click();
  });

  it('lets an administrator reopen it, with a reason, and the committees write again', async () => {
    const page = admin.page;
    await page.getByTestId('adopted-banner').waitFor();
    await dialogScreenshots(page, 'reopen', 'fr', async () => {
      await page.getByTestId('reopen-button').click();
      await page.getByTestId('reopen-dialog').waitFor();
      await page.getByTestId('reopen-dialog-comment').fill('Coquille dans le préambule signalée par la délégation japonaise.');
    });
    await page.getByTestId('reopen-dialog-confirm').click();
    for (const p of [claire.page, hanako.page, page]) await expect.poll(() => p.getByTestId('adopted-banner').count()).toBe(0);
    await expect.poll(() => editable(claire.page, 'preamble')).toBe('true');
    await caretAtEnd(claire.page, 'preamble', 'fr');
    await claire.page.keyboard.type(' Rouvert.');
    await expect.poll(() => serverText(suite.accord.url, id, 'preamble', 'fr')).toContain('Rouvert.');
    // Approvals stay bound to their text: the preamble changed, the others are still approved.
    await expect.poll(() => state(julie.page, 'preamble')).toBe('submitted');
    expect(await state(julie.page, 'conclusion')).toBe('approved');
  });

  it('shows the administrator the members, makes an invitation, revokes a member at once, and keeps the audit log', async () => {
    const page = admin.page;
    await page.getByTestId('members-link').click();
    await page.getByTestId('members-page').waitFor();
    const table = page.getByTestId('member-table');
    await table.waitFor();
    for (const who of [CLAIRE, HANAKO, KENJI, JULIE]) expect(await table.innerText()).toContain(who.name);

    // Who used which invitation (A17): each member's, and each invitation's uses.
    expect(await table.locator('tr', { hasText: KENJI.name }).locator('td[data-invite-id]').count()).toBe(1);
    await page.getByTestId('invite-role').selectOption('rapporteur');
    await page.getByTestId('invite-sections').locator('input[data-section-id="workshop-2"]').check();
    await page.getByTestId('invite-label').fill('Rapporteur de l’atelier 2, Kyoto');
    await page.getByTestId('invite-reusable').check();
    await page.getByTestId('invite-max-uses').fill('3');
    await page.getByTestId('create-invite').click();
    await expect.poll(() => page.getByTestId('invite-url').inputValue()).toContain('/join#');
    await expect.poll(() => page.getByTestId('invite-table').locator('tr[data-status="active"]').count()).toBeGreaterThan(0);
    const made = page.getByTestId('invite-table').locator('tr', { hasText: 'Rapporteur de l’atelier 2, Kyoto' });
    expect(await made.getByTestId('invite-uses').innerText()).toContain('0 sur 3');
    const spent = page.getByTestId('invite-table').locator('tr[data-status="used"]');
    expect(await spent.count()).toBeGreaterThan(0);
    expect(await page.getByTestId('invite-table').innerText()).toContain(KENJI.name);
    await screenshots(page, 'members', 'fr');

    // Revoking closes the rapporteur's connection at once (4401): their page says so.
    await table.locator('tr', { hasText: KENJI.name }).getByTestId('revoke-member').click();
    await page.getByTestId('revoke-member-dialog').waitFor();
    await page.getByTestId('revoke-member-dialog-confirm').click();
    await expect.poll(() => table.locator('tr', { hasText: KENJI.name }).getAttribute('data-revoked')).toBe('true');
    await expect.poll(() => kenji.page.getByTestId('sync-problem').getAttribute('data-problem')).toBe('revoked');
    expect(await editable(kenji.page, 'workshop-1')).toBe('false');
    await scrollToTop(kenji.page);
    await screenshots(kenji.page, 'revoked', 'ja');

    await page.getByTestId('audit-tab').click();
    const audit = page.getByTestId('audit-table');
    await audit.waitFor();
    // The log is paged (25 a page, newest first): read every page.
    const actions: Array<string | null> = [];
    let text = '';
    for (;;) {
      text += await audit.innerText();
      actions.push(...(await audit.locator('tbody tr').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-action')))));
      const older = page.getByTestId('audit-older');
      if ((await older.count()) === 0 || (await older.isDisabled())) break;
      const shown = await page.getByTestId('audit-page-number').innerText();
      await older.click();
      await expect.poll(() => page.getByTestId('audit-page-number').innerText()).not.toBe(shown);
    }
    for (const action of ['join', 'invite', 'submit', 'validate', 'approve', 'send-back', 'adopt', 'reopen', 'write-refused', 'member-revoked']) {
      expect(actions, action).toContain(action);
    }
    expect(text).toContain('Coquille dans le préambule');
    await screenshots(page, 'audit', 'fr');
  });
});
