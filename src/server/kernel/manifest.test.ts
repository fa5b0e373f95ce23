/**
 * The manifests are complete: every table owned once and declared with its personal data, every
 * tenant table granted by its owner, migrations named and ordered, and every route a manifest
 * registers walked by that manifest's authorisation entries (kernel/access/walk.ts). A module that
 * forgets a part fails here (or at start, in composePolicies), not in review. The columns are
 * checked against the migrated database in db/schema.int.test.ts.
 */
import Fastify from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { describe, expect, it } from 'vitest';
import { modules } from '../modules/index.js';
import { testConfig } from '../testing/harness.js';
import { policies } from './access/policy.js';
import { systemClock } from './clock.js';
import { releases } from './db/releases.js';
import { composePolicies, defineModule, mergeMigrations, tableOwners } from './module.js';

describe('the module list', () => {
  it('names each module once, the kernel first', () => {
    expect(modules[0]?.name).toBe('kernel');
    expect(new Set(modules.map((m) => m.name)).size).toBe(modules.length);
  });

  it('has every table owned by exactly one manifest', () => {
    const owners = tableOwners(modules);
    expect(owners.get('processes')).toBe('processes');
    expect(owners.get('users')).toBe('kernel');
    const twice = defineModule({ ...modules[1]!, name: 'copy', tables: modules[0]!.tables.slice(0, 1) });
    expect(() => tableOwners([...modules, twice])).toThrow(/claimed by both kernel and copy/);
  });

  it('composes the policy from the manifests: each tenant table granted by its owner only', () => {
    const tenant = modules.flatMap((m) => m.tables.filter((t) => t.tenant).map((t) => t.name));
    expect(Object.keys(policies).sort()).toEqual([...tenant].sort());
    const [kernel, ...rest] = modules;
    const poaching = defineModule({ ...kernel!, policy: { ...kernel!.policy, processes: [] } });
    expect(() => composePolicies([poaching, ...rest])).toThrow(/grants on processes, a table processes owns/);
    const forgetful = defineModule({ ...kernel!, policy: { ...kernel!.policy, audit_events: undefined as never } });
    delete (forgetful.policy as Record<string, unknown>).audit_events;
    expect(() => composePolicies([forgetful, ...rest])).toThrow(/no policy for its tenant table audit_events/);
  });
});

describe('tables', () => {
  const tables = modules.flatMap((m) => m.tables.map((t) => ({ module: m.name, ...t })));

  it('a tenant table has provider_id; a global one is not walled', () => {
    for (const t of tables) if (t.tenant) expect(['uuid', 'uuid?'], t.name).toContain((t.columns as Record<string, string>).provider_id);
  });

  it('every table declares its personal data; personal data has retention, find, export and erase', () => {
    const problems: string[] = [];
    for (const t of tables) {
      const p = t.personal as Record<string, unknown> & { category?: string };
      if (!p?.category) {
        problems.push(`${t.name}: no personal-data declaration`);
        continue;
      }
      if (p.category === 'none') {
        if (!p.why) problems.push(`${t.name}: says it holds no personal data without saying why`);
        continue;
      }
      const pd = t.personal as Extract<typeof t.personal, { retention: unknown }>;
      if (!pd.what) problems.push(`${t.name}: no description of what it holds`);
      if (!pd.retention?.rule) problems.push(`${t.name}: no retention rule`);
      if (!pd.find?.column || !(pd.find.column in t.columns)) problems.push(`${t.name}: no column to find a person's rows by`);
      if (!pd.export) problems.push(`${t.name}: no export`);
      if (!pd.erase?.how || !pd.erase.detail) problems.push(`${t.name}: no erasure`);
    }
    expect(problems).toEqual([]);
  });

  it('health data is special category: answers, scores and alerts', () => {
    const category = (name: string) => tables.find((t) => t.name === name)?.personal.category;
    expect(['responses', 'measure_alerts', 'checkins', 'scaling_scores'].map(category)).toEqual([
      'special',
      'special',
      'special',
      'special',
    ]);
    expect(category('meeting_notes')).toBe('confidential');
  });
});

describe('migrations', () => {
  const all = Object.keys(mergeMigrations(modules));
  const last = releases.at(-1)!;

  it('run in name order, the historic ones unchanged in name and place', () => {
    expect(all).toEqual([...all].sort());
    expect(all.slice(0, 10)).toEqual(releases.flatMap((r) => r.migrations));
  });

  it('after the last release, each is named NNNN_<its module>_<what> and numbered after it', () => {
    for (const m of modules) {
      for (const name of Object.keys(m.migrations)) {
        if (releases.some((r) => r.migrations.includes(name))) continue;
        expect(name, `${m.name}: ${name}`).toMatch(new RegExp(`^\\d{4}_${m.name}_[a-z0-9_]+$`));
        expect(name > last.migrations.at(-1)!, `${name} sorts after ${last.name}`).toBe(true);
      }
    }
  });

  it('fails on a name listed twice', () => {
    const again = defineModule({ ...modules[1]!, migrations: { '0001_kernel': modules[0]!.migrations['0001_kernel']! } });
    expect(() => mergeMigrations([...modules, again])).toThrow(/listed twice/);
  });
});

describe('routes and the authorisation walk', () => {
  /** The app's own routes (app.ts), walked in the kernel's table. */
  const appRoutes = ['GET /', 'GET /api/openapi.json'];

  for (const m of modules) {
    it(`${m.name}: a walk entry for every route it registers, and none for another's`, async () => {
      const app = Fastify();
      app.setValidatorCompiler(validatorCompiler);
      app.setSerializerCompiler(serializerCompiler);
      // What routes read while registering (rate limits, the clock); no request is made.
      app.decorate('kernel', { config: testConfig(), clock: systemClock, db: {} } as never);
      const registered: string[] = [];
      app.addHook('onRoute', (r) => {
        for (const method of [r.method].flat()) if (method !== 'HEAD') registered.push(`${method} ${r.url}`);
      });
      for (const register of await m.routes()) await app.register(register);
      await app.ready();
      const walked = Object.keys(await m.walk()).filter((k) => m.name !== 'kernel' || !appRoutes.includes(k));
      expect(
        registered.filter((r) => !walked.includes(r)),
        'routes without a walk entry',
      ).toEqual([]);
      expect(
        walked.filter((w) => !registered.includes(w)),
        'walk entries for routes it does not register',
      ).toEqual([]);
      await app.close();
    });
  }
});
