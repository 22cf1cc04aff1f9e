// `npm start` (or `npm start -- --db FILE`): opens Pamoja JWP as a desktop window.
//  1. Finds the Electron runtime, trying its download once if it is missing (before building, so a
//     machine without it is told at once).
//  2. Builds the renderer and the Electron bundle; PAMOJA_SKIP_BUILD=1 skips this for a quick relaunch.
//  3. Makes a copy of better-sqlite3 built for Electron in out/electron/node_modules/. Node resolves
//     main.cjs's require('better-sqlite3') there first, so the copy in node_modules/ stays built for
//     Node and the tests, the CLI and the web shell keep working.
//  4. Runs Electron on this folder, passing the arguments on.
// Every failure ends with one plain sentence and exit code 1, never a stack trace.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const WEB_HINT = 'run `npm run web` to use the same app in your browser.';

const electron = findElectron() ?? downloadElectron();
if (!electron) {
  stop(
    `The Electron desktop runtime is not installed on this machine and could not be downloaded, so Pamoja JWP cannot open as a desktop window here; ${WEB_HINT}`,
  );
}
if (!process.env.PAMOJA_SKIP_BUILD) build();
prepareSqliteForElectron(electron.version);

const child = spawn(electron.binary, [root, ...process.argv.slice(2)], {
  stdio: 'inherit',
  // npm runs scripts in the package folder; a relative --db path means the folder the user typed in.
  cwd: process.env.INIT_CWD ?? process.cwd(),
});
child.on('exit', (code) => process.exit(code ?? 1));

/** The runtime's executable and version, or null when it is not on disk. */
function findElectron() {
  try {
    const binary = require('electron');
    const { version } = require('electron/package.json');
    return fs.existsSync(binary) ? { binary, version } : null;
  } catch {
    return null;
  }
}

/** Electron's own installer fetches the runtime; it fails within a second when offline. */
function downloadElectron() {
  if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) return null;
  let installer;
  try {
    installer = path.join(path.dirname(require.resolve('electron/package.json')), 'install.js');
  } catch {
    return null;
  }
  console.log('Downloading the Electron desktop runtime (about 100 MB, first start only)…');
  spawnSync(process.execPath, [installer], { stdio: 'ignore' });
  return findElectron();
}

function build() {
  // Under npm, npm_execpath is npm's own script: running it with node avoids .cmd shims on Windows.
  const [command, args] = process.env.npm_execpath ? [process.execPath, [process.env.npm_execpath, 'run', 'build']] : ['npm', ['run', 'build']];
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', shell: !process.env.npm_execpath && process.platform === 'win32' });
  if (result.status !== 0) stop('Pamoja JWP could not be built (the messages above say why), so it was not started.');
}

/** Builds the Electron copy of better-sqlite3 once per Electron and better-sqlite3 version. */
function prepareSqliteForElectron(electronVersion) {
  const source = path.join(root, 'node_modules', 'better-sqlite3');
  const target = path.join(root, 'out', 'electron', 'node_modules', 'better-sqlite3');
  const stampFile = path.join(target, '.pamoja-built-for');
  const { version } = JSON.parse(fs.readFileSync(path.join(source, 'package.json'), 'utf8'));
  const stamp = `electron ${electronVersion}, better-sqlite3 ${version}, ${process.platform}-${process.arch}`;
  if (fs.existsSync(stampFile) && fs.readFileSync(stampFile, 'utf8') === stamp) return;

  console.log('Preparing the database driver for Electron (first start only, this can take a minute)…');
  fs.rmSync(target, { recursive: true, force: true });
  const nodeBuild = path.join(source, 'build');
  fs.cpSync(source, target, { recursive: true, filter: (file) => file !== nodeBuild && !file.startsWith(nodeBuild + path.sep) });
  // The copy is its own build path, so nothing else in node_modules is touched. It runs in a child
  // process so the compiler's output goes to a log file, and as a plain -e script because the
  // node-gyp worker that @electron/rebuild forks inherits node's flags (--input-type breaks it).
  const rebuild = `import('@electron/rebuild')
    .then(({ rebuild }) => rebuild({ buildPath: process.argv[1], electronVersion: process.argv[2], onlyModules: [], force: true }))
    .catch((error) => { console.error(error); process.exit(1); });`;
  const result = spawnSync(process.execPath, ['-e', rebuild, target, electronVersion], { cwd: root, encoding: 'utf8' });
  if (result.status !== 0) {
    const log = path.join(root, 'out', 'electron', 'sqlite-build.log');
    fs.writeFileSync(log, `${result.stdout ?? ''}${result.stderr ?? ''}${result.error ? String(result.error) : ''}`);
    fs.rmSync(target, { recursive: true, force: true });
    stop(
      `The database driver could not be built for Electron (details in ${path.relative(root, log)}), so Pamoja JWP cannot open as a desktop window here; ${WEB_HINT}`,
    );
  }
  fs.writeFileSync(stampFile, stamp);
}

function stop(sentence) {
  console.error(sentence);
  process.exit(1);
}
