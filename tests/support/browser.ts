import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, chromium } from 'playwright-core';
import { REPO_ROOT } from './startAccord';

/** Debian's Chromium; the browser tests never download one. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Where screenshots go, for people to look at (ignored by git). */
export const ARTIFACTS = join(REPO_ROOT, 'tests/artifacts');

export function chromiumAvailable(): boolean {
  return existsSync(CHROMIUM);
}

/**
 * Headless Chromium with the flags that work on this machine kind: no sandbox as root, and no
 * background networking, which the closed network would refuse many times a second.
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

export function artifactPath(name: string): string {
  mkdirSync(ARTIFACTS, { recursive: true });
  return join(ARTIFACTS, name);
}
