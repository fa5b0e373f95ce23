import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Who } from '../../kernel/access/walk.js';
import { createSession } from '../../kernel/auth/sessions.js';
import { DataCipher } from '../../kernel/crypto.js';
import { Client, seedWorld, startTestApp, type TestApp, type World } from '../../testing/harness.js';
import { type SupervisionWorld, seedSupervision } from '../../testing/supervision.js';
import { processesWalk } from './access.walk.js';

let t: TestApp;
let world: World;
let sup: SupervisionWorld;
const clients = {} as Record<
  'admin' | 'practitioner' | 'otherPractitioner' | 'contact' | 'otherContact' | 'participant' | 'otherAdmin',
  Client
>;

async function signedIn(email: string): Promise<Client> {
  const c = new Client(t.app, email);
  const res = await c.signIn(email);
  expect(res.statusCode, email).toBe(200);
  return c;
}

beforeAll(async () => {
  t = await startTestApp();
  const cipher = new DataCipher(t.config.dataKey);
  world = await seedWorld(t.db, cipher);
  sup = await seedSupervision(t.db, world, cipher);
  clients.admin = await signedIn(world.users.provider_admin.email);
  clients.practitioner = await signedIn(world.users.practitioner.email);
  clients.otherPractitioner = await signedIn(world.users.other_practitioner.email);
  clients.contact = await signedIn(world.users.client_contact.email);
  clients.otherContact = await signedIn(world.users.other_org_contact.email);
  clients.participant = await signedIn(world.users.participant.email);
  clients.otherAdmin = await signedIn(world.users.other_tenant_admin.email);
});
afterAll(() => t.close());

const count = async (
  table: 'processes' | 'process_status_changes' | 'process_practitioners' | 'process_participants' | 'goals' | 'audit_events',
) =>
  Number(
    (
      await t.db.kysely
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

/** A meeting written straight into the test database (scheduling owns the routes that make them). */
async function insertMeeting(
  processId: string,
  organisationId: string,
  startsAt: string,
  opts: { status?: 'planned' | 'held' | 'cancelled'; late?: boolean; by?: 'provider' | 'client' | 'participant'; priceCents?: number } = {},
): Promise<string> {
  const start = new Date(startsAt);
  const row = await t.db.kysely
    .insertInto('meetings')
    .values({
      provider_id: world.providerId,
      process_id: processId,
      organisation_id: organisationId,
      starts_at: start,
      ends_at: new Date(start.getTime() + 90 * 60_000),
      time_zone: 'Europe/Helsinki',
      place: 'on_site',
      location: null,
      video_link: null,
      status: opts.status ?? 'held',
      cancelled_at: opts.status === 'cancelled' ? start : null,
      cancel_reason: opts.status === 'cancelled' ? 'ill' : null,
      cancelled_by_role: opts.status === 'cancelled' ? (opts.by ?? 'client') : null,
      late_cancellation: opts.late ?? false,
      price_cents: opts.priceCents ?? 24000,
      reminder_sent_at: null,
      created_by: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

describe('service catalogue', () => {
  it('is kept by the provider admin only and read by staff and client contacts', async () => {
    const created = await clients.admin.post('/api/services', {
      kind: 'leader',
      names: { fi: 'Esihenkilötyönohjaus', en: 'Leader supervision' },
      defaultMinutes: 60,
      defaultCadence: 'monthly',
      defaultPlace: 'video',
      priceCents: 18000,
    });
    expect(created.statusCode).toBe(201);
    // A Finnish provider bills in euros and charges Finnish VAT unless told otherwise.
    expect(created.json()).toMatchObject({
      kind: 'leader',
      names: { fi: 'Esihenkilötyönohjaus', en: 'Leader supervision' },
      vat: { treatment: 'taxable', ratePercent: 25.5 },
      defaultMinutes: 60,
      priceCents: 18000,
      currency: 'EUR',
      active: true,
    });
    const id = created.json().id;

    const patched = await clients.admin.patch(`/api/services/${id}`, { priceCents: 19000, active: false });
    expect(patched.statusCode).toBe(200);
    expect(patched.json()).toMatchObject({ priceCents: 19000, active: false });

    expect(
      (
        await clients.practitioner.post('/api/services', {
          kind: 'leader',
          names: { en: 'Mine' },
          defaultMinutes: 60,
          defaultCadence: 'monthly',
          defaultPlace: 'video',
          priceCents: 1,
        })
      ).statusCode,
    ).toBe(403);
    expect((await clients.practitioner.patch(`/api/services/${id}`, { active: true })).statusCode).toBe(403);
    expect((await clients.contact.patch(`/api/services/${id}`, { active: true })).statusCode).toBe(403);
    expect((await clients.participant.get('/api/services')).statusCode).toBe(403);
    // Another provider's admin does not find it.
    expect((await clients.otherAdmin.patch(`/api/services/${id}`, { active: true })).statusCode).toBe(404);

    for (const c of [clients.practitioner, clients.contact, clients.admin]) {
      const list = await c.get('/api/services');
      expect(list.statusCode).toBe(200);
      expect(list.json().items.map((s: { names: { en?: string } }) => s.names.en)).toEqual(
        expect.arrayContaining(['Group supervision', 'Leader supervision']),
      );
    }
    expect((await clients.otherAdmin.get('/api/services')).json().items).toEqual([]);
  });

  it('names the field of bad input', async () => {
    const res = await clients.admin.post('/api/services', {
      kind: 'group',
      names: { en: 'X' },
      defaultMinutes: 5,
      defaultCadence: 'monthly',
      defaultPlace: 'office',
      priceCents: 100,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields.map((f: { path: string }) => f.path)).toEqual(['defaultMinutes']);
    const kind = await clients.admin.post('/api/services', {
      kind: 'therapy',
      names: { en: 'X' },
      defaultMinutes: 60,
      defaultCadence: 'monthly',
      defaultPlace: 'office',
      priceCents: 100,
    });
    expect(kind.json().error.fields[0].path).toBe('kind');
    const valid = { kind: 'group', defaultMinutes: 60, defaultCadence: 'monthly', defaultPlace: 'office', priceCents: 100 };
    const nameless = await clients.admin.post('/api/services', { ...valid, names: { fi: '  ' } });
    expect(nameless.statusCode).toBe(400);
    expect(nameless.json().error.fields[0].path).toBe('names.fi');
    const none = await clients.admin.post('/api/services', { ...valid, names: {} });
    expect(none.json().error.fields[0].path).toBe('names.fi');
    const foreign = await clients.admin.post('/api/services', { ...valid, names: { de: 'Supervision' } });
    expect(foreign.statusCode).toBe(400);
    const rate = await clients.admin.post('/api/services', {
      ...valid,
      names: { en: 'X' },
      vat: { treatment: 'taxable', ratePercent: 25.555 },
    });
    expect(rate.statusCode).toBe(400);
    expect(rate.json().error.fields[0].path).toBe('vat.ratePercent');
    const ground = await clients.admin.post('/api/services', { ...valid, names: { en: 'X' }, vat: { treatment: 'exempt' } });
    expect(ground.statusCode).toBe(400);
    expect(ground.json().error.fields[0].path).toBe('vat.ground');
  });

  it('names a service per language and shows the process its own language, the other names beside', async () => {
    const created = await clients.admin.post('/api/services', {
      kind: 'individual',
      names: { fi: 'Yksilötyönohjaus', sv: 'Individuell handledning', en: 'Individual supervision' },
      defaultMinutes: 60,
      defaultCadence: 'monthly',
      defaultPlace: 'office',
      priceCents: 15000,
      vat: { treatment: 'exempt', ground: 'AVL 34 §' },
    });
    expect(created.json().vat).toEqual({ treatment: 'exempt', ground: 'AVL 34 §' });
    const serviceId = created.json().id;
    const open = async (language: string) =>
      (
        await clients.admin.post('/api/processes', {
          organisationId: world.organisationId,
          serviceId,
          title: `Names ${language}`,
          language,
          practitionerIds: [world.users.practitioner.id],
        })
      ).json();
    expect((await open('sv')).serviceName).toBe('Individuell handledning');
    expect((await open('fi')).serviceName).toBe('Yksilötyönohjaus');
    // No Norwegian name: the Swedish neighbour reads best.
    const nb = await open('nb');
    expect(nb.serviceName).toBe('Individuell handledning');
    expect(nb.serviceNames).toEqual({ fi: 'Yksilötyönohjaus', sv: 'Individuell handledning', en: 'Individual supervision' });
    const list = (await clients.admin.get('/api/processes')).json().items;
    expect(list.find((p: { id: string }) => p.id === nb.id).serviceNames.en).toBe('Individual supervision');

    // Names are replaced as a whole; the rate becomes taxable again with the rate given.
    const patched = await clients.admin.patch(`/api/services/${serviceId}`, {
      names: { nb: 'Individuell veiledning' },
      vat: { treatment: 'taxable', ratePercent: 14 },
    });
    expect(patched.json()).toMatchObject({ names: { nb: 'Individuell veiledning' }, vat: { treatment: 'taxable', ratePercent: 14 } });
    expect(Object.keys(patched.json().names)).toEqual(['nb']);
  });
});

describe('people', () => {
  it('are added by staff and by the client contact for their own organisation only', async () => {
    const byPractitioner = await clients.practitioner.post('/api/people', {
      organisationId: world.organisationId,
      name: 'Aino Virtanen',
      email: 'Aino@Example.test',
      locale: 'fi',
      unitId: world.unitId,
    });
    expect(byPractitioner.statusCode).toBe(201);
    expect(byPractitioner.json()).toMatchObject({
      name: 'Aino Virtanen',
      email: 'aino@example.test',
      unitId: world.unitId,
      organisationId: world.organisationId,
    });

    const byContact = await clients.contact.post('/api/people', { organisationId: world.organisationId, name: 'Bertil Berg' });
    expect(byContact.statusCode).toBe(201);
    const elsewhere = await clients.contact.post('/api/people', { organisationId: world.otherOrganisationId, name: 'Intruder' });
    expect(elsewhere.statusCode).toBe(404);
    expect(elsewhere.json().error.fields[0].path).toBe('organisationId');

    const duplicate = await clients.admin.post('/api/people', {
      organisationId: world.organisationId,
      name: 'Aino again',
      email: 'aino@example.test',
    });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json().error.fields[0].path).toBe('email');

    const found = await clients.contact.get('/api/people?q=aino');
    expect(found.json().items.map((p: { name: string }) => p.name)).toEqual(['Aino Virtanen']);
    // The other organisation's contact sees only their own people.
    const theirs = await clients.otherContact.get('/api/people');
    expect(theirs.json().items.map((p: { name: string }) => p.name)).toEqual(['Other Org Person']);
    expect((await clients.otherContact.patch(`/api/people/${byContact.json().id}`, { name: 'Hijack' })).statusCode).toBe(404);

    const renamed = await clients.contact.patch(`/api/people/${byContact.json().id}`, { name: 'Bertil Berg-Lund' });
    expect(renamed.json()).toMatchObject({ name: 'Bertil Berg-Lund' });
    // Contact details are the person's and their practitioners' (people.int.test.ts), not the employer's.
    expect((await clients.contact.patch(`/api/people/${byContact.json().id}`, { phone: '+46 70 123 45 67' })).statusCode).toBe(403);
    const badEmail = await clients.contact.patch(`/api/people/${byContact.json().id}`, { email: 'not-an-address' });
    expect(badEmail.statusCode).toBe(400);
    expect(badEmail.json().error.fields[0].path).toBe('email');
  });
});

describe('processes', () => {
  it('opens a process with the service defaults; the practitioner who opens it leads it', async () => {
    const res = await clients.practitioner.post('/api/processes', {
      organisationId: world.organisationId,
      serviceId: sup.serviceId,
      title: 'Day shift supervision',
      participantIds: [sup.participantPersonId],
      startDate: '2026-11-02',
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      title: 'Day shift supervision',
      kind: 'group',
      status: 'proposed',
      cadence: 'monthly',
      sessionMinutes: 90,
      place: 'on_site',
      priceCents: 24000,
      currency: 'EUR',
      language: 'fi',
      startDate: '2026-11-02',
      reviewDate: null,
      organisationName: 'Care Home Alpha',
      serviceName: 'Group supervision',
      practitionerNames: ['practitioner'],
      participantCount: 1,
      continuedFromId: null,
      continuedAsId: null,
      history: [],
      goals: [],
    });
    expect(res.json().practitioners).toEqual([
      { userId: world.users.practitioner.id, name: 'practitioner', email: world.users.practitioner.email },
    ]);

    // The caller's overrides win; an administrator may name the practitioners.
    const byAdmin = await clients.admin.post('/api/processes', {
      organisationId: world.otherOrganisationId,
      serviceId: sup.crisisServiceId,
      title: 'Claims crisis',
      place: 'video',
      videoLink: 'https://meet.example.test/abc',
      priceCents: 30000,
      practitionerIds: [world.users.other_practitioner.id],
    });
    expect(byAdmin.statusCode).toBe(201);
    expect(byAdmin.json()).toMatchObject({
      kind: 'crisis_group',
      cadence: 'crisis',
      place: 'video',
      priceCents: 30000,
      practitionerNames: ['other practitioner'],
    });
    expect((await clients.practitioner.get(`/api/processes/${byAdmin.json().id}`)).statusCode).toBe(404);
    expect((await clients.otherPractitioner.get(`/api/processes/${byAdmin.json().id}`)).statusCode).toBe(200);
  });

  it('refuses bad input naming the field, and references that are not there', async () => {
    const base = { organisationId: world.organisationId, serviceId: sup.serviceId, title: 'X' };
    const cases: [object, string][] = [
      [{ ...base, title: undefined }, 'title'],
      [{ ...base, startDate: '2026-02-30' }, 'startDate'],
      [{ ...base, startDate: '2026-05-01', reviewDate: '2026-04-01' }, 'reviewDate'],
      [{ ...base, cadence: 'daily' }, 'cadence'],
      [{ ...base, organisationId: 'nope' }, 'organisationId'],
      [{ ...base, videoLink: 'javascript:alert(1)' }, 'videoLink'],
    ];
    for (const [body, path] of cases) {
      const res = await clients.practitioner.post('/api/processes', body);
      expect(res.statusCode, path).toBe(400);
      expect(res.json().error.fields[0].path, JSON.stringify(body)).toBe(path);
    }
    const before = await count('processes');
    const stranger = await clients.practitioner.post('/api/processes', {
      ...base,
      participantIds: [
        sup.participantPersonId,
        sup.otherPersonIds[0],
        (await t.db.kysely.selectFrom('people').select('id').where('name', '=', 'Other Org Person').executeTakeFirstOrThrow()).id,
      ],
    });
    expect(stranger.statusCode).toBe(422);
    expect(stranger.json().error).toMatchObject({ code: 'invalid_reference', fields: [{ path: 'participantIds.2' }] });
    const notPractitioner = await clients.admin.post('/api/processes', { ...base, practitionerIds: [world.users.client_contact.id] });
    expect(notPractitioner.json().error).toMatchObject({ code: 'invalid_reference', fields: [{ path: 'practitionerIds.0' }] });
    const unknownService = await clients.admin.post('/api/processes', { ...base, serviceId: crypto.randomUUID() });
    expect(unknownService.json().error.fields[0].path).toBe('serviceId');
    expect(await count('processes')).toBe(before);
  });

  it('moves along the status machine, records who, when and why, and refuses impossible moves', async () => {
    const created = (
      await clients.practitioner.post('/api/processes', {
        organisationId: world.organisationId,
        serviceId: sup.serviceId,
        title: 'Status walk',
      })
    ).json();
    const skip = await clients.practitioner.post(`/api/processes/${created.id}/status`, { status: 'active' });
    expect(skip.statusCode).toBe(422);
    expect(skip.json().error.code).toBe('invalid_transition');
    expect(skip.json().error.fields[0].path).toBe('status');

    const before = Date.now();
    for (const [status, reason] of [
      ['agreed', 'Contract signed by HR'],
      ['active', undefined],
      ['paused', 'Summer break'],
      ['active', 'Back after summer'],
      ['completed', undefined],
    ] as const) {
      const res = await clients.practitioner.post(`/api/processes/${created.id}/status`, { status, ...(reason ? { reason } : {}) });
      expect(res.statusCode, status).toBe(200);
      expect(res.json().status).toBe(status);
    }
    const detail = (await clients.practitioner.get(`/api/processes/${created.id}`)).json();
    expect(
      detail.history.map((h: { fromStatus: string; toStatus: string; reason: string | null; byName: string }) => [
        h.fromStatus,
        h.toStatus,
        h.reason,
        h.byName,
      ]),
    ).toEqual([
      ['proposed', 'agreed', 'Contract signed by HR', 'practitioner'],
      ['agreed', 'active', null, 'practitioner'],
      ['active', 'paused', 'Summer break', 'practitioner'],
      ['paused', 'active', 'Back after summer', 'practitioner'],
      ['active', 'completed', null, 'practitioner'],
    ]);
    for (const h of detail.history) expect(new Date(h.at).getTime()).toBeGreaterThanOrEqual(before - 1000);

    const reopen = await clients.practitioner.post(`/api/processes/${created.id}/status`, { status: 'active' });
    expect(reopen.statusCode).toBe(422);
    expect(reopen.json().error.code).toBe('invalid_transition');
    const bad = await clients.practitioner.post(`/api/processes/${created.id}/status`, { status: 'finished' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0].path).toBe('status');
    // Status changes are recorded by the practitioners of the process.
    expect((await clients.otherPractitioner.post(`/api/processes/${created.id}/status`, { status: 'cancelled' })).statusCode).toBe(404);
    expect((await clients.contact.post(`/api/processes/${created.id}/status`, { status: 'cancelled' })).statusCode).toBe(403);
  });

  it('edits the agreement, people, practitioners, goals and what works', async () => {
    const p = (
      await clients.practitioner.post('/api/processes', {
        organisationId: world.organisationId,
        serviceId: sup.serviceId,
        title: 'Edit me',
      })
    ).json();
    const patched = await clients.practitioner.patch(`/api/processes/${p.id}`, {
      title: 'Edited',
      agreedSessions: 8,
      startDate: '2026-11-01',
      reviewDate: '2027-03-01',
      location: 'Room 4',
    });
    expect(patched.json()).toMatchObject({
      title: 'Edited',
      agreedSessions: 8,
      startDate: '2026-11-01',
      reviewDate: '2027-03-01',
      location: 'Room 4',
    });
    const backwards = await clients.practitioner.patch(`/api/processes/${p.id}`, { reviewDate: '2026-10-01' });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().error.fields[0].path).toBe('reviewDate');
    expect((await clients.practitioner.patch(`/api/processes/${p.id}`, {})).statusCode).toBe(400);

    const added = await clients.practitioner.post(`/api/processes/${p.id}/participants`, { personId: sup.otherPersonIds[0] });
    expect(added.statusCode).toBe(201);
    expect(added.json().participants.map((x: { name: string }) => x.name)).toEqual(['Colleague One']);
    expect((await clients.practitioner.post(`/api/processes/${p.id}/participants`, { personId: sup.otherPersonIds[0] })).statusCode).toBe(
      409,
    );
    expect((await clients.practitioner.delete(`/api/processes/${p.id}/participants/${sup.otherPersonIds[0]}`)).statusCode).toBe(204);
    expect((await clients.practitioner.delete(`/api/processes/${p.id}/participants/${sup.otherPersonIds[0]}`)).statusCode).toBe(404);

    const withColleague = await clients.admin.post(`/api/processes/${p.id}/practitioners`, { userId: world.users.other_practitioner.id });
    expect(withColleague.json().practitionerNames).toEqual(['other practitioner', 'practitioner']);
    expect((await clients.otherPractitioner.get(`/api/processes/${p.id}`)).statusCode).toBe(200);
    expect(
      (await clients.practitioner.delete(`/api/processes/${p.id}/practitioners/${world.users.other_practitioner.id}`)).statusCode,
    ).toBe(204);
    expect((await clients.otherPractitioner.get(`/api/processes/${p.id}`)).statusCode).toBe(404);
    const last = await clients.admin.delete(`/api/processes/${p.id}/practitioners/${world.users.practitioner.id}`);
    expect(last.statusCode).toBe(422);
    expect(last.json().error.code).toBe('last_practitioner');

    const goal = await clients.practitioner.post(`/api/processes/${p.id}/goals`, { title: 'Shorter meetings' });
    expect(goal.statusCode).toBe(201);
    expect(goal.json()).toMatchObject({ title: 'Shorter meetings', closedAt: null });
    const closed = await clients.practitioner.patch(`/api/goals/${goal.json().id}`, { closed: true });
    expect(closed.json().closedAt).not.toBeNull();
    expect((await clients.practitioner.patch(`/api/goals/${goal.json().id}`, { closed: false })).json().closedAt).toBeNull();
    expect((await clients.otherPractitioner.patch(`/api/goals/${goal.json().id}`, { closed: true })).statusCode).toBe(404);

    const ww = await clients.practitioner.post(`/api/processes/${p.id}/what-works`, { text: 'Agenda on the wall' });
    expect(ww.statusCode).toBe(201);
    const wrongMeeting = await clients.practitioner.post(`/api/processes/${p.id}/what-works`, { text: 'x', meetingId: sup.meetingId });
    expect(wrongMeeting.statusCode).toBe(422);
    expect(wrongMeeting.json().error.fields[0].path).toBe('meetingId');
    expect((await clients.otherPractitioner.delete(`/api/what-works/${ww.json().id}`)).statusCode).toBe(404);
    expect((await clients.practitioner.delete(`/api/what-works/${ww.json().id}`)).statusCode).toBe(204);
  });
});

describe('who sees what', () => {
  beforeAll(async () => {
    await clients.practitioner.post(`/api/processes/${sup.processId}/what-works`, {
      text: 'A five-minute check-in at handover',
      meetingId: sup.meetingId,
    });
  });

  it('shows a client contact their organisation’s processes with goals, what works and history, never notes or scaling', async () => {
    const list = await clients.contact.get('/api/processes');
    expect(list.statusCode).toBe(200);
    const items = list.json().items as { id: string; organisationId: string }[];
    expect(items.map((i) => i.id)).toContain(sup.processId);
    expect(items.every((i) => i.organisationId === world.organisationId)).toBe(true);
    expect(items.map((i) => i.id)).not.toContain(sup.otherProcessId);

    const detail = await clients.contact.get(`/api/processes/${sup.processId}`);
    expect(detail.statusCode).toBe(200);
    const body = detail.json();
    expect(body.goals.map((g: { title: string }) => g.title)).toEqual(['Calmer handovers between shifts']);
    expect(body.whatWorks.map((w: { text: string }) => w.text)).toContain('A five-minute check-in at handover');
    expect(Array.isArray(body.history)).toBe(true);
    expect(body.participantCount).toBe(3);
    expect(body.meetings.map((m: { id: string }) => m.id)).toEqual([sup.meetingId]);
    expect(body.nextMeetingAt).not.toBeNull();
    expect(detail.body).not.toContain(sup.noteText);
    expect(detail.body).not.toContain('scaling');
    expect((await clients.contact.get(`/api/processes/${sup.processId}/scaling`)).statusCode).toBe(403);

    expect((await clients.contact.get(`/api/processes/${sup.otherProcessId}`)).statusCode).toBe(404);
    expect((await clients.otherContact.get(`/api/processes/${sup.processId}`)).statusCode).toBe(404);
    const theirs = (await clients.otherContact.get('/api/processes')).json().items as { id: string; organisationId: string }[];
    expect(theirs.map((i) => i.id)).toContain(sup.otherProcessId);
    expect(theirs.map((i) => i.id)).not.toContain(sup.processId);
    expect(theirs.every((i) => i.organisationId === world.otherOrganisationId)).toBe(true);
  });

  it('shows a participant only their own process and only their own scaling answers', async () => {
    const list = ((await clients.participant.get('/api/processes')).json().items as { id: string }[]).map((i) => i.id);
    const own = await t.db.kysely
      .selectFrom('process_participants')
      .select('process_id')
      .where('person_id', '=', sup.participantPersonId)
      .execute();
    expect(list.sort()).toEqual(own.map((o) => o.process_id).sort());
    expect(list).toContain(sup.processId);
    expect(list).not.toContain(sup.otherProcessId);
    // Not "0 participants" in her own process: the count she may not see is not sent at all.
    const items = (await clients.participant.get('/api/processes')).json().items as { participantCount: number | null }[];
    expect(items.map((i) => i.participantCount)).toEqual(items.map(() => null));
    const detail = (await clients.participant.get(`/api/processes/${sup.processId}`)).json();
    expect(detail.goals).toHaveLength(1);
    expect(detail.participants).toEqual([]);
    expect(detail.participantCount).toBeNull();
    expect((await clients.participant.get(`/api/processes/${sup.otherProcessId}`)).statusCode).toBe(404);
    expect(
      (await clients.participant.post('/api/processes', { organisationId: world.organisationId, serviceId: sup.serviceId, title: 'x' }))
        .statusCode,
    ).toBe(403);

    await t.db.kysely
      .insertInto('scaling_scores')
      .values({
        provider_id: world.providerId,
        meeting_id: sup.meetingId,
        process_id: sup.processId,
        goal_id: sup.goalId,
        person_id: sup.otherPersonIds[0]!,
        value: 8,
        recorded_by: null,
      })
      .execute();
    const mine = (await clients.participant.get(`/api/processes/${sup.processId}/scaling`)).json();
    expect(mine.goals[0].points).toEqual([
      { meetingId: sup.meetingId, startsAt: expect.any(String), personId: sup.participantPersonId, value: 4 },
    ]);
    const all = (await clients.practitioner.get(`/api/processes/${sup.processId}/scaling`)).json();
    expect(all.goals[0].points.map((p: { value: number }) => p.value).sort()).toEqual([4, 8]);
  });

  it('shows another practitioner of the provider nothing of a process they are not on', async () => {
    const id = sup.processId;
    for (const [method, url, body] of [
      ['GET', `/api/processes/${id}`],
      ['GET', `/api/processes/${id}/scaling`],
      ['PATCH', `/api/processes/${id}`, { title: 'Mine now' }],
      ['POST', `/api/processes/${id}/status`, { status: 'paused' }],
      ['POST', `/api/processes/${id}/goals`, { title: 'x' }],
      ['POST', `/api/processes/${id}/what-works`, { text: 'x' }],
      ['POST', `/api/processes/${id}/participants`, { personId: sup.otherPersonIds[0] }],
      ['POST', `/api/processes/${id}/practitioners`, { userId: world.users.other_practitioner.id }],
      ['DELETE', `/api/processes/${id}/practitioners/${world.users.practitioner.id}`],
      ['PATCH', `/api/goals/${sup.goalId}`, { closed: true }],
    ] as const) {
      const res = await clients.otherPractitioner.request(method, url, body);
      expect(res.statusCode, `${method} ${url}`).toBe(404);
    }
    const list = (await clients.otherPractitioner.get('/api/processes')).json().items.map((i: { id: string }) => i.id);
    expect(list).not.toContain(id);
    expect(list).toContain(sup.otherProcessId);
  });

  it('lists processes in a fixed number of queries, however many there are', async () => {
    // Counted on the executors' shared prototype: each repository runs on its own executor (the
    // tenant wall's plugin, kernel/db/tenant-wall.ts), derived from the database's.
    const executor = Object.getPrototypeOf(t.db.kysely.getExecutor()) as { executeQuery: (...args: unknown[]) => Promise<unknown> };
    const original = executor.executeQuery;
    let queries = 0;
    executor.executeQuery = function (this: unknown, ...args: unknown[]) {
      queries++;
      return original.apply(this, args);
    };
    const measure = async () => {
      queries = 0;
      const res = await clients.admin.get('/api/processes');
      expect(res.statusCode).toBe(200);
      return { queries, items: res.json().items.length };
    };
    try {
      const first = await measure();
      for (let i = 0; i < 12; i++) {
        await clients.admin.post('/api/processes', {
          organisationId: world.organisationId,
          serviceId: sup.serviceId,
          title: `Bulk ${i}`,
          practitionerIds: [world.users.practitioner.id],
        });
      }
      const second = await measure();
      expect(second.items).toBe(first.items + 12);
      expect(second.queries).toBe(first.queries);
      // Counted for real: the session lookup, the processes, names, counts and meeting bounds.
      expect(second.queries).toBeGreaterThanOrEqual(4);
      expect(second.queries).toBeLessThanOrEqual(6);
    } finally {
      executor.executeQuery = original;
    }
  });
});

describe('continuing a crisis process', () => {
  async function crisisProcess(title: string) {
    const p = (
      await clients.practitioner.post('/api/processes', {
        organisationId: world.organisationId,
        serviceId: sup.crisisServiceId,
        title,
        participantIds: [sup.participantPersonId, ...sup.otherPersonIds],
        practitionerIds: [world.users.other_practitioner.id],
      })
    ).json();
    expect(p.kind).toBe('crisis_group');
    expect(p.cadence).toBe('crisis');
    await clients.practitioner.post(`/api/processes/${p.id}/status`, { status: 'agreed' });
    await clients.practitioner.post(`/api/processes/${p.id}/status`, { status: 'active' });
    return p as { id: string };
  }

  it('moves the meetings already planned ahead to the continued process, at its price', async () => {
    const crisis = await crisisProcess('Ward C after the accident');
    const past = await insertMeeting(crisis.id, world.organisationId, '2026-10-05T07:00:00Z');
    const ahead = await insertMeeting(crisis.id, world.organisationId, new Date(Date.now() + 20 * 86400_000).toISOString(), {
      status: 'planned',
      priceCents: 32000,
    });
    await t.db.kysely
      .insertInto('meeting_attendance')
      .values({ provider_id: world.providerId, meeting_id: ahead, process_id: crisis.id, person_id: sup.participantPersonId })
      .execute();
    const next = await clients.practitioner.post(`/api/processes/${crisis.id}/continue`, { kind: 'group', serviceId: sup.serviceId });
    expect(next.statusCode).toBe(201);
    const newId = next.json().id;
    const rows = await t.db.kysely
      .selectFrom('meetings')
      .select(['id', 'process_id', 'price_cents'])
      .where('id', 'in', [past, ahead])
      .execute();
    expect(rows.find((r) => r.id === past)?.process_id).toBe(crisis.id);
    expect(rows.find((r) => r.id === ahead)).toMatchObject({ process_id: newId, price_cents: 24000 });
    const attendance = await t.db.kysely.selectFrom('meeting_attendance').select('process_id').where('meeting_id', '=', ahead).execute();
    expect(attendance.map((a) => a.process_id)).toEqual([newId]);
  });

  it('keeps people and open goals, completes the crisis process, and the scaling series spans both', async () => {
    const crisis = await crisisProcess('Ward B after the threat');
    const open = (await clients.practitioner.post(`/api/processes/${crisis.id}/goals`, { title: 'Feeling safe on night shift' })).json();
    const done = (await clients.practitioner.post(`/api/processes/${crisis.id}/goals`, { title: 'Talk through the night' })).json();
    await clients.practitioner.patch(`/api/goals/${done.id}`, { closed: true });
    await clients.practitioner.post(`/api/processes/${crisis.id}/what-works`, { text: 'Walking to the car in pairs' });
    const m1 = await insertMeeting(crisis.id, world.organisationId, '2026-10-05T07:00:00Z');
    const m2 = await insertMeeting(crisis.id, world.organisationId, '2026-10-19T07:00:00Z');
    const score = (meetingId: string, processId: string, goalId: string, value: number) =>
      t.db.kysely
        .insertInto('scaling_scores')
        .values({
          provider_id: world.providerId,
          meeting_id: meetingId,
          process_id: processId,
          goal_id: goalId,
          person_id: sup.participantPersonId,
          value,
          recorded_by: null,
        })
        .execute();
    await score(m1, crisis.id, open.id, 2);
    await score(m2, crisis.id, open.id, 4);
    await score(m1, crisis.id, done.id, 3);

    const notCrisis = await clients.practitioner.post(`/api/processes/${sup.processId}/continue`, {
      kind: 'group',
      serviceId: sup.serviceId,
    });
    expect(notCrisis.statusCode).toBe(422);
    expect(notCrisis.json().error.code).toBe('not_a_crisis_process');
    const crisisService = await clients.practitioner.post(`/api/processes/${crisis.id}/continue`, {
      kind: 'group',
      serviceId: sup.crisisServiceId,
    });
    expect(crisisService.statusCode).toBe(422);
    expect(crisisService.json().error.fields[0].path).toBe('serviceId');
    const badKind = await clients.practitioner.post(`/api/processes/${crisis.id}/continue`, {
      kind: 'crisis_group',
      serviceId: sup.serviceId,
    });
    expect(badKind.statusCode).toBe(400);
    expect(badKind.json().error.fields[0].path).toBe('kind');

    const res = await clients.practitioner.post(`/api/processes/${crisis.id}/continue`, {
      kind: 'group',
      serviceId: sup.serviceId,
      title: 'Ward B group supervision',
    });
    expect(res.statusCode).toBe(201);
    const next = res.json();
    expect(next).toMatchObject({
      title: 'Ward B group supervision',
      kind: 'group',
      status: 'active',
      cadence: 'monthly',
      continuedFromId: crisis.id,
      organisationId: world.organisationId,
      participantCount: 3,
    });
    expect(next.practitionerNames).toEqual(['other practitioner', 'practitioner']);
    expect(next.participants.map((p: { personId: string }) => p.personId).sort()).toEqual(
      [sup.participantPersonId, ...sup.otherPersonIds].sort(),
    );
    expect(next.goals.map((g: { title: string }) => g.title)).toEqual(['Feeling safe on night shift']);
    expect(next.history).toEqual([
      expect.objectContaining({
        fromStatus: null,
        toStatus: 'active',
        reason: 'continued from Ward B after the threat',
        byName: 'practitioner',
      }),
    ]);

    const old = (await clients.practitioner.get(`/api/processes/${crisis.id}`)).json();
    expect(old.status).toBe('completed');
    expect(old.continuedAsId).toBe(next.id);
    expect(old.history.at(-1)).toMatchObject({
      fromStatus: 'active',
      toStatus: 'completed',
      reason: 'continued as Ward B group supervision',
      byName: 'practitioner',
    });
    // The client contact sees both, linked.
    const seen = (await clients.contact.get('/api/processes')).json().items.find((i: { id: string }) => i.id === next.id);
    expect(seen.continuedFromId).toBe(crisis.id);

    const m3 = await insertMeeting(next.id, world.organisationId, '2026-11-16T07:00:00Z');
    await score(m3, next.id, next.goals[0].id, 7);
    const scaling = (await clients.practitioner.get(`/api/processes/${next.id}/scaling`)).json();
    expect(
      scaling.goals.map((g: { goalId: string; title: string; points: { meetingId: string; value: number }[] }) => [
        g.goalId,
        g.title,
        g.points.map((p) => [p.meetingId, p.value]),
      ]),
    ).toEqual([
      [
        next.goals[0].id,
        'Feeling safe on night shift',
        [
          [m1, 2],
          [m2, 4],
          [m3, 7],
        ],
      ],
      [done.id, 'Talk through the night', [[m1, 3]]],
    ]);
    // The participant follows their own series across the change too.
    const own = (await clients.participant.get(`/api/processes/${next.id}/scaling`)).json();
    expect(own.goals[0].points.map((p: { value: number }) => p.value)).toEqual([2, 4, 7]);

    const again = await clients.practitioner.post(`/api/processes/${crisis.id}/continue`, { kind: 'group', serviceId: sup.serviceId });
    expect(again.statusCode).toBe(422);
    expect(again.json().error.code).toBe('invalid_transition');
  });

  it('leaves nothing half-written when a step fails midway', async () => {
    const crisis = await crisisProcess('Reception after the robbery');
    await clients.practitioner.post(`/api/processes/${crisis.id}/goals`, { title: 'EXPLODE on copy' });
    // Copying the goals is the third write of the continuation; make it fail in the database
    // (as the owner: the app's role on PostgreSQL may not create triggers).
    await sql`create or replace function test_refuse_goal() returns trigger language plpgsql as $$
      begin
        if new.title = 'EXPLODE on copy' then raise exception 'refused by test'; end if;
        return new;
      end $$`.execute(t.db.owner);
    await sql`create trigger test_refuse_goal before insert on goals for each row execute function test_refuse_goal()`.execute(t.db.owner);
    const tables = [
      'processes',
      'process_status_changes',
      'process_practitioners',
      'process_participants',
      'goals',
      'audit_events',
    ] as const;
    try {
      const before = await Promise.all(tables.map(count));
      const res = await t.withoutContractCheck('the database is made to fail on purpose: an undeclared 500', () =>
        clients.practitioner.post(`/api/processes/${crisis.id}/continue`, {
          kind: 'work_community',
          serviceId: sup.serviceId,
        }),
      );
      expect(res.statusCode).toBe(500);
      expect(await Promise.all(tables.map(count))).toEqual(before);
      const still = (await clients.practitioner.get(`/api/processes/${crisis.id}`)).json();
      expect(still.status).toBe('active');
      expect(still.continuedAsId).toBeNull();
    } finally {
      await sql`drop trigger test_refuse_goal on goals`.execute(t.db.owner);
      await sql`drop function test_refuse_goal()`.execute(t.db.owner);
    }
    const ok = await clients.practitioner.post(`/api/processes/${crisis.id}/continue`, {
      kind: 'work_community',
      serviceId: sup.serviceId,
    });
    expect(ok.statusCode).toBe(201);
  });
});

/** A reader for the semicolon CSV with quotes (RFC 4180 rules), to prove the file reads back. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ';') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += c;
  }
  return rows;
}

describe('invoicing', () => {
  let process: string;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    await t.db.kysely.updateTable('providers').set({ late_cancellation_charge_percent: 50 }).where('id', '=', world.providerId).execute();
    const p = (
      await clients.admin.post('/api/processes', {
        organisationId: world.organisationId,
        serviceId: sup.serviceId,
        title: 'Kitchen; "team"',
        practitionerIds: [world.users.practitioner.id],
      })
    ).json();
    process = p.id;
    ids.held = await insertMeeting(process, world.organisationId, '2026-10-06T07:00:00Z');
    // 00:30 on 1 October in Helsinki (UTC+3): inside October although it is still September in UTC.
    ids.firstMinutes = await insertMeeting(process, world.organisationId, '2026-09-30T21:30:00Z');
    ids.late = await insertMeeting(process, world.organisationId, '2026-10-15T07:00:00Z', {
      status: 'cancelled',
      late: true,
      by: 'participant',
      priceCents: 24001,
    });
    ids.early = await insertMeeting(process, world.organisationId, '2026-10-20T07:00:00Z', {
      status: 'cancelled',
      late: false,
      by: 'client',
    });
    // Late, but cancelled by the provider itself: listed, not charged.
    ids.providerLate = await insertMeeting(process, world.organisationId, '2026-10-22T07:00:00Z', {
      status: 'cancelled',
      late: true,
      by: 'provider',
    });
    // Not in the basis: planned, in September or November by the Helsinki clock, another organisation.
    await insertMeeting(process, world.organisationId, '2026-10-28T07:00:00Z', { status: 'planned' });
    await insertMeeting(process, world.organisationId, '2026-09-30T20:30:00Z');
    await insertMeeting(process, world.organisationId, '2026-10-31T22:30:00Z');
    await insertMeeting(sup.otherProcessId, world.otherOrganisationId, '2026-10-07T07:00:00Z');
  });

  it('charges held meetings at the booked price and late cancellations at the provider percentage', async () => {
    const res = await clients.admin.get(`/api/invoicing?organisationId=${world.organisationId}&month=2026-10`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.organisation).toMatchObject({ id: world.organisationId, name: 'Care Home Alpha' });
    expect(body.month).toBe('2026-10');
    expect(body.currency).toBe('EUR');
    const mine = body.rows.filter((r: { processTitle: string }) => r.processTitle === 'Kitchen; "team"');
    expect(
      mine.map((r: { meetingId: string; date: string; status: string; lateCancellation: boolean; chargedCents: number }) => [
        r.meetingId,
        r.date,
        r.status,
        r.lateCancellation,
        r.chargedCents,
      ]),
    ).toEqual([
      [ids.firstMinutes, '2026-10-01', 'held', false, 24000],
      [ids.held, '2026-10-06', 'held', false, 24000],
      [ids.late, '2026-10-15', 'cancelled', true, 12001],
      [ids.early, '2026-10-20', 'cancelled', false, 0],
      [ids.providerLate, '2026-10-22', 'cancelled', true, 0],
    ]);
    expect(mine.every((r: { serviceName: string }) => r.serviceName === 'Group supervision')).toBe(true);
    expect(body.totalCents).toBe(body.rows.reduce((s: number, r: { chargedCents: number }) => s + r.chargedCents, 0));
    // The world's group service is taxable at the Finnish 25.5 %: per line, rounded half up.
    const late = mine.find((r: { meetingId: string }) => r.meetingId === ids.late);
    expect(late).toMatchObject({
      chargedCents: 12001,
      vat: { treatment: 'taxable', ratePercent: 25.5, ground: null },
      vatCents: 3060,
      grossCents: 15061,
    });
    expect(body.vatCents).toBe(body.rows.reduce((s: number, r: { vatCents: number }) => s + r.vatCents, 0));
    expect(body.totalCents + body.vatCents).toBe(body.grossCents);
    expect(body.byVat).toEqual([
      {
        treatment: 'taxable',
        ratePercent: 25.5,
        ground: null,
        netCents: body.totalCents,
        vatCents: body.vatCents,
        grossCents: body.grossCents,
      },
    ]);
    expect(body.provider).toEqual({ name: expect.any(String), businessId: null, country: 'FI' });
    expect(body.rows).toHaveLength(
      mine.length + body.rows.filter((r: { processTitle: string }) => r.processTitle !== 'Kitchen; "team"').length,
    );
    expect(body.rows.every((r: { date: string }) => r.date.startsWith('2026-10'))).toBe(true);
  });

  it('gives the same basis as a semicolon CSV with a BOM and decimal commas that reads back', async () => {
    const json = (await clients.admin.get(`/api/invoicing?organisationId=${world.organisationId}&month=2026-10`)).json();
    const res = await clients.admin.get(`/api/invoicing.csv?organisationId=${world.organisationId}&month=2026-10`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe('attachment; filename="invoicing-care-home-alpha-2026-10.csv"');
    const raw = res.rawPayload.toString('utf8');
    expect(raw.charCodeAt(0)).toBe(0xfeff);
    const rows = parseCsv(raw.slice(1));
    // Header (the provider is Finnish), one line per row, one per VAT rate, the total.
    expect(rows[0]).toEqual([
      'Päivä',
      'Prosessi',
      'Palvelu',
      'Tila',
      'Myöhäinen peruutus',
      'Hinta',
      'Veloitus',
      'Tapaamisen tunnus',
      'ALV %',
      'Verottomuuden peruste',
      'ALV',
      'Yhteensä sis. ALV',
    ]);
    expect(rows).toHaveLength(json.rows.length + 2 + json.byVat.length);
    const late = rows.find((r) => r[7] === ids.late)!;
    expect(late).toEqual([
      '2026-10-15',
      'Kitchen; "team"',
      'Group supervision',
      'peruttu',
      'kyllä',
      '240,01',
      '120,01',
      ids.late,
      '25,5',
      '',
      '30,60',
      '150,61',
    ]);
    expect(rows.at(-2)![0]).toBe('ALV 25,5 %');
    const total = rows.at(-1)!;
    expect(total[0]).toBe('Yhteensä');
    const cents = (s: string) => Number(s.replace(',', ''));
    expect(cents(total[6]!)).toBe(json.totalCents);
    expect(cents(total[10]!)).toBe(json.vatCents);
    expect(cents(total[11]!)).toBe(json.grossCents);
    const lines = rows.slice(1, 1 + json.rows.length);
    expect(lines.reduce((s, r) => s + cents(r[6]!), 0)).toBe(json.totalCents);
    expect(lines.reduce((s, r) => s + cents(r[11]!), 0)).toBe(json.grossCents);
  });

  it('is the provider admin’s only, and names bad input', async () => {
    for (const c of [clients.practitioner, clients.contact, clients.participant]) {
      expect((await c.get(`/api/invoicing?organisationId=${world.organisationId}&month=2026-10`)).statusCode).toBe(403);
      expect((await c.get(`/api/invoicing.csv?organisationId=${world.organisationId}&month=2026-10`)).statusCode).toBe(403);
    }
    expect((await clients.otherAdmin.get(`/api/invoicing?organisationId=${world.organisationId}&month=2026-10`)).statusCode).toBe(404);
    const month = await clients.admin.get(`/api/invoicing?organisationId=${world.organisationId}&month=2026-13`);
    expect(month.statusCode).toBe(400);
    expect(month.json().error.fields[0].path).toBe('month');
    const org = await clients.admin.get('/api/invoicing.csv?month=2026-10');
    expect(org.statusCode).toBe(400);
    expect(org.json().error.fields[0].path).toBe('organisationId');
    const empty = (await clients.admin.get(`/api/invoicing?organisationId=${world.otherOrganisationId}&month=2025-01`)).json();
    expect(empty).toMatchObject({ rows: [], totalCents: 0, vatCents: 0, grossCents: 0, byVat: [], currency: 'EUR' });
  });

  it('prints the provider and client business IDs and separates exempt services from taxed ones', async () => {
    const bad = await clients.admin.patch('/api/provider/settings', { businessId: '1234567-8' });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error).toMatchObject({ code: 'invalid_business_id', fields: [{ path: 'businessId' }] });
    const ok = await clients.admin.patch('/api/provider/settings', { businessId: '16180333' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ businessId: '1618033-3', country: 'FI' });
    const org = await clients.admin.patch(`/api/organisations/${world.organisationId}`, { businessId: '0112038-8' });
    expect(org.statusCode).toBe(422);
    expect(org.json().error.fields[0].path).toBe('businessId');
    expect((await clients.admin.patch(`/api/organisations/${world.organisationId}`, { businessId: '0112038 9' })).json().businessId).toBe(
      '0112038-9',
    );

    const exempt = (
      await clients.admin.post('/api/services', {
        kind: 'crisis_group',
        names: { fi: 'Kriisityönohjaus', en: 'Crisis debriefing' },
        defaultMinutes: 90,
        defaultCadence: 'crisis',
        defaultPlace: 'on_site',
        priceCents: 30000,
        vat: { treatment: 'exempt', ground: 'AVL 34 §' },
      })
    ).json();
    const crisis = (
      await clients.admin.post('/api/processes', {
        organisationId: world.organisationId,
        serviceId: exempt.id,
        title: 'Debriefing after the fire',
        practitionerIds: [world.users.practitioner.id],
      })
    ).json();
    await insertMeeting(crisis.id, world.organisationId, '2026-10-08T07:00:00Z', { priceCents: 30000 });

    const body = (await clients.admin.get(`/api/invoicing?organisationId=${world.organisationId}&month=2026-10`)).json();
    expect(body.provider.businessId).toBe('1618033-3');
    expect(body.organisation.businessId).toBe('0112038-9');
    const line = body.rows.find((r: { processTitle: string }) => r.processTitle === 'Debriefing after the fire');
    expect(line).toMatchObject({
      serviceName: 'Kriisityönohjaus',
      serviceNames: { fi: 'Kriisityönohjaus', en: 'Crisis debriefing' },
      chargedCents: 30000,
      vat: { treatment: 'exempt', ratePercent: null, ground: 'AVL 34 §' },
      vatCents: 0,
      grossCents: 30000,
    });
    expect(body.byVat.map((g: { treatment: string; ratePercent: number | null }) => [g.treatment, g.ratePercent])).toEqual([
      ['taxable', 25.5],
      ['exempt', null],
    ]);
    expect(body.byVat[1]).toMatchObject({ ground: 'AVL 34 §', netCents: 30000, vatCents: 0, grossCents: 30000 });
    for (const key of ['netCents', 'vatCents', 'grossCents'] as const)
      expect(body.byVat.reduce((s: number, g: Record<string, number>) => s + g[key]!, 0)).toBe(
        body[key === 'netCents' ? 'totalCents' : key],
      );

    const csv = parseCsv(
      (await clients.admin.get(`/api/invoicing.csv?organisationId=${world.organisationId}&month=2026-10`)).rawPayload
        .toString('utf8')
        .slice(1),
    );
    expect(csv.at(-2)).toEqual(['Veroton', '', '', '', '', '', '300,00', '', '', 'AVL 34 §', '0,00', '300,00']);
  });
});

describe('the authorisation walk entries of this module', () => {
  it('answer every allowed caller with success, not merely with something other than a refusal', async () => {
    const failures: string[] = [];
    for (const [key, entry] of Object.entries(processesWalk)) {
      const [method, path] = key.split(' ') as [string, string];
      for (const who of entry.allowed as Who[]) {
        const user = world.users[who as keyof World['users']];
        const token = await createSession(t.db.kysely, t.clock, {
          userId: user.id,
          providerId: who === 'other_tenant_admin' ? world.otherProviderId : world.providerId,
          ttlHours: 1,
          ip: null,
          userAgent: null,
          mfaVerified: true,
        });
        const client = new Client(t.app, who);
        (client as unknown as { cookies: Map<string, string> }).cookies.set('rinnalla_session', token);
        // `who`: some entries build the request for the caller (the participant edits their own record).
        const { url = path, body } =
          (await entry.request?.({ t, world, sup, who } as Parameters<NonNullable<typeof entry.request>>[0])) ?? {};
        const res = await client.request(method as 'GET', url, method === 'GET' ? undefined : (body ?? {}));
        if (res.statusCode >= 300) failures.push(`${key} as ${who}: ${res.statusCode} ${res.body.slice(0, 200)}`);
      }
    }
    expect(failures).toEqual([]);
  });
});
