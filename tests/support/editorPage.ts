import type { Role } from '@accord/permissions/roles';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { createDeclarationViaApi, getJson, postJson } from './api';

/** One participant: a browser context of their own (see tests/browser/editor.test.ts for why). */
export interface Person {
  context: BrowserContext;
  page: Page;
}

export interface Who {
  name: string;
  color: string;
  /** Interface language on the first visit. */
  ui: 'fr' | 'ja' | 'en';
  locale: string;
  /** The role they are invited with (A2). */
  role: Role;
  /** For a rapporteur, the sections entrusted to them. */
  sections?: string[];
}

/**
 * Opens a declaration as someone, the way people do: the administrator creates an invitation
 * (through the REST API), and the person opens its `/join#<token>` link, gives their name and
 * language, and lands in the editor with a session cookie. Resolves once the editor is connected.
 */
export async function openAs(browser: Browser, baseUrl: string, id: string, who: Who): Promise<Person> {
  const context = await browser.newContext({ locale: who.locale, viewport: { width: 1440, height: 900 } });
  await context.addInitScript(
    ([user, ui]) => {
      // Only on the first visit: later choices made in the page must survive reloads.
      if (localStorage.getItem('accord.user') === null) {
        localStorage.setItem('accord.user', user);
        localStorage.setItem('accord.uiLanguage', ui);
      }
    },
    [JSON.stringify({ name: who.name, color: who.color }), who.ui] as const,
  );
  const page = await context.newPage();
  page.on('pageerror', (error) => {
    throw error;
  });
  await joinThroughInvite(page, baseUrl, await inviteLink(baseUrl, id, who), who.name);
  await waitForEditor(page);
  return { context, page };
}

/** An invitation to `id` for `who`'s role, made by the administrator: its `/join#<token>` token. */
export async function inviteLink(baseUrl: string, id: string, who: Pick<Who, 'role' | 'sections'>): Promise<string> {
  const { status, body } = await postJson(`${baseUrl}/api/declarations/${id}/invites`, {
    role: who.role,
    ...(who.sections ? { sections: who.sections } : {}),
  });
  if (status !== 201) throw new Error(`invite failed: ${status} ${JSON.stringify(body)}`);
  return (body as { token: string }).token;
}

/** Opens the join page of an invitation, fills the name, joins; resolves on the editor's page. */
export async function joinThroughInvite(page: Page, baseUrl: string, token: string, name: string): Promise<void> {
  await page.goto(`${baseUrl}/join#${token}`);
  await page.getByTestId('invite-card').waitFor();
  await page.getByTestId('join-name').fill(name);
  await page.getByTestId('join-submit').click();
  await page.waitForURL(/\/d\/[^/]+$/);
}

export async function waitForEditor(page: Page): Promise<void> {
  await page.getByTestId('connection-indicator').and(page.locator('[data-connection-status="connected"]')).waitFor();
  await editorOf(page, 'preamble', 'fr').waitFor();
}

export function editorOf(page: Page, sectionId: string, lang: 'fr' | 'ja'): Locator {
  return page.getByTestId(`editor-${sectionId}-${lang}`);
}

/** The text of a section in one language as the page shows it, without carets, labels or flags. */
export function shownText(page: Page, sectionId: string, lang: 'fr' | 'ja'): Promise<string> {
  return editorOf(page, sectionId, lang).evaluate((element) => {
    const copy = element.cloneNode(true) as HTMLElement;
    copy.querySelectorAll('.collaboration-carets__caret, .ProseMirror-widget').forEach((node) => node.remove());
    return Array.from(copy.querySelectorAll('p, h2, h3'), (block) => block.textContent).join('\n');
  });
}

/** Puts the caret at the end of a section's text, as Ctrl+End would. */
export async function caretAtEnd(page: Page, sectionId: string, lang: 'fr' | 'ja'): Promise<void> {
  // Through TipTap's own command (the editor hangs on its DOM node): clicks and End depend on
  // where lines wrap, and a DOM selection set by script reaches ProseMirror only asynchronously.
  // Focused synchronously: TipTap's `focus()` command waits for an animation frame, and keys
  // typed meanwhile would go nowhere.
  await editorOf(page, sectionId, lang).evaluate((dom) => {
    type Tiptap = { state: { doc: { content: { size: number } } }; commands: { setTextSelection(at: number): boolean }; view: { focus(): void } };
    const tiptap = (dom as HTMLElement & { editor: Tiptap }).editor;
    tiptap.view.focus();
    tiptap.commands.setTextSelection(tiptap.state.doc.content.size);
  });
}

/** A section's text in one language as the server has it now, segments joined by newlines. */
export async function serverText(baseUrl: string, id: string, sectionId: string, lang: 'fr' | 'ja'): Promise<string> {
  const { body } = await getJson(`${baseUrl}/api/declarations/${id}`);
  const json = body as { sections: { id: string; segments: Record<'fr' | 'ja', string>[] }[] };
  return json.sections.find((s) => s.id === sectionId)!.segments.map((segment) => segment[lang]).join('\n');
}

/** The two committee members of the browser tests, one per committee and interface language. */
export const CLAIRE: Who = { name: 'Claire Martin', color: '#2f6fb3', ui: 'fr', locale: 'fr-FR', role: 'committee-fr' };
export const HANAKO: Who = { name: '佐藤 花子', color: '#b8325a', ui: 'ja', locale: 'ja-JP', role: 'committee-ja' };

/** A fresh declaration on `baseUrl`, opened by Claire and by Hanako, each in a context of their own. */
export async function claireAndHanako(browser: Browser, baseUrl: string): Promise<{ id: string; claire: Person; hanako: Person }> {
  const id = await createDeclarationViaApi(baseUrl, { fr: 'Déclaration de Cannes', ja: 'カンヌ宣言' });
  return { id, claire: await openAs(browser, baseUrl, id, CLAIRE), hanako: await openAs(browser, baseUrl, id, HANAKO) };
}

/** A third committee member, for the cases where three people type in one paragraph. */
export const LEA: Who = { name: 'Léa Dubois', color: '#2e7d32', ui: 'fr', locale: 'fr-FR', role: 'committee-fr' };

/** Selects `length` characters from the start of the first textblock of a section in one language, through TipTap. */
export async function selectStart(page: Page, sectionId: string, lang: 'fr' | 'ja', length: number): Promise<void> {
  await editorOf(page, sectionId, lang).evaluate((dom, n) => {
    type Tiptap = {
      state: { doc: { descendants(f: (node: { isTextblock: boolean; textContent: string }, pos: number) => boolean | void): void } };
      commands: { setTextSelection(range: { from: number; to: number }): boolean };
      view: { focus(): void };
    };
    const tiptap = (dom as HTMLElement & { editor: Tiptap }).editor;
    let start = -1;
    tiptap.state.doc.descendants((node, pos) => {
      if (start < 0 && node.isTextblock && node.textContent.length > n) start = pos + 1;
      return start < 0;
    });
    tiptap.view.focus();
    tiptap.commands.setTextSelection({ from: start, to: start + n });
  }, length);
}

/** Switches `page`'s interface language with its header switcher, and waits until the page speaks it. */
export async function switchUi(page: Page, lang: 'fr' | 'ja' | 'en'): Promise<void> {
  await page.locator(`.language-switcher__option[data-lang="${lang}"]`).first().click();
  await expect.poll(() => page.locator('html').getAttribute('lang')).toBe(lang);
}

/** Resolves once the browser has painted what the page holds now: before a screenshot. */
export function painted(page: Page): Promise<void> {
  return page.evaluate(() => new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => done()))));
}
