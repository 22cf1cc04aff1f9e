import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDbArg } from '../../main/electron/launch-options';

const cwd = path.resolve('/home/officer/jwp');

describe('parseDbArg', () => {
  it('leaves the choice to the default when --db is absent', () => {
    expect(parseDbArg(['/usr/bin/electron', '/app'], cwd)).toEqual({ ok: true, file: undefined });
    expect(parseDbArg([], cwd)).toEqual({ ok: true, file: undefined });
  });

  it('reads --db FILE and --db=FILE, relative to the folder the app was started in', () => {
    expect(parseDbArg(['/usr/bin/electron', '/app', '--db', 'isiolo.db'], cwd)).toEqual({ ok: true, file: path.join(cwd, 'isiolo.db') });
    expect(parseDbArg(['pamoja-jwp', '--db=../shared/isiolo.db'], cwd)).toEqual({ ok: true, file: path.resolve(cwd, '../shared/isiolo.db') });
    expect(parseDbArg(['pamoja-jwp', '--db', path.resolve('/data/a.db')], cwd)).toEqual({ ok: true, file: path.resolve('/data/a.db') });
  });

  it('does not mistake a similar flag for --db', () => {
    expect(parseDbArg(['pamoja-jwp', '--dbx', 'a.db', '--no-sandbox'], cwd)).toEqual({ ok: true, file: undefined });
  });

  it('explains a --db without a file instead of opening something else', () => {
    for (const argv of [
      ['app', '--db'],
      ['app', '--db='],
      ['app', '--db', '--inspect'],
    ]) {
      const parsed = parseDbArg(argv, cwd);
      expect(parsed.ok, argv.join(' ')).toBe(false);
      if (!parsed.ok) expect(parsed.message).toMatch(/--db isiolo-jwp\.db/);
    }
  });
});
