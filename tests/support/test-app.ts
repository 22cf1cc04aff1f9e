import { openApp } from '../../main/app-context';
import { closeDb } from '../../main/db/open-db';
import { resourcesDir } from '../../main/resource-paths';
import type { AppContext } from '../../main/services/context';

/** A fresh in-memory database with a fixed clock and counting ids, so tests are deterministic. */
export function testApp(options: { now?: string; file?: string } = {}): AppContext & { close(): void } {
  let tick = 0;
  const base = new Date(options.now ?? '2026-11-25T08:00:00.000Z').getTime();
  let counter = 0;
  const ctx = openApp({
    file: options.file ?? ':memory:',
    resourcesDir,
    now: () => new Date(base + tick++ * 1000),
    newId: () => `00000000-0000-4000-8000-${String(++counter).padStart(12, '0')}`,
  });
  ctx.userName = 'Test Officer';
  return Object.assign(ctx, { close: () => closeDb(ctx.db) });
}
