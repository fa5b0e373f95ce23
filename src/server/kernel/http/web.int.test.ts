import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.js';
import { freshDatabase } from '../../testing/database.js';
import { testConfig } from '../../testing/harness.js';
import type { Db } from '../db/database.js';

let db: Db;
let app: FastifyInstance;
const webRoot = mkdtempSync(path.join(tmpdir(), 'rinnalla-web-'));

beforeAll(async () => {
  writeFileSync(path.join(webRoot, 'index.html'), '<!doctype html><title>Rinnalla</title>');
  db = await freshDatabase();
  app = await buildApp({ config: testConfig(), db, mailTransport: null, webRoot });
});
afterAll(async () => {
  await app.close();
  await db.close();
  rmSync(webRoot, { recursive: true, force: true });
});

const page = (url: string) => app.inject({ method: 'GET', url, headers: { accept: 'text/html' } });

describe('serving the web app', () => {
  it('serves the app at the root and at app paths, never cached stale, not framable', async () => {
    for (const url of ['/', '/admin/members']) {
      const res = await page(url);
      expect(res.statusCode, url).toBe(200);
      expect(res.body).toContain('<title>Rinnalla</title>');
      expect(res.headers['cache-control']).toBe('no-store');
      expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    }
  });

  it('lets the public request form be embedded in a provider site', async () => {
    const res = await page('/request/tukiranta-demo?embed=1');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-security-policy']).toContain('frame-ancestors *');
    expect(res.headers['x-frame-options']).toBeUndefined();
  });

  it('answers unknown API paths with JSON, not the app', async () => {
    const res = await page('/api/unknown');
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('not_found');
  });
});
