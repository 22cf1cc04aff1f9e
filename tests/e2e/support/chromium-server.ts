import fs from 'node:fs';
import { chromium } from 'playwright-core';
import type { TestProject } from 'vitest/node';
import { CHROMIUM_ARGS, chromiumPath } from './chromium';

/**
 * One headless Chromium for the whole browser run (vitest's global setup), stopped when the run
 * ends. Started afresh for each spec, every spec took about 0.7 s longer, 25 specs in all. Where
 * the browser is missing nothing starts: the specs then say why they are skipped, or fail under CI.
 */
export default async function startChromium(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  if (!fs.existsSync(chromiumPath)) return undefined;
  const server = await chromium.launchServer({ executablePath: chromiumPath, headless: true, args: CHROMIUM_ARGS });
  project.provide('chromiumEndpoint', server.wsEndpoint());
  return () => server.close();
}
