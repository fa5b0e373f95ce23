import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase, type TestDb } from '../../testing/database.js';
import { Client, seedWorld, startTestApp, type TestApp, type World } from '../../testing/harness.js';
import { Repository } from '../access/repository.js';
import { DataCipher } from '../crypto.js';
import { auditTargets } from './queries.js';

let db: TestDb;
let t: TestApp;
let world: World;
let admin: Client;

beforeAll(async () => {
  db = await freshDatabase();
  t = await startTestApp({ db });
  world = await seedWorld(t.db, new DataCipher(t.config.dataKey));
  admin = new Client(t.app);
  await admin.signIn(world.users.provider_admin.email);
});
afterAll(() => t.close());

describe('audit trail', () => {
  it('records sign-ins, failed sign-ins and writes with who, what, which record, when and from where', async () => {
    await new Client(t.app).post('/api/auth/sign-in', { email: world.users.practitioner.email, password: 'a wrong password' });
    const org = (await admin.post('/api/organisations', { name: 'Audited Org' })).json();
    const events = (await admin.get('/api/audit?pageSize=200')).json().items as {
      action: string;
      entityId: string | null;
      actorEmail: string | null;
      ip: string | null;
      userAgent: string | null;
      at: string;
    }[];
    const actions = events.map((e) => e.action);
    expect(actions).toContain('auth.sign_in');
    expect(actions).toContain('auth.mfa_verified');
    expect(actions).toContain('auth.sign_in_failed');
    const create = events.find((e) => e.action === 'organisation.create');
    expect(create).toMatchObject({
      entityId: org.id,
      actorEmail: world.users.provider_admin.email,
      ip: '127.0.0.1',
      userAgent: 'rinnalla-test',
    });
    expect(Date.parse(create!.at)).toBeGreaterThan(Date.now() - 60_000);
  });

  it('filters by action and time, and pages', async () => {
    const res = (await admin.get('/api/audit?action=organisation.create')).json();
    expect(res.items.every((e: { action: string }) => e.action === 'organisation.create')).toBe(true);
    const future = (await admin.get(`/api/audit?from=${encodeURIComponent(new Date(Date.now() + 3600_000).toISOString())}`)).json();
    expect(future.total).toBe(0);
    const bad = await admin.get('/api/audit?from=2026-02-01&to=2026-01-01');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0].path).toBe('from');
    expect((await admin.get('/api/audit/actions')).json().items).toContain('organisation.create');
  });

  it('names the records events are about, for a reader who may see them, and lists the actors for the filter', async () => {
    const org = (await admin.post('/api/organisations', { name: 'Named Org' })).json();
    const events = (await admin.get('/api/audit?pageSize=200')).json().items as {
      action: string;
      entityType: string | null;
      entityId: string | null;
      targetName: string | null;
      targetAt: string | null;
    }[];
    const create = events.find((e) => e.action === 'organisation.create' && e.entityId === org.id);
    expect(create).toMatchObject({ entityType: 'organisation', targetName: 'Named Org', targetAt: null });
    const person = await admin.post('/api/people', { organisationId: org.id, name: 'Audited Person' });
    expect(person.statusCode, person.body).toBe(201);
    const personEvent = (await admin.get('/api/audit?action=person.create')).json().items[0];
    expect(personEvent).toMatchObject({ entityId: person.json().id, targetName: 'Audited Person' });
    // Events about no record of a named kind stay unnamed.
    expect(events.find((e) => e.action === 'auth.sign_in')?.targetName ?? null).toBeNull();

    const actors = (await admin.get('/api/audit/actors')).json().items as { id: string; name: string | null; email: string }[];
    const me = actors.find((a) => a.email === world.users.provider_admin.email);
    expect(me).toBeTruthy();
    expect(new Set(actors.map((a) => a.id)).size).toBe(actors.length);
    const mine = (await admin.get(`/api/audit?actorId=${me!.id}&pageSize=200`)).json().items as { actorId: string }[];
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((e) => e.actorId === me!.id)).toBe(true);
    // Another provider's admin does not see this provider's people as actors.
    const other = new Client(t.app);
    await other.signIn(world.users.other_tenant_admin.email);
    const theirs = (await other.get('/api/audit/actors')).json().items as { email: string }[];
    expect(theirs.some((a) => a.email === world.users.provider_admin.email)).toBe(false);
  });

  it('names a target only for a reader who may read it, in one query per kind', async () => {
    const person = (await admin.post('/api/people', { organisationId: world.organisationId, name: 'Hidden Person' })).json();
    const events = [
      { entity_type: 'person', entity_id: person.id as string },
      { entity_type: 'organisation', entity_id: world.organisationId },
      { entity_type: 'member', entity_id: world.users.practitioner.membershipId },
      { entity_type: 'process', entity_id: 'not-a-uuid' },
    ];
    const caller = (grants: { role: 'provider_admin' | 'participant'; organisationId: string | null; unitId: null }[]) => ({
      userId: world.users.provider_admin.id,
      sessionId: null,
      providerId: world.providerId,
      grants,
      isPlatformAdmin: false,
      fullySignedIn: true,
      ip: null,
      userAgent: null,
      requestId: null,
    });
    let queries = 0;
    const counting = t.db.kysely.withPlugin({
      transformQuery: (args) => {
        queries++;
        return args.node;
      },
      transformResult: async (args) => args.result,
    });
    const named = await auditTargets(new Repository(counting, caller([{ role: 'provider_admin', organisationId: null, unitId: null }])), [
      ...events,
      ...events,
    ]);
    expect(named.get(`person:${person.id}`)?.name).toBe('Hidden Person');
    expect(named.get(`member:${world.users.practitioner.membershipId}`)?.name).toBeTruthy();
    expect(queries).toBeLessThanOrEqual(3);
    const none = await auditTargets(new Repository(t.db.kysely, caller([])), events);
    expect(none.size).toBe(0);
  });

  it('shows one provider only its own events', async () => {
    const other = new Client(t.app);
    await other.signIn(world.users.other_tenant_admin.email);
    const events = (await other.get('/api/audit?pageSize=200')).json().items as { actorEmail: string | null }[];
    expect(events.some((e) => e.actorEmail === world.users.provider_admin.email)).toBe(false);
  });

  it('cannot be changed or deleted, even with direct SQL', async () => {
    // On PostgreSQL the app's role has no such grant; the trigger stops even the owner.
    await expect(sql`update audit_events set action = 'tampered'`.execute(t.db.kysely)).rejects.toThrow(/append-only|permission denied/);
    await expect(sql`delete from audit_events`.execute(t.db.kysely)).rejects.toThrow(/append-only|permission denied/);
    await expect(sql`update audit_events set action = 'tampered'`.execute(db.owner)).rejects.toThrow(/append-only/);
    await expect(sql`delete from audit_events`.execute(db.owner)).rejects.toThrow(/append-only/);
    const routes = t.app.routeTable.filter((r) => r.url.startsWith('/api/audit'));
    expect(routes.every((r) => r.method === 'GET')).toBe(true);
  });
});
