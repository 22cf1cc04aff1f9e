import { APP_HOST, APP_SCHEME } from './app-protocol';

/**
 * The Electron shell's URL decisions as pure functions, tested in plain Node: which page may call
 * the API or stay in a window, and which links may leave the app for the system browser.
 */

/**
 * True only for the app's own page, `app://pamoja/index.html`, on any in-page route (the
 * #fragment). Any other file, query, host or scheme is refused, so a page that somehow got loaded
 * into a window cannot reach the database.
 */
export function isTrustedSender(url: string): boolean {
  const actual = parse(url);
  return actual !== null && actual.protocol === `${APP_SCHEME}:` && actual.host === APP_HOST && actual.pathname === '/index.html' && actual.search === '';
}

/** Only web links go to the system browser: never file:, javascript:, custom schemes or malformed URLs. */
export function isSafeExternalUrl(url: string): boolean {
  const parsed = parse(url);
  return parsed !== null && (parsed.protocol === 'https:' || parsed.protocol === 'http:') && parsed.hostname !== '';
}

/**
 * What to do when any web contents of the app is about to go to `url` (a link, a redirect, a
 * script): stay when it is the app's own page (a route change), offer a web link to the system
 * browser, block everything else.
 */
export function navigationDecision(url: string): 'stay' | 'offer-external' | 'block' {
  if (isTrustedSender(url)) return 'stay';
  return isSafeExternalUrl(url) ? 'offer-external' : 'block';
}

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}
