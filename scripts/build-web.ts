/**
 * Builds the web app with Vite when dist/web is missing or older than its sources (`--if-needed`), or
 * always without the flag. `npm start` runs it first, so a fresh clone serves the real UI.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { build } from 'vite';

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    const m = entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs;
    if (m > newest) newest = m;
  }
  return newest;
}

const ifNeeded = process.argv.includes('--if-needed');
const output = path.resolve('dist/web/index.html');
const sources = Math.max(newestMtime(path.resolve('src/web')), newestMtime(path.resolve('src/domain')), statSync('vite.config.ts').mtimeMs);
if (ifNeeded && existsSync(output) && statSync(output).mtimeMs >= sources) {
  process.stdout.write('Web app is up to date (dist/web).\n');
} else {
  process.stdout.write('Building the web app (dist/web)...\n');
  await build({ configFile: path.resolve('vite.config.ts'), logLevel: 'warn' });
  process.stdout.write('Web app built.\n');
}
