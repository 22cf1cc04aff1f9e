import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { isSafeExternalUrl, isTrustedSender } from '../../main/electron/trusted-url';

const appUrl = pathToFileURL('/opt/Pamoja JWP/resources/app.asar/out/renderer/index.html').href;

describe('isTrustedSender', () => {
  it("accepts the app's own page, on any in-page route", () => {
    expect(isTrustedSender(appUrl, appUrl)).toBe(true);
    expect(isTrustedSender(`${appUrl}#/cycles/abc/stakeholders`, appUrl)).toBe(true);
  });

  it('refuses other files, queries, schemes and garbage', () => {
    expect(isTrustedSender('file:///opt/Pamoja%20JWP/resources/app.asar/out/renderer/other.html', appUrl)).toBe(false);
    expect(isTrustedSender('file:///tmp/index.html', appUrl)).toBe(false);
    expect(isTrustedSender(`${appUrl}?x=1`, appUrl)).toBe(false);
    expect(isTrustedSender('file://evil-host/opt/Pamoja%20JWP/resources/app.asar/out/renderer/index.html', appUrl)).toBe(false);
    expect(isTrustedSender('https://example.org/opt/Pamoja%20JWP/resources/app.asar/out/renderer/index.html', appUrl)).toBe(false);
    expect(isTrustedSender('about:blank', appUrl)).toBe(false);
    expect(isTrustedSender('', appUrl)).toBe(false);
    expect(isTrustedSender('not a url', appUrl)).toBe(false);
  });

  it('sees through dot segments rather than being fooled by them', () => {
    expect(isTrustedSender('file:///opt/Pamoja%20JWP/resources/app.asar/out/renderer/../renderer/index.html', appUrl)).toBe(true);
    expect(isTrustedSender('file:///opt/Pamoja%20JWP/resources/app.asar/out/renderer/x/../../index.html', appUrl)).toBe(false);
  });

  it('trusts only a file:// page, whatever it is compared with', () => {
    expect(isTrustedSender('http://127.0.0.1:5173/', 'http://127.0.0.1:5173/')).toBe(false);
  });

  it('treats a Windows drive letter as Chromium writes it', () => {
    expect(isTrustedSender('file:///C:/Program%20Files/Pamoja%20JWP/index.html', 'file:///c:/Program%20Files/Pamoja%20JWP/index.html')).toBe(true);
    expect(isTrustedSender('file:///D:/Program%20Files/Pamoja%20JWP/index.html', 'file:///c:/Program%20Files/Pamoja%20JWP/index.html')).toBe(false);
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
      'https://',
      'http:/',
      'www.example.org',
      '',
    ]) {
      expect(isSafeExternalUrl(url), url).toBe(false);
    }
  });
});
