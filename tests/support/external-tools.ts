import { execFileSync } from 'node:child_process';

/**
 * Tests that need a program from Debian (LibreOffice, poppler, Chromium) must never pass silently
 * without it: under CI=true a missing program fails the run; elsewhere the suite is skipped with a
 * printed reason.
 */
export function requireTool(command: string, purpose: string): { available: boolean } {
  let available = true;
  try {
    execFileSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' });
  } catch {
    available = false;
  }
  if (!available) {
    const message = `${command} is not installed, so the tests that ${purpose} cannot run (install it: see .ci/run).`;
    if (process.env.CI === 'true') throw new Error(message);
    console.warn(`SKIPPED: ${message}`);
  }
  return { available };
}
