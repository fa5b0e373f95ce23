// Installs dependencies when they are missing or older than the lock file, so `npm start` and
// `npm test` work on a fresh clone with nothing else done.
import { execSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';

const marker = 'node_modules/.package-lock.json';
const stale =
  !existsSync(marker) || (existsSync('package-lock.json') && statSync('package-lock.json').mtimeMs > statSync(marker).mtimeMs + 1000);
if (stale) {
  // `npm install`, not `npm ci`: npm 11 writes lock files without the other platforms' optional
  // binaries (Biome's), and `npm ci` then refuses the lock as out of sync. With a lock present,
  // `npm install` installs the locked versions.
  console.log('Installing dependencies…');
  execSync('npm install --no-audit --no-fund', { stdio: 'inherit' });
}
