import fs from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** Debian's Chromium; never a downloaded browser. Another path may be given for other systems. */
export const chromiumPath = process.env.PAMOJA_CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Whether the browser specs can run. In CI a missing browser is a failure, so a broken image cannot
 * pass silently; on a developer's machine the specs are skipped with the reason printed.
 */
export function chromiumAvailable(): boolean {
  if (fs.existsSync(chromiumPath)) return true;
  const reason = `${chromiumPath} does not exist (install it: apt-get install --no-install-recommends chromium)`;
  if (process.env.CI === 'true') throw new Error(`The browser tests cannot run in CI: ${reason}.`);
  console.warn(`Skipping the browser tests: ${reason}.`);
  return false;
}

/** Headless, with a fresh temporary profile (playwright's default for launch()): the benchmarks' own browser. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath, headless: true, args: CHROMIUM_ARGS });
}
