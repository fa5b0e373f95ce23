// The whole suite, as `npm test` runs it: unit → HTTP integration on PGlite → the same on
// PostgreSQL when TEST_DATABASE_URL is set → browser journeys in Debian's Chromium.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const steps = [];

function run(label, command, args, env = {}) {
  console.log(`\n━━ ${label} ━━`);
  const started = Date.now();
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  const ok = result.status === 0;
  steps.push({ label, ok, seconds: ((Date.now() - started) / 1000).toFixed(1) });
  return ok;
}

const vitest = ['node_modules/vitest/vitest.mjs', 'run'];
// What the team relies on is gated with the tests: both type checks (the web app's is not part of
// the server build) and Biome's lint and format rules.
const tsc = 'node_modules/typescript/bin/tsc';
let ok = run('type check: server, journeys and bench', 'node', [tsc, '-p', 'tsconfig.json', '--noEmit']);
ok = run('type check: web app', 'node', [tsc, '-p', 'tsconfig.web.json', '--noEmit']) && ok;
ok = run('lint and format (Biome)', 'node', ['node_modules/@biomejs/biome/bin/biome', 'check', 'src', 'e2e', 'bench', 'scripts']) && ok;
ok = run('unit tests', 'node', [...vitest, '--project', 'unit']) && ok;
ok = run('integration tests on PGlite (embedded)', 'node', [...vitest, '--project', 'integration'], { TEST_DB: 'pglite' }) && ok;
if (process.env.TEST_DATABASE_URL) {
  ok =
    run('integration tests on PostgreSQL (TEST_DATABASE_URL)', 'node', [...vitest, '--project', 'integration'], { TEST_DB: 'postgres' }) &&
    ok;
} else {
  console.log('\n(TEST_DATABASE_URL is not set: the integration suite ran on PGlite only; .ci/run also runs it on PostgreSQL.)');
}

if (existsSync(chromium)) {
  ok = run('build for the browser journeys', 'npm', ['run', 'build', '--silent']) && ok;
  ok = run('browser journeys (headless Chromium)', 'node', [...vitest, '--project', 'e2e'], { CHROMIUM_PATH: chromium }) && ok;
} else {
  const banner = [
    '',
    '████████████████████████████████████████████████████████████████████████',
    `  CHROMIUM IS MISSING (${chromium}): the browser journeys did NOT run.`,
    '  Install it from Debian with:   sudo apt-get install -y chromium',
    '  (or set CHROMIUM_PATH to another Chromium binary)',
    '████████████████████████████████████████████████████████████████████████',
    '',
  ].join('\n');
  console.error(banner);
  steps.push({ label: 'browser journeys (Chromium missing)', ok: !process.env.CI, seconds: '0' });
  // In CI a missing browser is a failure; on a newcomer's machine the rest of the suite still counts.
  if (process.env.CI) ok = false;
}

console.log('\n━━ summary ━━');
for (const s of steps) console.log(`${s.ok ? 'PASS' : 'FAIL'}  ${s.label}  (${s.seconds} s)`);
process.exit(ok ? 0 : 1);
