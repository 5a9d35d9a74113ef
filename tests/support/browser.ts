import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, chromium } from 'playwright-core';
import { REPO_ROOT } from './startAccord';

/** Debian's Chromium; the browser tests never download one. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Where screenshots go, for people to look at (ignored by git). */
export const ARTIFACTS = join(REPO_ROOT, 'tests/artifacts');

/**
 * Whether the browser suites can run here. In CI (`CI` set) a missing Chromium is an error, never
 * a silent skip: a run whose browser suites were skipped proved nothing about the editor.
 */
export function chromiumAvailable(): boolean {
  if (existsSync(CHROMIUM)) return true;
  if (process.env.CI) throw new Error(`CI needs Debian's chromium at ${CHROMIUM} for the browser tests (apt-get install chromium)`);
  return false;
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
