import { describe, expect, it } from 'vitest';
import { APP_ENTRY_URL } from '../../main/electron/app-protocol';
import { isSafeExternalUrl, isTrustedSender, navigationDecision } from '../../main/electron/trusted-url';

describe('isTrustedSender', () => {
  it("accepts the app's own page, on any in-page route", () => {
    expect(isTrustedSender(APP_ENTRY_URL)).toBe(true);
    expect(isTrustedSender(`${APP_ENTRY_URL}#/cycles/abc/stakeholders`)).toBe(true);
    // Dot segments, encoded or not, are resolved by the URL as Chromium resolves them.
    expect(isTrustedSender('app://pamoja/x/../index.html')).toBe(true);
    expect(isTrustedSender('app://pamoja/%2e%2e/index.html')).toBe(true);
  });

  it('refuses other files, queries, hosts, schemes and garbage', () => {
    for (const url of [
      'app://pamoja/other.html',
      'app://pamoja/assets/index.js',
      `${APP_ENTRY_URL}?x=1`,
      'app://evil/index.html',
      'app://pamoja.evil/index.html',
      'file:///opt/Pamoja%20JWP/resources/app.asar/out/renderer/index.html',
      'https://pamoja/index.html',
      'http://127.0.0.1:5173/index.html',
      'app://pamoja/%2e%2e%2findex.html',
      'about:blank',
      '',
      'not a url',
    ]) {
      expect(isTrustedSender(url), url).toBe(false);
    }
  });
});

describe('isSafeExternalUrl', () => {
  it('allows web links', () => {
    expect(isSafeExternalUrl('https://www.isiolo.go.ke/')).toBe(true);
    expect(isSafeExternalUrl('http://example.org/report?id=1')).toBe(true);
  });

  it('refuses every other scheme and malformed input', () => {
    for (const url of [
      'file:///etc/passwd',
      'javascript:alert(1)',
      'data:text/html,hi',
      'mailto:a@b.c',
      'smb://server/share',
      'ms-msdt:/id',
      'app://pamoja/index.html',
      'https://',
      'http:/',
      'www.example.org',
      '',
    ]) {
      expect(isSafeExternalUrl(url), url).toBe(false);
    }
  });
});

describe('navigationDecision (every web contents of the app)', () => {
  it('stays on the app page, offers web links to the browser, blocks the rest', () => {
    expect(navigationDecision(`${APP_ENTRY_URL}#/backups`)).toBe('stay');
    expect(navigationDecision('https://www.treasury.go.ke/')).toBe('offer-external');
    expect(navigationDecision('file:///C:/Users/officer/Desktop/plan.jwpb')).toBe('block');
    expect(navigationDecision('app://pamoja/assets/evil.html')).toBe('block');
    expect(navigationDecision('javascript:fetch("x")')).toBe('block');
    expect(navigationDecision('chrome://settings')).toBe('block');
  });
});
