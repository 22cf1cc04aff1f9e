// The renderer's build (Vite, into out/renderer) and its stamp in out/renderer-stamp.json (outside
// the folder the web shell serves). vite.config.ts writes the stamp at the end of every build.
import path from 'node:path';
import { currentBuildStamp } from './build-stamp.mjs';

export const rendererStampFile = (root) => path.join(root, 'out', 'renderer-stamp.json');

/** Whether out/renderer was built from the sources as they are now. */
export function rendererBuildIsCurrent(root) {
  return currentBuildStamp(root, rendererStampFile(root)) !== null;
}
