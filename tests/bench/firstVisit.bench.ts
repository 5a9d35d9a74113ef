/**
 * A first visit on conference wifi (issue 18): time to an editable editor and bytes transferred,
 * in Debian's Chromium with its own network throttling, on the demo declaration. Needs the built
 * web app (`pnpm build`). Prints the network's share (the editor's code has arrived) and the whole
 * time, beside the same visit unthrottled, which is what this machine's CPU adds.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { joinAs } from '../support/api';
import { chromiumAvailable, launchChromium } from '../support/browser';
import { BAD_WIFI, CONFERENCE_WIFI, demoDeclarationId, measureFirstVisit, UNTHROTTLED } from '../support/firstVisit';
import { REPO_ROOT, startAccord } from '../support/startAccord';

export async function main(): Promise<void> {
  console.log('## First visit in Chromium (demo declaration, empty cache)');
  if (!chromiumAvailable() || !existsSync(join(REPO_ROOT, 'apps/web/dist/index.html'))) {
    console.log('  skipped: needs /usr/bin/chromium and the built web app (pnpm build)');
    return;
  }
  const accord = await startAccord({ demo: true });
  const browser = await launchChromium();
  try {
    const id = await demoDeclarationId(accord.url);
    const { token } = await joinAs(accord.url, id, { role: 'committee-fr', name: 'Claire Martin' });
    for (const [network, targetMs] of [
      [UNTHROTTLED, null],
      [CONFERENCE_WIFI, 2_500],
      [BAD_WIFI, 8_000],
    ] as const) {
      const visit = await measureFirstVisit(browser, accord.url, id, token, network);
      const target = targetMs === null ? '' : ` (target < ${targetMs / 1000} s)`;
      console.log(
        `  ${network.name}: editable after ${(visit.editableMs / 1000).toFixed(2)} s${target}, code in ${(visit.networkMs / 1000).toFixed(2)} s, ` +
          `${(visit.bytes / 1024).toFixed(0)} KiB in ${visit.requests.length} requests`,
      );
    }
  } finally {
    await browser.close();
    await accord.stop();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
