import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../main/resource-paths';

/** The renderer's Content-Security-Policy, read from the page itself: weakening it fails here. */
function policyOf(html: string): Map<string, string[]> {
  const match = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html);
  if (!match?.[1]) throw new Error('The page has no Content-Security-Policy meta tag.');
  return new Map(
    match[1]
      .split(';')
      .map((directive) => directive.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name = '', ...sources]) => [name, sources]),
  );
}

describe("the renderer's Content-Security-Policy", () => {
  const policy = policyOf(fs.readFileSync(path.join(repoRoot, 'renderer', 'index.html'), 'utf8'));

  it('allows only the app itself, never inline or evaluated scripts or inline styles', () => {
    expect(policy.get('default-src')).toEqual(["'self'"]);
    expect(policy.get('script-src')).toEqual(["'self'"]);
    // React sets style props through the CSSOM, which style-src does not govern: no 'unsafe-inline'.
    expect(policy.get('style-src')).toEqual(["'self'"]);
    expect(policy.get('connect-src')).toEqual(["'self'"]);
  });

  it('shuts plugins, base-URL tricks and form posts out', () => {
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(policy.get('base-uri')).toEqual(["'none'"]);
    expect(policy.get('form-action')).toEqual(["'none'"]);
  });

  it('names no remote host anywhere', () => {
    for (const [directive, sources] of policy) {
      for (const source of sources) expect(source, directive).not.toMatch(/^(https?:|\*|[a-z0-9.-]+\.[a-z]{2,})/i);
    }
  });
});
