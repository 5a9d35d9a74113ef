import { performance as nodeClock } from 'node:perf_hooks';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { getJson } from './api';
import { editorOf } from './editorPage';

/** A network as Chromium's DevTools emulate it (`Network.emulateNetworkConditions`). */
export interface NetworkConditions {
  name: string;
  /** Bits per second, both ways. */
  bitsPerSecond: number;
  /** Added to every request's round trip. */
  latencyMs: number;
}

/** Conference wifi on a good and on a bad day (issue 18). */
export const CONFERENCE_WIFI: NetworkConditions = { name: '1.6 Mbit/s, 150 ms', bitsPerSecond: 1_600_000, latencyMs: 150 };
export const BAD_WIFI: NetworkConditions = { name: '400 kbit/s, 150 ms', bitsPerSecond: 400_000, latencyMs: 150 };
/** Loopback as it is: what the same visit costs the CPU alone. */
export const UNTHROTTLED: NetworkConditions = { name: 'unthrottled', bitsPerSecond: -8, latencyMs: 0 };

export interface FirstVisit {
  /** From the navigation's start to the first section's French editor being editable. */
  editableMs: number;
  /**
   * From the navigation's start to the last byte of the editor's code (scripts and styles): the
   * network's share of `editableMs`, which the rest — parsing, running
   * and rendering — adds to at the speed of this machine's CPU.
   */
  networkMs: number;
  /** Bytes that crossed the network (compressed bodies and headers), WebSocket excluded. */
  bytes: number;
  /** The same, per request path, for a reader looking for what to trim. */
  requests: { url: string; bytes: number; encoding: string | null }[];
  /** When each WebSocket of the page was opened, in ms on the page's clock, as `steps`. */
  socketsOpenedAt: number[];
  /** When the page reached each step, in ms since navigation (the page's own clock). */
  steps: Record<string, number>;
}

/** What the page shows on its way to an editor, in order. */
const STEPS = {
  waiting: '[data-testid="page-loading"], [data-testid="editor-loading"]',
  connected: '[data-connection-status="connected"]',
  editable: '.ProseMirror[contenteditable="true"]',
};

/**
 * Opens `/d/<id>` in a fresh browser context — empty HTTP cache, no service worker — holding only
 * the member's session cookie, on a throttled network, and times how long until the person can type.
 */
export async function measureFirstVisit(
  browser: Browser,
  baseUrl: string,
  id: string,
  sessionToken: string,
  network: NetworkConditions,
): Promise<FirstVisit> {
  const context = await browser.newContext({ locale: 'fr-FR', viewport: { width: 1440, height: 900 } });
  try {
    await context.addCookies([{ name: `accord_${id}`, value: sessionToken, url: baseUrl }]);
    await recordSockets(context);
    await context.addInitScript((steps: Record<string, string>) => {
      const seen: Record<string, number> = {};
      (window as unknown as { accordSteps: Record<string, number> }).accordSteps = seen;
      new MutationObserver(() => {
        for (const [step, selector] of Object.entries(steps)) if (!(step in seen) && document.querySelector(selector)) seen[step] = Math.round(performance.now());
      }).observe(document, { subtree: true, childList: true, attributes: true });
    }, STEPS);
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: network.latencyMs,
      downloadThroughput: network.bitsPerSecond / 8,
      uploadThroughput: network.bitsPerSecond / 8,
    });
    const urls = new Map<string, { url: string; encoding: string | null }>();
    const requests: FirstVisit['requests'] = [];
    cdp.on('Network.responseReceived', (event) => {
      const headers = event.response.headers as Record<string, string>;
      const encoding = Object.entries(headers).find(([key]) => key.toLowerCase() === 'content-encoding')?.[1] ?? null;
      urls.set(event.requestId, { url: new URL(event.response.url).pathname, encoding });
    });
    cdp.on('Network.loadingFinished', (event) => {
      const seen = urls.get(event.requestId);
      requests.push({ url: seen?.url ?? '?', bytes: event.encodedDataLength, encoding: seen?.encoding ?? null });
    });
    let socketBytes = 0;
    cdp.on('Network.webSocketFrameReceived', (event) => (socketBytes += Math.ceil((event.response.payloadData.length * 3) / 4)));
    const started = nodeClock.now();
    await page.goto(`${baseUrl}/d/${id}`);
    await editorOf(page, 'preamble', 'fr').and(page.locator('[contenteditable="true"]')).waitFor({ timeout: 60_000 });
    const editableMs = nodeClock.now() - started;
    const steps = await page.evaluate(() => (window as unknown as { accordSteps: Record<string, number> }).accordSteps);
    let networkMs = 0;
    for (const [url, end] of await page.evaluate(() => (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).map((e) => [e.name, e.responseEnd] as const))) {
      const path = new URL(url).pathname;
      steps[`${path.replace(/-[\w-]{8}\.(js|css)$/, '.$1')} received`] = Math.round(end);
      if (path.startsWith('/assets/')) networkMs = Math.max(networkMs, end);
    }
    steps['socket bytes received'] = socketBytes;
    const socketsOpenedAt = await socketsOpened(page);
    return { editableMs, networkMs, steps, bytes: requests.reduce((sum, r) => sum + r.bytes, 0), requests, socketsOpenedAt };
  } finally {
    await context.close();
  }
}

/** Makes every page of `context` note when each of its WebSockets is opened (`socketsOpened`). */
export async function recordSockets(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const sockets: number[] = [];
    (window as unknown as { accordSockets: number[] }).accordSockets = sockets;
    const NativeWebSocket = window.WebSocket;
    window.WebSocket = class extends NativeWebSocket {
      constructor(...args: ConstructorParameters<typeof WebSocket>) {
        super(...args);
        sockets.push(Math.round(performance.now()));
      }
    };
  });
}

/** When each WebSocket of `page` was opened, in ms on the page's clock (the one resource timings use). */
export function socketsOpened(page: Page): Promise<number[]> {
  return page.evaluate(() => (window as unknown as { accordSockets: number[] }).accordSockets);
}

/** The demo declaration's id on a server started with `demo: true`. */
export async function demoDeclarationId(baseUrl: string): Promise<string> {
  const { body } = await getJson(`${baseUrl}/api/declarations`);
  const first = (body as { declarations: { id: string }[] }).declarations[0];
  if (!first) throw new Error('no demo declaration on this server');
  return first.id;
}
