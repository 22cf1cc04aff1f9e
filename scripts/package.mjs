// `npm run package` (or `npm run package -- --linux deb`): builds, then makes installers in dist/ with
// electron-builder (electron-builder.yml). It needs internet: electron-builder downloads the Electron
// runtime and its tools, and rebuilds better-sqlite3 for Electron inside node_modules/. That rebuild
// would leave every Node test, the CLI and the web shell broken, so the Node build of better-sqlite3
// is set aside first and put back afterwards, whether packaging worked or not.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const nodeBuild = path.join(root, 'node_modules', 'better-sqlite3', 'build');
const savedBuild = path.join(root, 'out', 'better-sqlite3-node-build');

// Under npm, npm_execpath is npm's own script: running it with node avoids .cmd shims on Windows.
const [npm, npmArgs] = process.env.npm_execpath ? [process.execPath, [process.env.npm_execpath]] : ['npm', []];
const built = spawnSync(npm, [...npmArgs, 'run', 'build'], { cwd: root, stdio: 'inherit', shell: !process.env.npm_execpath && process.platform === 'win32' });
if (built.status !== 0) stop('Pamoja JWP could not be built (the messages above say why), so nothing was packaged.');

fs.rmSync(savedBuild, { recursive: true, force: true });
fs.cpSync(nodeBuild, savedBuild, { recursive: true });
// Ctrl+C reaches electron-builder too; this process stays to put the Node build back.
process.on('SIGINT', () => {});
let code;
try {
  code = await run(process.execPath, [require.resolve('electron-builder/cli.js'), '--publish', 'never', ...process.argv.slice(2)]);
} finally {
  fs.rmSync(nodeBuild, { recursive: true, force: true });
  fs.renameSync(savedBuild, nodeBuild);
}
if (code !== 0) {
  stop('Packaging failed (the messages above say why); electron-builder needs internet access to download Electron and rebuild the database driver.');
}
console.log('The installers are in dist/.');

function run(command, args) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, stdio: 'inherit' });
    child.on('error', () => resolve(1));
    child.on('exit', (exitCode) => resolve(exitCode ?? 1));
  });
}

function stop(sentence) {
  console.error(sentence);
  process.exit(1);
}
