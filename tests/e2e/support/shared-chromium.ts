import { chromium, type Browser } from 'playwright-core';
import { inject } from 'vitest';
import { chromiumPath } from './chromium';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Where the run's one Chromium listens (chromium-server.ts); absent when there is none. */
    chromiumEndpoint?: string;
  }
}

/**
 * The run's one headless Chromium (started by chromium-server.ts), for this spec. Each spec's pages
 * live in browser contexts of their own, fresh as a new profile; `close()` closes them and lets the
 * browser go on to the next spec.
 */
export function connectChromium(): Promise<Browser> {
  const endpoint = inject('chromiumEndpoint');
  if (!endpoint) throw new Error(`No Chromium was started for this run (is ${chromiumPath} there?).`);
  return chromium.connect(endpoint);
}
