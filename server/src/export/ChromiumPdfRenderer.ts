import { existsSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';
import { errorMessage } from '../errorMessage';
import type { PdfRenderer, PdfResult } from './PdfRenderer';

/**
 * PDF from the print view, by the Chromium installed on the server (Debian's `chromium`, through
 * `playwright-core`: no browser is ever downloaded). One browser, started at the first export and
 * kept; each render gets its own context with JavaScript off and every request refused, so a
 * declaration's text can neither run code nor reach the network while it is printed. At most
 * `concurrency` renders run at once; the others wait their turn (they never hold a room's queue).
 */
export class ChromiumPdfRenderer implements PdfRenderer {
  private browser: Promise<Browser> | null = null;
  private running = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(
    private readonly executablePath: string,
    private readonly concurrency = 2,
  ) {}

  async render(html: string): Promise<PdfResult> {
    if (!existsSync(this.executablePath)) {
      return { ok: false, reason: `Chromium is not installed at ${this.executablePath} on this server` };
    }
    await this.turn();
    try {
      let browser: Browser;
      try {
        browser = await this.launch();
      } catch (error) {
        this.browser = null;
        return { ok: false, reason: `Chromium at ${this.executablePath} did not start: ${errorMessage(error)}` };
      }
      const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
      try {
        const page = await context.newPage();
        await page.route('**/*', (route) => route.abort());
        await page.setContent(html, { waitUntil: 'load' });
        await page.emulateMedia({ media: 'print' });
        const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true, tagged: true, outline: true });
        return { ok: true, pdf };
      } finally {
        await context.close();
      }
    } finally {
      this.release();
    }
  }

  async close(): Promise<void> {
    const browser = this.browser;
    this.browser = null;
    if (browser) await (await browser.catch(() => null))?.close();
  }

  private launch(): Promise<Browser> {
    if (!this.browser) {
      this.browser = chromium.launch({
        executablePath: this.executablePath,
        headless: true,
        args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
      });
      // A browser that dies (killed, out of memory) is started again at the next export.
      this.browser.then(
        (b) => b.on('disconnected', () => (this.browser = null)),
        () => (this.browser = null),
      );
    }
    return this.browser;
  }

  private async turn(): Promise<void> {
    if (this.running < this.concurrency) {
      this.running++;
      return;
    }
    await new Promise<void>((resolve) => this.waiting.push(resolve));
  }

  private release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.running--;
  }
}
