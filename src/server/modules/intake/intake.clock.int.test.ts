/**
 * The intake against a clock the test moves: the first-contact clock, what is stored and audited
 * for a public submission, what the crisis alert says and in which language, the first status of a
 * triaged process, and that no personal data reaches the log.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FixedClock } from '../../kernel/clock.js';
import { DataCipher } from '../../kernel/crypto.js';
import {
  Client,
  memoryLog,
  seedWorld,
  startTestApp,
  type TestApp,
  testPassword,
  testTotpSecret,
  type World,
} from '../../testing/harness.js';
import { type SupervisionWorld, seedSupervision } from '../../testing/supervision.js';

const clock = new FixedClock(new Date());
const log = memoryLog();
let t: TestApp;
let world: World;
let sup: SupervisionWorld;
let practitioner: Client;
let admin: Client;

const minute = 60_000;

const crisis = {
  kind: 'crisis',
  serviceKind: 'crisis_individual',
  organisationName: 'Fjordbuss AS',
  contactName: 'Kari Nordmann',
  contactPhone: '+47 912 34 567',
  contactEmail: 'kari@fjordbuss.test',
  eventType: 'accident',
  eventAt: new Date(clock.now().getTime() - 90 * minute).toISOString(),
  affectedCount: 7,
  location: 'Depot Bergen',
  preferredLocale: 'nb',
  message: 'A bus driver was injured in the depot.',
  consent: true,
  elapsedMs: 60_000,
};

async function signedIn(email: string): Promise<Client> {
  const c = new Client(t.app);
  const res = await c.signIn(email, testPassword, testTotpSecret, clock);
  expect(res.statusCode).toBe(200);
  return c;
}

async function submit(body: object, headers: Record<string, string> = {}) {
  const c = new Client(t.app);
  return c.request('POST', '/api/public/providers/provider-a/requests', body, headers);
}

/** The one request sent for this organisation name (each test uses its own). */
async function byOrganisation(name: string) {
  return t.db.kysely.selectFrom('requests').selectAll().where('organisation_name', '=', name).executeTakeFirstOrThrow();
}

beforeAll(async () => {
  t = await startTestApp({ clock, config: { logLevel: 'info' }, logStream: log.stream });
  const cipher = new DataCipher(t.config.dataKey);
  world = await seedWorld(t.db, cipher);
  sup = await seedSupervision(t.db, world, cipher);
  // The on-call practitioner reads Swedish; the other practitioner is not on call.
  await t.db.kysely.updateTable('users').set({ locale: 'sv' }).where('id', '=', world.users.practitioner.id).execute();
  practitioner = await signedIn(world.users.practitioner.email);
  admin = await signedIn(world.users.provider_admin.email);
});
afterAll(() => t.close());

describe('a public crisis request', () => {
  it('is stored with its consent and audited with where it came from', async () => {
    const res = await submit(crisis, { 'user-agent': 'Form browser', 'x-request-id': 'req-intake-1' });
    expect(res.statusCode).toBe(202);
    expect(res.json()).toEqual({ received: true });
    const row = await byOrganisation('Fjordbuss AS');
    expect(row).toMatchObject({
      source: 'public',
      status: 'new',
      organisation_id: null,
      submitted_by: null,
      privacy_notice_version: 'v1',
      preferred_locale: 'nb',
    });
    expect(new Date(row.consent_at).toISOString()).toBe(clock.now().toISOString());
    expect(new Date(row.created_at).toISOString()).toBe(clock.now().toISOString());
    const audit = await t.db.kysely
      .selectFrom('audit_events')
      .selectAll()
      .where('action', '=', 'request.create')
      .where('entity_id', '=', row.id)
      .executeTakeFirstOrThrow();
    expect(audit).toMatchObject({
      provider_id: world.providerId,
      actor_user_id: null,
      user_agent: 'Form browser',
      request_id: 'req-intake-1',
    });
    // The audit trail records that it happened, not what the person wrote.
    expect(JSON.stringify(audit.details)).not.toContain('Kari');
  });

  it('alerts the on-call practitioner in their language with what, when, how many, where, a phone and a link', async () => {
    await t.deliverMail();
    t.mail.sent = [];
    await submit({ ...crisis, organisationName: 'Fjordbuss Vest AS' });
    const id = (await byOrganisation('Fjordbuss Vest AS')).id;
    const sent = await t.deliverMail();
    const alert = sent.find((m) => m.to === world.users.practitioner.email);
    expect(alert?.subject).toBe('KRIS: Fjordbuss Vest AS – olycka eller arbetsolycka');
    for (const fact of ['Berörda: 7', 'Var: Depot Bergen', '+47 912 34 567', `http://rinnalla.test/intake/${id}`, 'mål 4 h'])
      expect(alert?.text).toContain(fact);
    expect(sent.some((m) => m.to === world.users.other_practitioner.email)).toBe(false);
    const confirmation = sent.find((m) => m.to === 'kari@fjordbuss.test');
    expect(confirmation?.subject).toBe('Vi har mottatt henvendelsen din – Provider A');
    // Provider A is Finnish: the emergency number is Finland's, in Norwegian (never Norway's 113).
    expect(confirmation?.text).toContain('112');
    expect(confirmation?.text).not.toContain('113');
  });

  it('sends nothing and stores nothing for a bot', async () => {
    const before = (
      await t.db.kysely
        .selectFrom('requests')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n;
    await t.deliverMail();
    t.mail.sent = [];
    expect((await submit({ ...crisis, website: 'x' })).statusCode).toBe(202);
    expect((await submit({ ...crisis, elapsedMs: 2499 })).statusCode).toBe(202);
    expect(await t.deliverMail()).toEqual([]);
    expect(
      (
        await t.db.kysely
          .selectFrom('requests')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    ).toEqual(before);
  });

  it('answers an unknown provider with 404', async () => {
    const res = await new Client(t.app).post('/api/public/providers/no-such-provider/requests', crisis);
    expect(res.statusCode).toBe(404);
  });

  it('never writes the sender’s details to the log', () => {
    const text = log.text();
    expect(text).toContain('/api/public/providers/provider-a/requests');
    for (const secret of ['Kari', 'kari@fjordbuss.test', '912 34 567', 'Depot Bergen', 'bus driver']) expect(text).not.toContain(secret);
  });
});

describe('the first-contact clock', () => {
  it('runs from arrival against the target, turns overdue, and measures the minutes to the first contact', async () => {
    await submit({ ...crisis, organisationName: 'Clock Test Oy', preferredLocale: 'fi' });
    const id = (await byOrganisation('Clock Test Oy')).id;
    const arrived = clock.now();
    const view = async () => (await practitioner.get('/api/requests')).json().items.find((r: { id: string }) => r.id === id);
    expect(await view()).toMatchObject({
      createdAt: arrived.toISOString(),
      firstContactDueAt: new Date(arrived.getTime() + 240 * minute).toISOString(),
      firstContactAt: null,
      minutesToFirstContact: null,
      overdue: false,
    });
    clock.advance(241 * minute);
    expect(await view()).toMatchObject({ overdue: true, minutesToFirstContact: null });
    clock.advance(9 * minute);
    const contacted = await practitioner.post(`/api/requests/${id}/first-contact`, { note: 'Phoned the manager' });
    expect(contacted.json()).toMatchObject({
      status: 'contacted',
      minutesToFirstContact: 250,
      overdue: true,
      firstContactAt: clock.now().toISOString(),
    });
    const again = await practitioner.post(`/api/requests/${id}/first-contact`, {});
    expect(again.statusCode).toBe(409);
    // It stays in the open queue until it is triaged or declined.
    expect(await view()).toMatchObject({ status: 'contacted' });
  });

  it('keeps crises ahead of older service requests, oldest first within each', async () => {
    const items: { kind: string; createdAt: string; status: string }[] = (await admin.get('/api/requests?status=open')).json().items;
    expect(items.every((r) => r.status === 'new' || r.status === 'contacted')).toBe(true);
    const firstService = items.findIndex((r) => r.kind === 'service');
    if (firstService >= 0) expect(items.slice(firstService).every((r) => r.kind === 'service')).toBe(true);
    const crises = items.filter((r) => r.kind === 'crisis').map((r) => r.createdAt);
    expect(crises).toEqual([...crises].sort());
  });
});

describe('triage', () => {
  it('opens a crisis process as active (null → active), dated from the event, with the caller as practitioner', async () => {
    await submit({ ...crisis, organisationName: 'Triage Crisis Oy' });
    const request = await byOrganisation('Triage Crisis Oy');
    const res = await practitioner.post(`/api/requests/${request.id}/triage`, {
      organisation: { name: 'Triage Crisis Oy', businessId: '1234567-1' },
      process: { serviceId: sup.serviceId, title: 'After the depot accident', participants: [{ name: 'Driver' }] },
    });
    expect(res.statusCode).toBe(201);
    const { processId } = res.json();
    const process = await t.db.kysely.selectFrom('processes').selectAll().where('id', '=', processId).executeTakeFirstOrThrow();
    // Even with an ordinary service, a crisis request gets the crisis cadence.
    expect(process).toMatchObject({ status: 'active', cadence: 'crisis', request_id: request.id });
    expect(new Date(process.crisis_event_at as Date).toISOString()).toBe(crisis.eventAt);
    const history = await t.db.kysely
      .selectFrom('process_status_changes')
      .select(['from_status', 'to_status', 'changed_by'])
      .where('process_id', '=', processId)
      .execute();
    expect(history).toEqual([{ from_status: null, to_status: 'active', changed_by: world.users.practitioner.id }]);
    const practitioners = await t.db.kysely
      .selectFrom('process_practitioners')
      .select('user_id')
      .where('process_id', '=', processId)
      .execute();
    expect(practitioners.map((p) => p.user_id)).toEqual([world.users.practitioner.id]);
  });

  it('opens a service request as proposed (null → proposed), and refuses a new client with a known business id', async () => {
    await submit({ ...crisis, kind: 'service', serviceKind: 'group', eventType: undefined, organisationName: 'Plain Request Ab' });
    const request = await byOrganisation('Plain Request Ab');
    const duplicate = await admin.post(`/api/requests/${request.id}/triage`, {
      organisation: { name: 'Another Name Entirely', businessId: '1234567-1' },
      process: { serviceId: sup.serviceId, title: 'Group supervision', participants: [] },
    });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json().error).toMatchObject({ code: 'organisation_exists', fields: [{ path: 'organisation.name' }] });
    const res = await admin.post(`/api/requests/${request.id}/triage`, {
      organisation: { name: 'Plain Request Ab' },
      process: {
        serviceId: sup.serviceId,
        title: 'Group supervision',
        practitionerIds: [world.users.other_practitioner.id],
        participants: [],
      },
    });
    expect(res.statusCode).toBe(201);
    const history = await t.db.kysely
      .selectFrom('process_status_changes')
      .select(['from_status', 'to_status'])
      .where('process_id', '=', res.json().processId)
      .execute();
    expect(history).toEqual([{ from_status: null, to_status: 'proposed' }]);
    expect((await admin.get(`/api/requests/${request.id}`)).json()).toMatchObject({ status: 'triaged', processId: res.json().processId });
  });
});

describe('on call', () => {
  it('is the provider admin’s to change, in their own provider only', async () => {
    const other = await signedIn(world.users.other_tenant_admin.email);
    expect((await other.request('PUT', `/api/on-call/${world.users.other_practitioner.membershipId}`, { onCall: true })).statusCode).toBe(
      404,
    );
    expect((await admin.request('PUT', `/api/on-call/${crypto.randomUUID()}`, { onCall: true })).statusCode).toBe(404);
    expect((await practitioner.request('PUT', `/api/on-call/${world.users.practitioner.membershipId}`, { onCall: false })).statusCode).toBe(
      403,
    );
    const off = await admin.request('PUT', `/api/on-call/${world.users.practitioner.membershipId}`, { onCall: false });
    expect(off.json()).toMatchObject({ membershipId: world.users.practitioner.membershipId, onCall: false });
    const audit = await t.db.kysely
      .selectFrom('audit_events')
      .select(['actor_user_id'])
      .where('action', '=', 'member.on_call')
      .where('entity_id', '=', world.users.practitioner.membershipId)
      .executeTakeFirst();
    expect(audit?.actor_user_id).toBe(world.users.provider_admin.id);
  });
});
