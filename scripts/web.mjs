// `npm run web [-- --db FILE --port N]`: the app in a browser. Builds the screens only when a
// source changed since the last build (and says which it did), then runs `pamoja serve`.
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { rendererBuildIsCurrent } from './renderer-build.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

if (rendererBuildIsCurrent(root)) {
  console.log('The screens are up to date (out/renderer); skipping their build.');
} else {
  console.log('Building the screens (a source changed since the last build)…');
  const build = spawnSync(process.execPath, [path.join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'warn'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (build.status !== 0) {
    console.error('The screens could not be built (the messages above say why), so the web shell was not started.');
    process.exit(1);
  }
}

const serve = spawn(process.execPath, [path.join(root, 'bin', 'pamoja.mjs'), 'serve', ...process.argv.slice(2)], {
  stdio: 'inherit',
  // npm runs scripts in the package folder; a relative --db path means the folder the user typed in.
  cwd: process.env.INIT_CWD ?? process.cwd(),
});
// Ctrl+C reaches both processes; the server closes the database and exits, and so do we.
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => serve.kill(signal));
serve.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
