import { createHash } from 'node:crypto';
import type { AppContext } from '../services/context';
import { readBundle, type ParsedBundle } from './read';

/**
 * The last bundle read for each open database, by content hash: the screens preview a file, trust
 * its sender, preview it again and apply it, and checking a county plan's file takes half a second.
 * Same bytes, same checks: reading depends on the file alone, never on the database.
 */
const lastRead = new WeakMap<object, { digest: string; parsed: ParsedBundle }>();

/** The bundle read and checked (throws its BundleRefusal), or the same file's reading done before. */
export function readChecked(ctx: AppContext, file: Uint8Array): ParsedBundle {
  const digest = createHash('sha256').update(file).digest('hex');
  const cached = lastRead.get(ctx.db.$client);
  if (cached?.digest === digest) return cached.parsed;
  const parsed = readBundle(file);
  lastRead.set(ctx.db.$client, { digest, parsed });
  return parsed;
}

/** Lets the reading go once the file has been applied: it is not needed again. */
export function forgetChecked(ctx: AppContext): void {
  lastRead.delete(ctx.db.$client);
}
