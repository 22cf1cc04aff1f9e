// Build stamps: what a build was made from, so a stale build is never run or served.
//
// A stamp records when the build started and every source file it read (paths relative to the
// checkout). The build is current while none of those files changed after it started, none is
// gone, and no package was installed since (npm rewrites node_modules/.package-lock.json on every
// install). Checking reads only file times: cheap enough for every start of a command.
import fs from 'node:fs';
import path from 'node:path';

const INSTALLED_PACKAGES = 'node_modules/.package-lock.json';

/** Writes the stamp in one rename, so a reader never sees half of it. */
export function writeBuildStamp(file, stamp) {
  const temporary = `${file}.${process.pid}-${Date.now()}`;
  fs.writeFileSync(temporary, JSON.stringify(stamp, null, 1));
  fs.renameSync(temporary, file);
}

/** The stamp when its build is current; null when there is none or the build is stale. */
export function currentBuildStamp(root, file) {
  try {
    const stamp = JSON.parse(fs.readFileSync(file, 'utf8'));
    const changed = [...stamp.inputs, INSTALLED_PACKAGES].some((input) => fs.statSync(path.join(root, input)).mtimeMs > stamp.startedAt);
    return changed ? null : stamp;
  } catch {
    // No stamp yet, or a file the build read is gone: either way it must be built again.
    return null;
  }
}

/**
 * The files among a bundler's inputs that are sources of this checkout, relative to it: not
 * packages, not virtual modules ("\0…"), without query suffixes ("?commonjs-proxy").
 */
export function sourceInputs(root, ids) {
  const files = new Set();
  for (const id of ids) {
    if (id.startsWith('\0')) continue;
    const file = path.relative(root, path.resolve(root, id.split('?')[0]));
    if (file.startsWith('..') || file.split(path.sep).includes('node_modules') || !fs.existsSync(path.join(root, file))) continue;
    files.add(file);
  }
  return [...files].sort();
}
