/**
 * The Electron shell's URL decisions as pure functions, tested in plain Node: which page may call
 * the API or be navigated to, and which links may leave the app for the system browser.
 */

/**
 * True only for the app's own page, `expectedUrl` (the file:// URL of out/renderer/index.html).
 * The #fragment is ignored because in-page routes live there; any other file, query or scheme is
 * refused, so a page that somehow got loaded into the window cannot reach the database.
 */
export function isTrustedSender(url: string, expectedUrl: string): boolean {
  const actual = parse(url);
  const expected = parse(expectedUrl);
  if (!actual || !expected || expected.protocol !== 'file:') return false;
  return (
    actual.protocol === 'file:' &&
    actual.host === expected.host &&
    actual.search === expected.search &&
    withCanonicalDrive(actual.pathname) === withCanonicalDrive(expected.pathname)
  );
}

/** Only web links go to the system browser: never file:, javascript:, custom schemes or malformed URLs. */
export function isSafeExternalUrl(url: string): boolean {
  const parsed = parse(url);
  return parsed !== null && (parsed.protocol === 'https:' || parsed.protocol === 'http:') && parsed.hostname !== '';
}

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** Chromium upper-cases a Windows drive letter in file URLs (file:///C:/…); Node keeps it as given. */
function withCanonicalDrive(pathname: string): string {
  return pathname.replace(/^\/([a-z]):/, (_match, drive: string) => `/${drive.toUpperCase()}:`);
}
