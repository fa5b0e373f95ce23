#!/usr/bin/env node
// The package's command: runs the built server (npm start builds it first).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const cli = fileURLToPath(new URL('../dist/server/cli/cli.js', import.meta.url));
if (!existsSync(cli)) {
  console.error('Rinnalla is not built yet: run `npm run build` (or `npm start`) first.');
  process.exit(1);
}
await import(cli);
