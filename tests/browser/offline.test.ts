/**
 * Bad wifi in the conference hall: one person drops off the network, both keep typing in the same
 * section, and when the network returns both pages hold both edits — also when the server was
 * restarted meanwhile. Edits made offline live in the page (and IndexedDB) until then.
 */
import { beforeAll, expect, it } from 'vitest';
import { artifactPath } from '../support/browser';
import { caretAtEnd, claireAndHanako, type Person, serverText, shownText } from '../support/editorPage';
import { browserSuite } from '../support/browserSuite';

browserSuite('offline and back in the browser', (suite) => {
  let id: string;
  let claire: Person;
  let hanako: Person;

  beforeAll(async () => {
    ({ id, claire, hanako } = await claireAndHanako(suite.browser, suite.accord.url));
  });

  const status = (person: Person) => person.page.getByTestId('connection-indicator').getAttribute('data-connection-status');

  async function typeAt(person: Person, sectionId: string, text: string): Promise<void> {
    await caretAtEnd(person.page, sectionId, 'fr');
    await person.page.keyboard.type(text);
  }

  it('merges what both typed in one section once the offline page is back', async () => {
    await claire.context.setOffline(true);
    await expect.poll(() => status(claire)).toBe('offline');
    await typeAt(claire, 'theme', ' [hors ligne]');
    // Thirteen keystrokes in one paragraph: one passage waiting on this device, and it says so.
    const indicator = claire.page.getByTestId('connection-indicator');
    await expect.poll(() => indicator.getAttribute('data-unsaved')).toBe('1');
    expect(await indicator.innerText()).toBe('Hors ligne — 1 passage modifié en attente de synchronisation');
    await claire.page.screenshot({ path: artifactPath('offline-fr.png') });
    await typeAt(hanako, 'theme', ' [en ligne]');
    await expect.poll(() => serverText(suite.accord.url, id, 'theme', 'fr')).toContain('[en ligne]');
    expect(await shownText(claire.page, 'theme', 'fr')).not.toContain('[en ligne]');

    await claire.context.setOffline(false);
    await expect.poll(() => status(claire)).toBe('connected');
    // "Saved" only once the server has acknowledged every one of them.
    await expect.poll(() => indicator.getAttribute('data-unsaved')).toBe('0');
    expect(await indicator.innerText()).toBe('Enregistré');
    for (const person of [claire, hanako]) {
      await expect.poll(() => shownText(person.page, 'theme', 'fr')).toContain('[hors ligne]');
      await expect.poll(() => shownText(person.page, 'theme', 'fr')).toContain('[en ligne]');
    }
    expect(await shownText(claire.page, 'theme', 'fr')).toBe(await shownText(hanako.page, 'theme', 'fr'));
    await expect.poll(() => serverText(suite.accord.url, id, 'theme', 'fr')).toContain('[hors ligne]');
  });

  it('merges them too when the server restarts while one page is offline', async () => {
    await claire.context.setOffline(true);
    await expect.poll(() => status(claire)).toBe('offline');
    await typeAt(claire, 'closing', ' [Claire pendant la coupure]');
    await typeAt(hanako, 'closing', ' [Hanako avant le redémarrage]');
    await expect.poll(() => serverText(suite.accord.url, id, 'closing', 'fr')).toContain('[Hanako avant le redémarrage]');

    await suite.restart({
      signal: 'SIGKILL',
      whileDown: async () => {
        await expect.poll(() => status(hanako)).not.toBe('connected');
        // Typed while no server runs at all: kept by Hanako's page until it is back.
        await typeAt(hanako, 'closing', ' [Hanako sans serveur]');
      },
    });
    await claire.context.setOffline(false);

    // y-websocket backs off while the server is down (up to 2.5 s): wait for both to be back first.
    for (const person of [claire, hanako]) await expect.poll(() => status(person), { timeout: 20_000 }).toBe('connected');
    for (const person of [claire, hanako]) {
      for (const piece of ['[Claire pendant la coupure]', '[Hanako avant le redémarrage]', '[Hanako sans serveur]']) {
        await expect.poll(() => shownText(person.page, 'closing', 'fr'), { timeout: 10_000 }).toContain(piece);
      }
    }
    expect(await shownText(claire.page, 'closing', 'fr')).toBe(await shownText(hanako.page, 'closing', 'fr'));
    await expect.poll(() => serverText(suite.accord.url, id, 'closing', 'fr')).toContain('[Claire pendant la coupure]');
  });

  it('reopens a page reloaded while the server is unreachable, from this device, and keeps its edits', async () => {
    // The service worker has kept the app shell since the first visit; IndexedDB has the text.
    await claire.page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    await claire.context.setOffline(true);
    await claire.page.reload();
    await expect.poll(() => status(claire)).toBe('offline');
    await expect.poll(() => shownText(claire.page, 'closing', 'fr')).toContain('[Hanako sans serveur]');
    await typeAt(claire, 'context', ' [après rechargement hors ligne]');
    await claire.page.screenshot({ path: artifactPath('offline-reload-fr.png') });

    await claire.context.setOffline(false);
    await expect.poll(() => status(claire)).toBe('connected');
    await expect.poll(() => shownText(hanako.page, 'context', 'fr')).toContain('[après rechargement hors ligne]');
    await expect.poll(() => claire.page.getByTestId('connection-indicator').getAttribute('data-unsaved')).toBe('0');
  });

  it('counts edited passages, not keystrokes, while offline, and still after a reload offline', async () => {
    const indicator = claire.page.getByTestId('connection-indicator');
    await claire.context.setOffline(true);
    await expect.poll(() => status(claire)).toBe('offline');
    await typeAt(claire, 'theme', ' quinzelettresok');
    await typeAt(claire, 'context', ' abc');
    await expect.poll(() => indicator.getAttribute('data-unsaved')).toBe('2');
    expect(await indicator.innerText()).toBe('Hors ligne — 2 passages modifiés en attente de synchronisation');
    await claire.page.screenshot({ path: artifactPath('offline-passages-fr-1440.png') });
    await claire.page.setViewportSize({ width: 390, height: 844 });
    await expect.poll(() => indicator.isVisible()).toBe(true);
    expect(await claire.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await claire.page.screenshot({ path: artifactPath('offline-passages-fr-390.png') });

    // The edits are in IndexedDB, the passages they touched in this device's storage: still two.
    await claire.page.reload();
    await expect.poll(() => status(claire)).toBe('offline');
    await expect.poll(() => shownText(claire.page, 'theme', 'fr')).toContain('quinzelettresok');
    await expect.poll(() => indicator.getAttribute('data-unsaved')).toBe('2');
    expect(await indicator.innerText()).toBe('Hors ligne — 2 passages modifiés en attente de synchronisation');

    await claire.context.setOffline(false);
    await expect.poll(() => status(claire)).toBe('connected');
    await expect.poll(() => indicator.getAttribute('data-unsaved')).toBe('0');
    expect(await indicator.innerText()).toBe('Enregistré');
    await expect.poll(() => serverText(suite.accord.url, id, 'theme', 'fr')).toContain('quinzelettresok');
    await expect.poll(() => serverText(suite.accord.url, id, 'context', 'fr')).toContain(' abc');
    // Saved means nothing is left on this device to count after yet another reload.
    await expect.poll(() => claire.page.evaluate((key) => localStorage.getItem(key), `accord.pending.${id}`)).toBeNull();
    await claire.page.reload();
    await expect.poll(() => status(claire)).toBe('connected');
    expect(await indicator.getAttribute('data-unsaved')).toBe('0');
    await claire.page.setViewportSize({ width: 1440, height: 900 });
  });

  it('writes nothing to this device’s storage for passages typed online, which the server acknowledges at once', async () => {
    // Counted from here: every write of the waiting passages.
    await claire.page.evaluate(() => {
      const counted = window as unknown as { pendingWrites: number };
      counted.pendingWrites = 0;
      const setItem = Storage.prototype.setItem;
      Storage.prototype.setItem = function (key: string, value: string) {
        if (key.startsWith('accord.pending.')) counted.pendingWrites++;
        setItem.call(this, key, value);
      };
    });
    await typeAt(claire, 'theme', ' en ligne');
    await expect.poll(() => serverText(suite.accord.url, id, 'theme', 'fr')).toContain(' en ligne');
    await expect.poll(() => claire.page.getByTestId('connection-indicator').getAttribute('data-unsaved')).toBe('0');
    expect(await claire.page.evaluate(() => (window as unknown as { pendingWrites: number }).pendingWrites)).toBe(0);
  });

  it('says it in Japanese too', async () => {
    const indicator = hanako.page.getByTestId('connection-indicator');
    await hanako.context.setOffline(true);
    await expect.poll(() => status(hanako)).toBe('offline');
    await caretAtEnd(hanako.page, 'theme', 'ja');
    await hanako.page.keyboard.type('、オフライン');
    await expect.poll(() => indicator.getAttribute('data-unsaved')).toBe('1');
    expect(await indicator.innerText()).toBe('オフライン — 同期待ちの変更箇所 1件');
    await hanako.page.screenshot({ path: artifactPath('offline-passages-ja-1440.png') });
    await hanako.page.setViewportSize({ width: 390, height: 844 });
    await expect.poll(() => indicator.isVisible()).toBe(true);
    await hanako.page.screenshot({ path: artifactPath('offline-passages-ja-390.png') });
    await hanako.context.setOffline(false);
    await expect.poll(() => indicator.getAttribute('data-unsaved')).toBe('0');
    await hanako.page.setViewportSize({ width: 1440, height: 900 });
  });
});
