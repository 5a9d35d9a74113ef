import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe } from 'vitest';
import { chromiumAvailable, launchChromium } from './browser';
import { type AccordProcess, type StartOptions, startAccord } from './startAccord';

/** What a browser suite's body gets: its own server and its own Chromium, live between its hooks. */
export interface BrowserSuite {
  /** The suite's server process (after `restart()`, the new one). */
  readonly accord: AccordProcess;
  readonly browser: Browser;
  /**
   * Stops the server (`signal`, SIGTERM by default: a graceful stop) and starts it again on the
   * same data directory and port, with the same options, so that open pages reconnect to it.
   * `whileDown` runs once the old process has exited and before the new one starts.
   */
  restart(options?: { signal?: NodeJS.Signals; whileDown?: () => Promise<void> }): Promise<void>;
}

/**
 * A `describe` block that drives the built app in Chromium against a real server.
 *
 * Contract: each browser suite has a server of its own (`startAccord(server)`, a fresh data
 * directory) and a Chromium of its own, both started once in a `beforeAll` registered before the
 * suite's own hooks, and both stopped in an `afterAll` that runs after the suite's own (vitest
 * runs `afterAll` hooks in reverse order). Nothing is shared between suites: a declaration, a
 * session cookie or a pending checkpoint one suite leaves behind never reaches another, which is
 * what lets each suite count the server's rows, restart it, or read its log as its own. Within a
 * suite the server and the browser persist from one test to the next (tests run in order and may
 * build on each other, as the suites' comments say).
 *
 * Without Chromium the suite is skipped, except in CI, where `chromiumAvailable()` throws while the
 * file is collected: a run whose browser suites were skipped proved nothing about the editor.
 */
export function browserSuite(name: string, body: (suite: BrowserSuite) => void): void;
export function browserSuite(name: string, server: StartOptions, body: (suite: BrowserSuite) => void): void;
export function browserSuite(name: string, serverOrBody: StartOptions | ((suite: BrowserSuite) => void), maybeBody?: (suite: BrowserSuite) => void): void {
  const server = typeof serverOrBody === 'function' ? {} : serverOrBody;
  const body = typeof serverOrBody === 'function' ? serverOrBody : maybeBody!;
  (chromiumAvailable() ? describe : describe.skip)(name, () => {
    let accord: AccordProcess | undefined;
    let browser: Browser | undefined;

    beforeAll(async () => {
      accord = await startAccord(server);
      browser = await launchChromium();
    });

    afterAll(async () => {
      await browser?.close();
      await accord?.stop();
    });

    body({
      get accord() {
        if (!accord) throw new Error(`${name}: the server is only there inside the suite's tests and hooks`);
        return accord;
      },
      get browser() {
        if (!browser) throw new Error(`${name}: the browser is only there inside the suite's tests and hooks`);
        return browser;
      },
      async restart({ signal = 'SIGTERM', whileDown } = {}) {
        if (!accord) throw new Error(`${name}: no server to restart`);
        const { dataDir, port } = accord;
        await accord.kill(signal);
        await whileDown?.();
        accord = await startAccord({ ...server, dataDir, port });
      },
    });
  });
}
