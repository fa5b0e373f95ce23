import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemRunner } from '../../kernel/access/system.js';
import { DataCipher } from '../../kernel/crypto.js';
import { Client, seedWorld, startTestApp, type TestApp, type World } from '../../testing/harness.js';
import { type SupervisionWorld, seedSupervision } from '../../testing/supervision.js';

let t: TestApp;
let world: World;
let sup: SupervisionWorld;
let practitioner: Client;

const crisis = {
  kind: 'crisis',
  serviceKind: 'crisis_group',
  organisationName: 'Care Home Alpha Oy',
  contactName: 'Hanna Henkilöstö',
  contactPhone: '+358 40 765 4321',
  contactEmail: 'hanna@example.test',
  eventType: 'violence_or_threat',
  eventAt: '2026-11-22T21:30:00Z',
  affectedCount: 3,
  location: 'Ward B',
  preferredLocale: 'fi',
  message: 'A resident threatened the night shift.',
  consent: true,
  elapsedMs: 40_000,
};

const count = async (table: 'requests' | 'organisations' | 'processes' | 'people') =>
  Number(
    (
      await t.db.kysely
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirst()
    )?.n,
  );

beforeAll(async () => {
  t = await startTestApp();
  const cipher = new DataCipher(t.config.dataKey);
  world = await seedWorld(t.db, cipher);
  sup = await seedSupervision(t.db, world, cipher);
  practitioner = new Client(t.app);
  await practitioner.signIn(world.users.practitioner.email);
});
afterAll(() => t.close());

describe('public request page', () => {
  it('describes the provider for the form', async () => {
    const res = await new Client(t.app).get('/api/public/providers/provider-a');
    expect(res.json()).toMatchObject({ name: 'Provider A', defaultLocale: 'fi', privacyNoticeVersion: 'v1' });
    expect((await new Client(t.app).get('/api/public/providers/nobody-here')).statusCode).toBe(404);
  });

  it('stores a crisis request, confirms to the sender in their language and alerts only the on-call practitioners', async () => {
    const before = await count('requests');
    t.mail.sent = [];
    const res = await new Client(t.app).post('/api/public/providers/provider-a/requests', crisis);
    expect(res.statusCode).toBe(202);
    expect(await count('requests')).toBe(before + 1);
    const sent = await t.deliverMail();
    const confirmation = sent.find((m) => m.to === 'hanna@example.test');
    expect(confirmation?.text).toContain('112');
    expect(confirmation?.text).toContain('Hei Hanna');
    const alerts = sent.filter((m) => m.subject.includes('Care Home Alpha Oy'));
    expect(alerts.map((m) => m.to)).toEqual([world.users.practitioner.email]);
    expect(alerts[0]?.text).toContain('+358 40 765 4321');
    expect(sent.some((m) => m.to === world.users.other_practitioner.email)).toBe(false);
    // The submission is in the provider's audit trail, with no signed-in actor: the named
    // `public-intake` system caller wrote it (not a provider admin).
    const audit = await t.db.kysely
      .selectFrom('audit_events')
      .select(['actor_user_id', 'provider_id', 'details'])
      .where('action', '=', 'request.create')
      .execute();
    expect(audit.at(-1)).toMatchObject({ actor_user_id: null, provider_id: world.providerId, details: { actor: 'system:public-intake' } });
  });

  it('accepts and silently drops what a bot sends', async () => {
    const before = await count('requests');
    expect(
      (await new Client(t.app).post('/api/public/providers/provider-a/requests', { ...crisis, website: 'http://spam.example' })).statusCode,
    ).toBe(202);
    expect((await new Client(t.app).post('/api/public/providers/provider-a/requests', { ...crisis, elapsedMs: 300 })).statusCode).toBe(202);
    expect(await count('requests')).toBe(before);
  });

  it('names the field of bad input', async () => {
    const noConsent = await new Client(t.app).post('/api/public/providers/provider-a/requests', { ...crisis, consent: false });
    expect(noConsent.statusCode).toBe(400);
    expect(noConsent.json().error.fields.map((f: { path: string }) => f.path)).toContain('consent');
    const badMail = await new Client(t.app).post('/api/public/providers/provider-a/requests', { ...crisis, contactEmail: 'not-mail' });
    expect(badMail.json().error.fields[0].path).toBe('contactEmail');
    const noEvent = await new Client(t.app).post('/api/public/providers/provider-a/requests', { ...crisis, eventType: undefined });
    expect(noEvent.statusCode).toBe(400);
    expect(noEvent.json().error.fields[0].path).toBe('eventType');
  });

  it('takes numbers as JSON numbers and instants with their offset, as the contract says (no lenient coercion)', async () => {
    const before = await count('requests');
    for (const [field, value] of [
      ['affectedCount', '3'],
      ['affectedCount', true],
      ['elapsedMs', '40000'],
      ['eventAt', '2026-11-22 21:30'],
      ['eventAt', 1795469400000],
    ] as const) {
      const res = await new Client(t.app).post('/api/public/providers/provider-a/requests', { ...crisis, [field]: value });
      expect(res.statusCode, `${field}=${JSON.stringify(value)}`).toBe(400);
      expect(res.json().error.fields.map((f: { path: string }) => f.path)).toContain(field);
    }
    expect(await count('requests')).toBe(before);
  });
});

describe('intake queue', () => {
  it('shows crises first with their clock, records the first contact once', async () => {
    await new Client(t.app).post('/api/public/providers/provider-a/requests', {
      ...crisis,
      kind: 'service',
      eventType: undefined,
      serviceKind: 'group',
      organisationName: 'Quiet Org',
    });
    const queue = (await practitioner.get('/api/requests')).json();
    expect(queue.targetMinutes).toBe(240);
    const kinds = queue.items.map((r: { kind: string }) => r.kind);
    expect(kinds.indexOf('service')).toBeGreaterThan(kinds.lastIndexOf('crisis'));
    const first = queue.items[0];
    expect(first.firstContactDueAt).toBe(new Date(Date.parse(first.createdAt) + 240 * 60_000).toISOString());
    const contacted = await practitioner.post(`/api/requests/${first.id}/first-contact`, { note: 'Called HR, meeting tomorrow' });
    expect(contacted.statusCode).toBe(200);
    expect(contacted.json()).toMatchObject({ status: 'contacted', minutesToFirstContact: expect.any(Number), overdue: false });
    expect((await practitioner.post(`/api/requests/${first.id}/first-contact`, {})).statusCode).toBe(409);
  });

  it('is closed to participants and client contacts, and to another provider', async () => {
    const participant = new Client(t.app);
    await participant.signIn(world.users.participant.email);
    expect((await participant.get('/api/requests')).statusCode).toBe(403);
    const other = new Client(t.app);
    await other.signIn(world.users.other_tenant_admin.email);
    expect((await other.get('/api/requests')).json().items).toEqual([]);
    // Not in their provider, so not there at all.
    expect((await other.get(`/api/requests/${sup.requestId}`)).statusCode).toBe(404);
  });
});

describe('triage', () => {
  it('turns a crisis request into a client and an active crisis process with three participants, in one go', async () => {
    const res = await practitioner.post(`/api/requests/${sup.requestId}/triage`, {
      organisation: { name: 'Night Ward Clinic', businessId: '7654321-2' },
      process: {
        serviceId: sup.crisisServiceId,
        title: 'Crisis support after the threat on ward B',
        participants: [
          { name: 'Nurse One', email: 'n1@example.test' },
          { name: 'Nurse Two', email: 'n2@example.test' },
          { name: 'Nurse Three' },
        ],
      },
    });
    expect(res.statusCode).toBe(201);
    const { processId, organisationId } = res.json();
    const process = (await practitioner.get(`/api/processes/${processId}`)).json();
    expect(process).toMatchObject({ organisationId, status: 'active', kind: 'crisis_group', cadence: 'crisis', requestId: sup.requestId });
    expect(process.participants).toHaveLength(3);
    const request = (await practitioner.get(`/api/requests/${sup.requestId}`)).json();
    expect(request).toMatchObject({ status: 'triaged', processId, organisationId });
    // The audit trail says the process came from the request, and that it is a crisis.
    const opened = await t.db.kysely
      .selectFrom('audit_events')
      .select(['details'])
      .where('action', '=', 'process.create')
      .where('entity_id', '=', processId)
      .executeTakeFirst();
    expect(opened?.details).toMatchObject({ requestId: sup.requestId, crisis: true });
    expect(
      (
        await practitioner.post(`/api/requests/${sup.requestId}/triage`, {
          organisation: { id: organisationId },
          process: { serviceId: sup.serviceId, title: 'Again', participants: [] },
        })
      ).statusCode,
    ).toBe(409);
  });

  it('refuses a duplicate client organisation and offers the match', async () => {
    const request = (await practitioner.get('/api/requests')).json().items.find((r: { status: string }) => r.status !== 'triaged');
    const res = await practitioner.post(`/api/requests/${request.id}/triage`, {
      organisation: { name: 'care home ALPHA oy' },
      process: { serviceId: sup.serviceId, title: 'Duplicate?', participants: [] },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({
      code: 'organisation_exists',
      fields: [{ path: 'organisation.name', message: world.organisationId }],
    });
  });

  it('leaves nothing half-written when a participant is of another organisation', async () => {
    const request = (await practitioner.get('/api/requests')).json().items.find((r: { status: string }) => r.status !== 'triaged');
    const before = { orgs: await count('organisations'), processes: await count('processes'), people: await count('people') };
    const res = await practitioner.post(`/api/requests/${request.id}/triage`, {
      organisation: { name: 'Brand New Org' },
      process: { serviceId: sup.serviceId, title: 'Half', participants: [{ name: 'New Person' }, { personId: sup.participantPersonId }] },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.fields[0].path).toBe('process.participants.1.personId');
    expect({ orgs: await count('organisations'), processes: await count('processes'), people: await count('people') }).toEqual(before);
    expect((await practitioner.get(`/api/requests/${request.id}`)).json().status).not.toBe('triaged');
  });

  it('declines with a reason mailed to the requester', async () => {
    const request = (await practitioner.get('/api/requests')).json().items.find((r: { status: string }) => r.status !== 'triaged');
    t.mail.sent = [];
    const res = await practitioner.post(`/api/requests/${request.id}/decline`, { reason: 'We do not serve that region.' });
    expect(res.json()).toMatchObject({ status: 'declined', declineReason: 'We do not serve that region.' });
    const mails = (await t.deliverMail()).filter((m) => m.to === request.contactEmail && m.text.includes('We do not serve that region.'));
    expect(mails).toHaveLength(1);
  });
});

describe('client portal and settings', () => {
  it('files a request for the client contact’s own organisation, which they alone see', async () => {
    const contact = new Client(t.app);
    await contact.signIn(world.users.client_contact.email);
    const res = await contact.post('/api/requests', {
      kind: 'service',
      serviceKind: 'group',
      contactName: 'HR',
      contactEmail: 'hr@example.test',
      preferredLocale: 'en',
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ organisationId: world.organisationId, organisationName: 'Care Home Alpha', source: 'portal' });
    expect((await contact.get('/api/requests/mine')).json().items.map((r: { id: string }) => r.id)).toEqual([res.json().id]);
    const otherContact = new Client(t.app);
    await otherContact.signIn(world.users.other_org_contact.email);
    expect((await otherContact.get('/api/requests/mine')).json().items).toEqual([]);
  });

  it('lets the provider admin set the first-contact target and the on-call list', async () => {
    const admin = new Client(t.app);
    await admin.signIn(world.users.provider_admin.email);
    const patched = await admin.patch('/api/provider/settings', { firstContactTargetMinutes: 120 });
    expect(patched.json()).toMatchObject({ slug: 'provider-a', firstContactTargetMinutes: 120 });
    expect((await admin.patch('/api/provider/settings', { lateCancellationChargePercent: 150 })).json().error.fields[0].path).toBe(
      'lateCancellationChargePercent',
    );
    const onCall = await admin.request('PUT', `/api/on-call/${world.users.other_practitioner.membershipId}`, { onCall: true });
    expect(onCall.json()).toMatchObject({ onCall: true });
    expect((await admin.request('PUT', `/api/on-call/${world.users.client_contact.membershipId}`, { onCall: true })).statusCode).toBe(422);
    const list = (await practitioner.get('/api/on-call')).json().items;
    expect(list.filter((i: { onCall: boolean }) => i.onCall).length).toBe(2);
  });
});

describe('retention', () => {
  it('deletes requests that led to no process after a year, keeps triaged ones, and audits the count', async () => {
    const { purgeExpiredRequests } = await import('./jobs.js');
    const rows = await t.db.kysely.selectFrom('requests').select(['id', 'status']).execute();
    const now = new Date(Date.now() + 400 * 86400_000);
    const purged = await purgeExpiredRequests(systemRunner(t.db), now);
    const left = await t.db.kysely.selectFrom('requests').select(['status']).execute();
    expect(purged).toBe(rows.filter((r) => r.status !== 'triaged').length);
    expect(left.every((r) => r.status === 'triaged')).toBe(true);
    expect(left.length).toBeGreaterThan(0);
    const event = await t.db.kysely
      .selectFrom('audit_events')
      .select(['details'])
      .where('action', '=', 'request.retention_purge')
      .executeTakeFirst();
    expect(event?.details).toMatchObject({ count: purged });
  });
});
