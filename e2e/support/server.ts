// Starts the BUILT server the way a newcomer does (`node bin/rinnalla.mjs start`) on a fresh
// embedded database, so every journey begins at "first start" with the demo provider seeded.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

/** The demo accounts of `src/server/kernel/db/seed-demo.ts`. */
export const demo = {
  password: 'rinnalla-demo-2026',
  providerName: 'Tukiranta (demo)',
  admin: { email: 'admin@demo.rinnalla.test', name: 'Aino Admin' },
  practitioner: { email: 'supervisor@demo.rinnalla.test', name: 'Sanna Supervisor' },
  participant: { email: 'employee@demo.rinnalla.test', name: 'Emma Employee' },
  organisations: ['Hoivakoti Kaisla', 'Vakuutus Aalto, asiakaspalvelu'],
} as const;

export interface RunningServer {
  /** e.g. `http://localhost:41234`, the address the server prints and puts into mailed links. */
  baseUrl: string;
  port: number;
  dataDir: string;
  /** Everything the server wrote to stdout and stderr so far (for failure reports). */
  output(): string;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => (port ? resolve(port) : reject(new Error('no free port'))));
    });
  });
}

/**
 * First start migrates and seeds a year of demo history (about 8 s on an idle two-core machine);
 * a loaded CI machine can take several times that, and a slow start is not what a journey tests.
 */
const readyTimeoutMs = 150_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function exited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}

async function waitForExit(child: ChildProcess, ms: number): Promise<boolean> {
  if (exited(child)) return true;
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

/** Start `node bin/rinnalla.mjs start` with a fresh DATA_DIR and a free PORT; resolves once /readyz answers 200. */
export async function startServer(options: { readyTimeoutMs?: number } = {}): Promise<RunningServer> {
  const cli = path.join(repoRoot, 'bin', 'rinnalla.mjs');
  if (
    !existsSync(path.join(repoRoot, 'dist', 'server', 'cli', 'cli.js')) ||
    !existsSync(path.join(repoRoot, 'dist', 'web', 'index.html'))
  ) {
    throw new Error('The app is not built: run `npm run build` before the browser journeys (npm test and npm run test:e2e do).');
  }
  const port = await freePort();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'rinnalla-e2e-'));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    RINNALLA_ENV: 'development',
    DATA_DIR: dataDir,
    PORT: String(port),
    JOBS: 'on',
  };
  // A newcomer's first start: the embedded database, mail kept in the outbox, links to localhost.
  for (const name of ['DATABASE_URL', 'PUBLIC_URL', 'SMTP_URL', 'DATA_KEY', 'SESSION_SECRET', 'HOST', 'NODE_OPTIONS']) delete env[name];

  const child = spawn(process.execPath, [cli, 'start'], { cwd: repoRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const keep = (chunk: Buffer) => {
    output += chunk.toString('utf8');
    if (output.length > 400_000) output = output.slice(-300_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);

  const baseUrl = `http://localhost:${port}`;
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    if (!exited(child)) {
      child.kill('SIGTERM');
      if (!(await waitForExit(child, 10_000))) {
        child.kill('SIGKILL');
        await waitForExit(child, 5_000);
      }
    }
    rmSync(dataDir, { recursive: true, force: true });
  };

  // Ready = /readyz answers 200 and the start-up banner (address, demo sign-ins) has been printed.
  const deadline = Date.now() + (options.readyTimeoutMs ?? readyTimeoutMs);
  for (;;) {
    if (exited(child)) {
      await stop();
      throw new Error(`The server exited during start-up (code ${child.exitCode}, signal ${child.signalCode}):\n${output}`);
    }
    try {
      const res = await fetch(`http://127.0.0.1:${port}/readyz`, { signal: AbortSignal.timeout(2_000) });
      if (res.status === 200 && output.includes(`Rinnalla is running at ${baseUrl}`)) break;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`The server did not become ready within ${options.readyTimeoutMs ?? readyTimeoutMs} ms:\n${output}`);
    }
    await sleep(150);
  }
  return { baseUrl, port, dataDir, output: () => output, stop };
}
