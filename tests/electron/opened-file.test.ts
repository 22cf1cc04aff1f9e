import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundleFileFromArgv } from '../../main/electron/opened-file';

/** Which .jwpb a start (first or second instance) was asked to open, from its command line. */
describe('bundleFileFromArgv', () => {
  it('finds the file Explorer passes to the packaged app', () => {
    expect(
      bundleFileFromArgv(['C:\\Program Files\\Pamoja JWP\\Pamoja JWP.exe', 'C:\\Users\\Amina\\Downloads\\udra-plan.jwpb'], 'C:\\Windows\\System32', path.win32),
    ).toBe('C:\\Users\\Amina\\Downloads\\udra-plan.jwpb');
  });

  it('resolves a relative name against the folder the start was made from', () => {
    expect(bundleFileFromArgv(['/usr/lib/electron/electron', '/src/pamoja', 'plan.JWPB'], '/home/amina')).toBe(path.resolve('/home/amina/plan.JWPB'));
  });

  it('reads the arguments a second instance hands over, Chromium switches and all', () => {
    const argv = ['/opt/Pamoja JWP/pamoja-jwp', '--allow-file-access-from-files', '--original-process-start-time=1337', '/media/usb/isiolo-full.jwpb'];
    expect(bundleFileFromArgv(argv, '/')).toBe('/media/usb/isiolo-full.jwpb');
  });

  it('takes no switch, no --db value and nothing else for a bundle', () => {
    expect(bundleFileFromArgv(['app', '--db', 'plan.jwpb'], '/tmp')).toBeNull();
    expect(bundleFileFromArgv(['app', '--db=plan.jwpb'], '/tmp')).toBeNull();
    expect(bundleFileFromArgv(['app', '--open=plan.jwpb', '.jwpb', 'plan.jwpb.txt', 'plan.xlsx'], '/tmp')).toBeNull();
    expect(bundleFileFromArgv([], '/tmp')).toBeNull();
  });

  it('takes the last bundle named when several are', () => {
    expect(bundleFileFromArgv(['app', '/a/one.jwpb', '/a/two.jwpb'], '/')).toBe(path.resolve('/a/two.jwpb'));
  });
});
