import { sql } from 'kysely';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemRunner } from '../../kernel/access/system.js';
import { DataCipher } from '../../kernel/crypto.js';
import type { ServiceKind } from '../../kernel/db/schema.js';
import { Client, type SentMail, seedWorld, startTestApp, type TestApp, type World } from '../../testing/harness.js';
import { type SupervisionWorld, seedSupervision } from '../../testing/supervision.js';
import { sendDueReminders, sendIdleProcessNudges } from './jobs.js';
import { isPublicHoliday } from './logic/index.js';

let t: TestApp;
let world: World;
let sup: SupervisionWorld;
let cipher: DataCipher;
const clients = new Map<string, Client>();

const HOUR = 3600_000;
const DAY = 24 * HOUR;
const zone = 'Europe/Helsinki';

type Who =
  | 'practitioner'
  | 'provider_admin'
  | 'participant'
  | 'client_contact'
  | 'other_practitioner'
  | 'other_org_contact'
  | 'other_tenant_admin';

async function as(who: Who): Promise<Client> {
  let c = clients.get(who);
  if (!c) {
    c = new Client(t.app, who);
    expect((await c.signIn(world.users[who].email)).statusCode).toBe(200);
    clients.set(who, c);
  }
  return c;
}

let mailsSeen = 0;
/** Mail delivered since the last call. */
async function newMails(): Promise<SentMail[]> {
  const all = await t.deliverMail();
  const fresh = all.slice(mailsSeen);
  mailsSeen = all.length;
  return fresh;
}

const count = async (table: 'meetings' | 'meeting_practitioners' | 'meeting_attendance' | 'mail_outbox' | 'audit_events') =>
  Number(
    (
      await t.db.kysely
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

/** A process of the world's organisation led by the world's practitioner. */
async function makeProcess(o: {
  kind: ServiceKind;
  cadence: 'crisis' | 'weekly' | 'biweekly' | 'monthly';
  personIds: string[];
  title: string;
  status?: 'active' | 'completed';
}) {
  const k = t.db.kysely;
  const p = world.providerId;
  const process = await k
    .insertInto('processes')
    .values({
      provider_id: p,
      organisation_id: world.organisationId,
      service_id: o.kind.startsWith('crisis') ? sup.crisisServiceId : sup.serviceId,
      kind: o.kind,
      title: o.title,
      status: o.status ?? 'active',
      agreed_sessions: null,
      cadence: o.cadence,
      session_minutes: 90,
      place: 'office',
      location: 'Office, room 3',
      video_link: null,
      price_cents: 32000,
      language: 'fi',
      start_date: null,
      review_date: null,
      crisis_event_at: o.kind.startsWith('crisis') ? new Date() : null,
      continued_from_id: null,
      request_id: null,
      created_by: world.users.practitioner.id,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await k
    .insertInto('process_practitioners')
    .values({ provider_id: p, process_id: process.id, user_id: world.users.practitioner.id })
    .execute();
  if (o.personIds.length) {
    await k
      .insertInto('process_participants')
      .values(o.personIds.map((person_id) => ({ provider_id: p, process_id: process.id, person_id })))
      .execute();
  }
  return process.id;
}

/** Books one meeting through the API as the world's practitioner. */
async function book(processId: string, startsAt: Date, minutes = 90) {
  const res = await (await as('practitioner')).post(`/api/processes/${processId}/meetings`, {
    meetings: [{ startsAt: startsAt.toISOString(), endsAt: new Date(startsAt.getTime() + minutes * 60_000).toISOString() }],
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().items[0] as { id: string; startsAt: string };
}

/** The next whole hour at least `hours` from now. */
const hence = (hours: number) => new Date(Math.ceil((Date.now() + hours * HOUR) / HOUR) * HOUR);
/** An .ics with its folded lines joined again (RFC 5545 folds lines longer than 75 octets). */
const unfold = (ics: string) => ics.replace(/\r?\n[ \t]/g, '');
const icsStamp = (iso: string) => `${iso.replace(/[-:]/g, '').replace(/\.\d{3}/, '')}`;

/** The app's clock: the wall clock, moved forward by `ahead` when a test needs time to pass. */
const clock = { ahead: 0, now: () => new Date(Date.now() + clock.ahead) };

beforeAll(async () => {
  t = await startTestApp({ clock });
  cipher = new DataCipher(t.config.dataKey);
  world = await seedWorld(t.db, cipher);
  sup = await seedSupervision(t.db, world, cipher);
});
afterAll(() => t.close());

describe('availability, absences and holidays', () => {
  it('keeps the practitioner’s weekly hours, zone and absences', async () => {
    const me = await as('practitioner');
    const initial = (await me.get('/api/me/availability')).json();
    expect(initial.timeZone).toBe(zone);
    expect(initial.weekly).toHaveLength(5);
    expect(initial.weekly[0]).toEqual({ weekday: 1, start: '08:00', end: '16:00' });

    const put = await me.request('PUT', '/api/me/availability', {
      timeZone: zone,
      weekly: [1, 2, 3, 4, 5]
        .map((weekday) => ({ weekday, start: '08:00', end: '16:00' }))
        .concat([{ weekday: 6, start: '10:00', end: '12:00' }]),
    });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json().weekly).toHaveLength(6);

    const bad = await me.request('PUT', '/api/me/availability', { timeZone: zone, weekly: [{ weekday: 1, start: '12:00', end: '09:00' }] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0].path).toBe('weekly.0.end');

    // Back to the seeded hours for the planner below.
    await me.request('PUT', '/api/me/availability', { timeZone: zone, weekly: initial.weekly });

    const created = await me.post('/api/me/absences', { startsAt: '2099-07-01T00:00:00Z', endsAt: '2099-07-31T00:00:00Z', note: 'Summer' });
    expect(created.statusCode).toBe(201);
    expect((await me.get('/api/me/availability')).json().absences.map((a: { id: string }) => a.id)).toContain(created.json().id);
    // Someone else's absence is not there for a colleague.
    expect((await (await as('other_practitioner')).delete(`/api/me/absences/${created.json().id}`)).statusCode).toBe(404);
    expect((await me.delete(`/api/me/absences/${created.json().id}`)).statusCode).toBe(204);
    expect((await (await as('participant')).get('/api/me/availability')).statusCode).toBe(403);
  });

  it('lists Nordic public holidays', async () => {
    const res = await (await as('participant')).get('/api/holidays?country=FI&from=2026-12-01&to=2026-12-31');
    expect(res.statusCode).toBe(200);
    expect(res.json().items.map((h: { date: string }) => h.date)).toEqual(['2026-12-06', '2026-12-25', '2026-12-26']);
    const no = await (await as('participant')).get('/api/holidays?country=NO&from=2027-05-17&to=2027-05-17');
    expect(no.json().items).toHaveLength(1);
    const bad = await (await as('participant')).get('/api/holidays?country=FI&from=2026-12-31&to=2026-12-01');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0].path).toBe('to');
  });
});

describe('planner', () => {
  it('proposes a crisis series: first as soon as possible, then every two weeks inside the hours, around holidays', async () => {
    const crisisId = await makeProcess({
      kind: 'crisis_group',
      cadence: 'crisis',
      personIds: [sup.participantPersonId],
      title: 'Crisis after the knife threat',
    });
    // Start two weeks before the next Epiphany (6 January, a Finnish public holiday) that falls on a weekday.
    let year = DateTime.now().setZone(zone).year + 1;
    while (DateTime.fromISO(`${year}-01-06`, { zone }).weekday > 5) year++;
    const epiphany = DateTime.fromISO(`${year}-01-06`, { zone });
    const startFrom = epiphany.minus({ days: 14 }).toISODate()!;

    const res = await (await as('practitioner')).post(`/api/processes/${crisisId}/plan`, { count: 4, startFrom });
    expect(res.statusCode, res.body).toBe(200);
    const { timeZone, proposals } = res.json() as {
      timeZone: string;
      proposals: { startsAt: string; endsAt: string; reason: string; shiftedBecause?: string[] }[];
    };
    expect(timeZone).toBe(zone);
    expect(proposals.map((p) => p.reason)).toEqual(['first-asap', 'acute-phase', 'acute-phase', 'lengthened']);
    const local = proposals.map((p) => ({ start: DateTime.fromISO(p.startsAt, { zone }), end: DateTime.fromISO(p.endsAt, { zone }), p }));
    // The first is the first slot of the start day.
    expect(local[0]!.start.toISODate()).toBe(startFrom);
    expect(local[0]!.start.toFormat('HH:mm')).toBe('08:00');
    for (const { start, end } of local) {
      expect(start.weekday).toBeLessThanOrEqual(5);
      expect(start.toFormat('HH:mm') >= '08:00').toBe(true);
      expect(end.toFormat('HH:mm') <= '16:00').toBe(true);
      expect(isPublicHoliday('FI', start.toISODate()!)).toBe(false);
    }
    // Two weeks on is Epiphany: moved to the next working day, and the proposal says why.
    expect(local[1]!.start.toISODate()).not.toBe(epiphany.toISODate());
    expect(local[1]!.start > epiphany).toBe(true);
    expect(local[1]!.p.shiftedBecause).toContain('holiday');
    // The rhythm is kept from the first meeting, not from the shifted one.
    expect(local[2]!.start.toISODate()).toBe(epiphany.plus({ days: 14 }).toISODate());
  });

  it('is for the practitioners of the process only; a closed process cannot be planned', async () => {
    expect((await (await as('other_practitioner')).post(`/api/processes/${sup.processId}/plan`, {})).statusCode).toBe(404);
    expect((await (await as('provider_admin')).post(`/api/processes/${sup.processId}/plan`, {})).statusCode).toBe(403);
    const closed = await makeProcess({ kind: 'group', cadence: 'monthly', personIds: [], title: 'Finished', status: 'completed' });
    const res = await (await as('practitioner')).post(`/api/processes/${closed}/plan`, {});
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('process_closed');
    const bad = await (await as('practitioner')).post(`/api/processes/${sup.processId}/plan`, { count: 30 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0].path).toBe('count');
  });
});

describe('booking meetings', () => {
  it('books the practitioners, invites every participant and mails each an .ics in their own language', async () => {
    await newMails();
    const startsAt = new Date('2027-03-30T07:00:00Z'); // 10:00 in Helsinki, summer time (after 28 March)
    const res = await (await as('practitioner')).post(`/api/processes/${sup.processId}/meetings`, {
      meetings: [
        { startsAt: startsAt.toISOString(), endsAt: new Date(startsAt.getTime() + 90 * 60_000).toISOString() },
        { startsAt: '2027-03-16T08:00:00Z', endsAt: '2027-03-16T09:30:00Z' }, // 10:00 in winter time
      ],
    });
    expect(res.statusCode, res.body).toBe(201);
    const items = res.json().items as {
      id: string;
      startsAt: string;
      participantCount: number;
      attendance: { status: string }[];
      canCancel: boolean;
    }[];
    expect(items.map((m) => m.startsAt)).toEqual(['2027-03-16T08:00:00.000Z', '2027-03-30T07:00:00.000Z']);
    expect(items[0]!.participantCount).toBe(3);
    expect(items[0]!.attendance.map((a) => a.status)).toEqual(['invited', 'invited', 'invited']);
    expect(items[0]!.canCancel).toBe(true);

    const k = t.db.kysely;
    const rows = await k
      .selectFrom('meetings')
      .selectAll()
      .where(
        'id',
        'in',
        items.map((m) => m.id),
      )
      .execute();
    expect(rows.every((r) => r.price_cents === 24000 && r.organisation_id === world.organisationId && r.time_zone === zone)).toBe(true);
    const booked = await k.selectFrom('meeting_practitioners').selectAll().where('meeting_id', '=', items[1]!.id).execute();
    expect(booked).toHaveLength(1);
    expect(booked[0]).toMatchObject({ user_id: world.users.practitioner.id, process_id: sup.processId });
    expect(new Date(booked[0]!.starts_at).toISOString()).toBe('2027-03-30T07:00:00.000Z');
    const attendance = await k.selectFrom('meeting_attendance').selectAll().where('meeting_id', '=', items[1]!.id).execute();
    expect(attendance.map((a) => a.person_id).sort()).toEqual([sup.participantPersonId, ...sup.otherPersonIds].sort());

    const mails = await newMails();
    // One mail per participant for the whole plan (both meetings in one .ics), none to the practitioner who booked.
    expect(mails.map((m) => m.to).sort()).toEqual(['one@example.test', world.users.participant.email, 'two@example.test'].sort());
    for (const m of mails) {
      expect(m.attachments).toHaveLength(1);
      const ics = m.attachments![0]!;
      expect(ics.contentType).toContain('text/calendar');
      expect(ics.content).toContain('BEGIN:VCALENDAR');
      expect(ics.content).toContain('METHOD:REQUEST');
      expect(ics.content.match(/BEGIN:VEVENT/g)).toHaveLength(2);
      expect(ics.content).toContain(`UID:${items[0]!.id}@rinnalla`);
      expect(ics.content).toContain(`UID:${items[1]!.id}@rinnalla`);
      expect(ics.content).toContain('DTSTART:20270330T070000Z');
      expect(ics.content).toContain('DTSTART:20270316T080000Z');
      expect(ics.content).toContain('SEQUENCE:0');
    }
    // Wall-clock time in the meeting's zone, in each reader's language (winter 10:00, summer 10:00 too).
    const fi = mails.find((m) => m.to === 'one@example.test')!;
    expect(fi.subject).toMatch(/^Kutsu: Night shift group supervision, 2 tapaamista/);
    expect(fi.text).toContain('10.00–11.30');
    const sv = mails.find((m) => m.to === 'two@example.test')!;
    expect(sv.subject).toMatch(/^Inbjudan:/);
    const en = mails.find((m) => m.to === world.users.participant.email)!;
    expect(en.text).toContain('Tuesday, 16 March 2027 10:00–11:30 (Europe/Helsinki)');
    expect(en.text).toContain('Tuesday, 30 March 2027 10:00–11:30 (Europe/Helsinki)');
  });

  it('sends a plan of N meetings for P participants as exactly P mails, each .ics with N events, none to the organiser', async () => {
    await newMails();
    const starts = ['2027-09-07T07:00:00Z', '2027-09-21T07:00:00Z', '2027-10-05T07:00:00Z', '2027-10-19T07:00:00Z'];
    const res = await (await as('practitioner')).post(`/api/processes/${sup.processId}/meetings`, {
      meetings: starts.map((s) => ({ startsAt: s, endsAt: new Date(Date.parse(s) + 90 * 60_000).toISOString() })),
    });
    expect(res.statusCode, res.body).toBe(201);
    const mails = await newMails();
    const participants = ['one@example.test', world.users.participant.email, 'two@example.test'];
    expect(mails).toHaveLength(participants.length);
    expect(mails.map((m) => m.to).sort()).toEqual(participants.sort());
    expect(mails.some((m) => m.to === world.users.practitioner.email)).toBe(false);
    for (const m of mails) {
      expect(m.attachments).toHaveLength(1);
      expect(m.attachments![0]!.content.match(/BEGIN:VEVENT/g)).toHaveLength(starts.length);
      for (const s of starts) expect(m.attachments![0]!.content).toContain(`DTSTART:${icsStamp(s)}`);
    }
  });

  it('in a crisis process mails each participant alone, and their calendar names no other participant', async () => {
    const crisis = await makeProcess({
      kind: 'crisis_group',
      cadence: 'crisis',
      personIds: [sup.participantPersonId, ...sup.otherPersonIds],
      title: 'Defusing after the incident',
    });
    await newMails();
    const starts = ['2027-09-08T07:00:00Z', '2027-09-22T07:00:00Z'];
    const res = await (await as('practitioner')).post(`/api/processes/${crisis}/meetings`, {
      meetings: starts.map((s) => ({ startsAt: s, endsAt: new Date(Date.parse(s) + 90 * 60_000).toISOString() })),
    });
    expect(res.statusCode, res.body).toBe(201);
    const mails = await newMails();
    const participants = ['one@example.test', world.users.participant.email, 'two@example.test'];
    expect(mails.map((m) => m.to).sort()).toEqual([...participants].sort());
    for (const m of mails) {
      expect(m.to).not.toContain(',');
      const ics = unfold(m.attachments![0]!.content);
      expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(2);
      expect(ics).toContain(m.to);
      for (const other of participants.filter((p) => p !== m.to)) expect(ics).not.toContain(other);
    }
  });

  it('in a crisis process the update and the cancellation too name no other participant', async () => {
    const crisis = await makeProcess({
      kind: 'crisis_group',
      cadence: 'crisis',
      personIds: [sup.participantPersonId, ...sup.otherPersonIds],
      title: 'Follow-up after the robbery',
    });
    const me = await as('practitioner');
    const startsAt = '2027-10-06T07:00:00Z';
    const booked = await me.post(`/api/processes/${crisis}/meetings`, {
      meetings: [{ startsAt, endsAt: new Date(Date.parse(startsAt) + 60 * 60_000).toISOString() }],
    });
    expect(booked.statusCode, booked.body).toBe(201);
    const meetingId = booked.json().items[0].id as string;
    await newMails();
    const participants = ['one@example.test', world.users.participant.email, 'two@example.test'];
    const onlyTheirOwn = (mails: SentMail[], method: 'REQUEST' | 'CANCEL') => {
      expect(mails.map((m) => m.to).sort()).toEqual([...participants].sort());
      for (const m of mails) {
        const ics = unfold(m.attachments![0]!.content);
        expect(ics).toContain(`METHOD:${method}`);
        expect(ics).toContain(m.to);
        expect(ics).toContain(world.users.practitioner.email);
        for (const other of participants.filter((p) => p !== m.to)) expect(ics, `${m.to} sees ${other}`).not.toContain(other);
      }
    };
    const moved = await me.patch(`/api/meetings/${meetingId}`, {
      startsAt: '2027-10-07T07:00:00Z',
      endsAt: '2027-10-07T08:00:00Z',
      reason: 'The room is taken',
    });
    expect(moved.statusCode, moved.body).toBe(200);
    onlyTheirOwn(await newMails(), 'REQUEST');
    const cancelled = await me.post(`/api/meetings/${meetingId}/cancel`, { reason: 'They asked for another practitioner' });
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    onlyTheirOwn(await newMails(), 'CANCEL');
  });

  it('refuses bad input naming the field, and a colleague not on the process', async () => {
    const me = await as('practitioner');
    const backwards = await me.post(`/api/processes/${sup.processId}/meetings`, {
      meetings: [{ startsAt: '2027-01-10T10:00:00Z', endsAt: '2027-01-10T09:00:00Z' }],
    });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().error.fields.map((f: { path: string }) => f.path)).toEqual(['meetings.0.endsAt']);
    const noZone = await me.post(`/api/processes/${sup.processId}/meetings`, {
      meetings: [{ startsAt: '2027-01-10 10:00', endsAt: '2027-01-10T11:00:00Z' }],
    });
    expect(noZone.statusCode).toBe(400);
    expect(noZone.json().error.fields[0].path).toBe('meetings.0.startsAt');
    const empty = await me.post(`/api/processes/${sup.processId}/meetings`, { meetings: [] });
    expect(empty.json().error.fields[0].path).toBe('meetings');
    const link = await me.post(`/api/processes/${sup.processId}/meetings`, {
      meetings: [{ startsAt: '2027-01-10T10:00:00Z', endsAt: '2027-01-10T11:00:00Z' }],
      videoLink: 'javascript:alert(1)',
    });
    expect(link.json().error.fields[0].path).toBe('videoLink');
    const colleague = await (await as('other_practitioner')).post(`/api/processes/${sup.processId}/meetings`, {
      meetings: [{ startsAt: '2027-01-10T10:00:00Z', endsAt: '2027-01-10T11:00:00Z' }],
    });
    expect(colleague.statusCode).toBe(404);
    const tooLong = await (await as('practitioner')).get('/api/calendar?from=2027-01-01T00:00:00Z&to=2027-03-05T00:00:00Z');
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.json().error.fields[0].path).toBe('to');
  });

  it('leaves nothing half-written when the booking fails midway', async () => {
    // Signed in first: a sign-in writes audit events of its own.
    const client = await as('practitioner');
    const before = await Promise.all(
      (['meetings', 'meeting_practitioners', 'meeting_attendance', 'mail_outbox', 'audit_events'] as const).map(count),
    );
    // The last step of a booking is queueing its mail: make that fail.
    // Triggers are the owner's to create (the app's role on PostgreSQL may not).
    await sql`create function scheduling_test_fail() returns trigger language plpgsql as $$ begin raise exception 'outbox down'; end $$`.execute(
      t.db.owner,
    );
    await sql`create trigger scheduling_test_fail before insert on mail_outbox for each row execute function scheduling_test_fail()`.execute(
      t.db.owner,
    );
    try {
      const res = await t.withoutContractCheck('the mail outbox is made to fail on purpose', () =>
        client.post(`/api/processes/${sup.processId}/meetings`, {
          meetings: [
            { startsAt: '2027-02-01T08:00:00Z', endsAt: '2027-02-01T09:30:00Z' },
            { startsAt: '2027-02-15T08:00:00Z', endsAt: '2027-02-15T09:30:00Z' },
          ],
        }),
      );
      expect(res.statusCode).toBe(500);
    } finally {
      await sql`drop trigger scheduling_test_fail on mail_outbox`.execute(t.db.owner);
      await sql`drop function scheduling_test_fail()`.execute(t.db.owner);
    }
    const after = await Promise.all(
      (['meetings', 'meeting_practitioners', 'meeting_attendance', 'mail_outbox', 'audit_events'] as const).map(count),
    );
    expect(after).toEqual(before);
  });
});

describe('calendar', () => {
  it('shows each caller exactly their own: practitioner, colleague, participant, client contacts', async () => {
    const otherMeeting = await t.db.kysely
      .insertInto('meetings')
      .values({
        provider_id: world.providerId,
        process_id: sup.otherProcessId,
        organisation_id: world.otherOrganisationId,
        starts_at: new Date('2027-04-14T08:00:00Z'),
        ends_at: new Date('2027-04-14T09:00:00Z'),
        time_zone: zone,
        place: 'video',
        location: null,
        video_link: 'https://video.example/claims',
        cancelled_at: null,
        cancel_reason: null,
        cancelled_by_role: null,
        price_cents: 24000,
        reminder_sent_at: null,
        created_by: world.users.other_practitioner.id,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await t.db.kysely
      .insertInto('meeting_practitioners')
      .values({
        provider_id: world.providerId,
        meeting_id: otherMeeting.id,
        process_id: sup.otherProcessId,
        user_id: world.users.other_practitioner.id,
        starts_at: new Date('2027-04-14T08:00:00Z'),
        ends_at: new Date('2027-04-14T09:00:00Z'),
      })
      .execute();
    const mine = await book(sup.processId, new Date('2027-04-13T08:00:00Z'));
    // A meeting outside the week is not in it.
    await book(sup.processId, new Date('2027-04-20T08:00:00Z'));

    const week = '/api/calendar?from=2027-04-12T00:00:00%2B03:00&to=2027-04-19T00:00:00%2B03:00';
    const ids = async (who: Who) => {
      const res = await (await as(who)).get(week);
      expect(res.statusCode, `${who}: ${res.body}`).toBe(200);
      return res.json().items.map((i: { id: string }) => i.id);
    };
    expect(await ids('practitioner')).toEqual([mine.id]);
    expect(await ids('other_practitioner')).toEqual([otherMeeting.id]);
    expect(await ids('participant')).toEqual([mine.id]);
    expect(await ids('client_contact')).toEqual([mine.id]);
    expect(await ids('other_org_contact')).toEqual([otherMeeting.id]);
    const item = (await (await as('client_contact')).get(week)).json().items[0];
    expect(item).toMatchObject({
      processTitle: 'Night shift group supervision',
      organisationName: 'Care Home Alpha',
      timeZone: zone,
      place: 'on_site',
      status: 'planned',
      participantCount: 3,
    });
    expect((await (await as('provider_admin')).get(week)).statusCode).toBe(403);
  });

  it('lets the practitioner move only their planned meetings, and shades only their own hours and absences', async () => {
    const kept = await book(sup.processId, new Date('2027-05-11T07:00:00Z'));
    const cancelled = await book(sup.processId, new Date('2027-05-13T07:00:00Z'));
    const me = await as('practitioner');
    expect((await me.post(`/api/meetings/${cancelled.id}/cancel`, { reason: 'Flu' })).statusCode).toBe(200);
    const away = await me.post('/api/me/absences', {
      startsAt: '2027-05-14T00:00:00+03:00',
      endsAt: '2027-05-15T00:00:00+03:00',
      note: 'Course',
    });
    expect(away.statusCode).toBe(201);
    const outside = await me.post('/api/me/absences', { startsAt: '2027-06-01T00:00:00+03:00', endsAt: '2027-06-02T00:00:00+03:00' });
    const colleagues = await (await as('other_practitioner')).post('/api/me/absences', {
      startsAt: '2027-05-12T00:00:00+03:00',
      endsAt: '2027-05-13T00:00:00+03:00',
    });
    try {
      const week = '/api/calendar?from=2027-05-10T00:00:00%2B03:00&to=2027-05-17T00:00:00%2B03:00';
      const mine = (await me.get(week)).json();
      const movable = Object.fromEntries(mine.items.map((i: { id: string; canMove: boolean }) => [i.id, i.canMove]));
      expect(movable).toEqual({ [kept.id]: true, [cancelled.id]: false });
      expect(mine.workingHours).toEqual({ timeZone: zone, weekly: expect.arrayContaining([{ weekday: 1, start: '08:00', end: '16:00' }]) });
      expect(mine.absences).toEqual([
        { id: away.json().id, startsAt: '2027-05-13T21:00:00.000Z', endsAt: '2027-05-14T21:00:00.000Z', note: 'Course' },
      ]);
      for (const who of ['participant', 'client_contact'] as const) {
        const theirs = (await (await as(who)).get(week)).json();
        expect(
          theirs.items.find((i: { id: string }) => i.id === kept.id),
          who,
        ).toMatchObject({ canMove: false });
        expect(theirs.workingHours, who).toBeNull();
        expect(theirs.absences, who).toEqual([]);
      }
      const colleague = (await (await as('other_practitioner')).get(week)).json();
      expect(colleague.absences.map((a: { id: string }) => a.id)).toEqual([colleagues.json().id]);
      expect(colleague.items.map((i: { id: string }) => i.id)).not.toContain(kept.id);
    } finally {
      await me.delete(`/api/me/absences/${away.json().id}`);
      await me.delete(`/api/me/absences/${outside.json().id}`);
      await (await as('other_practitioner')).delete(`/api/me/absences/${colleagues.json().id}`);
    }
  });

  it('gives each role the meeting fields the contract names, and a client contact no notes or attendance', async () => {
    const detail = async (who: Who) => (await (await as(who)).get(`/api/meetings/${sup.meetingId}`)).json();
    const practitioner = await detail('practitioner');
    expect(practitioner.attendance).toHaveLength(3);
    expect(practitioner.summary).toContain('five-minute check-in');
    expect(practitioner.hasMyNote).toBe(true);
    expect(practitioner.scaling).toEqual([{ goalId: sup.goalId, personId: sup.participantPersonId, value: 4 }]);
    expect(practitioner.canCancel).toBe(true);

    const admin = await detail('provider_admin');
    expect(admin.attendance).toHaveLength(3);
    expect(admin).not.toHaveProperty('hasMyNote');
    expect(admin).not.toHaveProperty('scaling');

    const participant = await detail('participant');
    expect(participant.summary).toContain('five-minute check-in');
    expect(participant).not.toHaveProperty('attendance');
    expect(participant).not.toHaveProperty('scaling');
    expect(participant).not.toHaveProperty('hasMyNote');

    const contact = await (await as('client_contact')).get(`/api/meetings/${sup.meetingId}`);
    expect(contact.statusCode).toBe(200);
    expect(contact.json()).not.toHaveProperty('attendance');
    expect(contact.json()).not.toHaveProperty('summary');
    expect(contact.json()).not.toHaveProperty('scaling');
    expect(contact.json()).not.toHaveProperty('hasMyNote');
    expect(contact.json().canCancel).toBe(false);
    expect(contact.body).not.toContain(sup.noteText);
    expect(contact.body).not.toContain('participant@example.test');

    expect((await (await as('other_practitioner')).get(`/api/meetings/${sup.meetingId}`)).statusCode).toBe(404);
    expect((await (await as('other_org_contact')).get(`/api/meetings/${sup.meetingId}`)).statusCode).toBe(404);
    expect((await (await as('other_tenant_admin')).get(`/api/meetings/${sup.meetingId}`)).statusCode).toBe(404);
  });
});

describe('private notes', () => {
  const noteReads = async () =>
    Number(
      (
        await t.db.kysely
          .selectFrom('audit_events')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('action', '=', 'note.read')
          .where('actor_user_id', '=', world.users.practitioner.id)
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('are read by their author only, and every read is audited', async () => {
    const before = await noteReads();
    for (let i = 0; i < 2; i++) {
      const res = await (await as('practitioner')).get(`/api/meetings/${sup.meetingId}/note`);
      expect(res.statusCode).toBe(200);
      expect(res.json().text).toBe(sup.noteText);
    }
    expect(await noteReads()).toBe(before + 2);
    const event = await t.db.kysely
      .selectFrom('audit_events')
      .selectAll()
      .where('action', '=', 'note.read')
      .orderBy('at', 'desc')
      .executeTakeFirstOrThrow();
    expect(event).toMatchObject({ entity_type: 'note', provider_id: world.providerId });

    const refusals: Record<string, number> = {};
    for (const who of [
      'provider_admin',
      'participant',
      'other_practitioner',
      'client_contact',
      'other_org_contact',
      'other_tenant_admin',
    ] as const) {
      const res = await (await as(who)).get(`/api/meetings/${sup.meetingId}/note`);
      refusals[who] = res.statusCode;
      expect(res.body).not.toContain(sup.noteText);
    }
    expect(refusals).toEqual({
      provider_admin: 403,
      participant: 403,
      other_practitioner: 404,
      client_contact: 403,
      other_org_contact: 403,
      other_tenant_admin: 403,
    });
    // Refused callers read nothing, so nothing more was audited as a read.
    expect(await noteReads()).toBe(before + 2);
  });

  it('are stored encrypted, bound to the note', async () => {
    const meeting = await book(sup.processId, new Date('2027-05-04T07:00:00Z'));
    const text = 'Very private: burnout risk in the evening team.';
    const me = await as('practitioner');
    expect((await me.get(`/api/meetings/${meeting.id}/note`)).statusCode).toBe(404);
    const put = await me.request('PUT', `/api/meetings/${meeting.id}/note`, { text });
    expect(put.statusCode, put.body).toBe(200);
    const row = await t.db.kysely.selectFrom('meeting_notes').selectAll().where('meeting_id', '=', meeting.id).executeTakeFirstOrThrow();
    expect(row.ciphertext).not.toContain('burnout');
    expect(row.author_user_id).toBe(world.users.practitioner.id);
    expect(cipher.decrypt(row.ciphertext, `note:${row.id}`)).toBe(text);
    expect(() => cipher.decrypt(row.ciphertext, 'note:another')).toThrow();
    // Updating keeps one note per author and meeting.
    await me.request('PUT', `/api/meetings/${meeting.id}/note`, { text: 'Revised.' });
    expect((await me.get(`/api/meetings/${meeting.id}/note`)).json().text).toBe('Revised.');
    expect(await t.db.kysely.selectFrom('meeting_notes').select('id').where('meeting_id', '=', meeting.id).execute()).toHaveLength(1);
    // A colleague cannot write on a process that is not theirs.
    expect((await (await as('other_practitioner')).request('PUT', `/api/meetings/${meeting.id}/note`, { text: 'x' })).statusCode).toBe(404);
  });
});

describe('cancelling', () => {
  it('lets a participant cancel an individual meeting within the rules, and refuses too late', async () => {
    const individual = await makeProcess({
      kind: 'individual',
      cadence: 'monthly',
      personIds: [sup.participantPersonId],
      title: 'Individual supervision',
    });
    const early = await book(individual, hence(72));
    const participant = await as('participant');
    expect((await participant.get(`/api/meetings/${early.id}`)).json().canCancel).toBe(true);
    await newMails();
    const res = await participant.post(`/api/meetings/${early.id}/cancel`, { reason: 'I am on a course that day' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'cancelled',
      cancelReason: 'I am on a course that day',
      lateCancellation: false,
      canCancel: false,
    });
    const row = await t.db.kysely.selectFrom('meetings').selectAll().where('id', '=', early.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ cancelled_by_role: 'participant', sequence: 1 });
    const att = await t.db.kysely.selectFrom('meeting_attendance').select('status').where('meeting_id', '=', early.id).execute();
    expect(att.map((a) => a.status)).toEqual(['cancelled']);
    const mails = await newMails();
    expect(mails.map((m) => m.to).sort()).toEqual([world.users.participant.email, world.users.practitioner.email].sort());
    for (const m of mails) {
      expect(m.attachments![0]!.content).toContain('METHOD:CANCEL');
      expect(m.attachments![0]!.content).toContain('STATUS:CANCELLED');
      expect(m.attachments![0]!.content).toContain('SEQUENCE:1');
    }

    const soon = await book(individual, hence(10));
    expect((await participant.get(`/api/meetings/${soon.id}`)).json().canCancel).toBe(false);
    const late = await participant.post(`/api/meetings/${soon.id}/cancel`, { reason: 'Overslept' });
    expect(late.statusCode).toBe(422);
    expect(late.json().error.code).toBe('too_late_to_cancel');
    expect((await t.db.kysely.selectFrom('meetings').select('status').where('id', '=', soon.id).executeTakeFirstOrThrow()).status).toBe(
      'planned',
    );
    // A client contact cannot cancel; neither can a colleague not on the process.
    expect((await (await as('client_contact')).post(`/api/meetings/${soon.id}/cancel`, { reason: 'x' })).statusCode).toBe(403);
    expect((await (await as('other_practitioner')).post(`/api/meetings/${soon.id}/cancel`, { reason: 'x' })).statusCode).toBe(404);
  });

  it('lets a participant withdraw from a group meeting, which still takes place', async () => {
    const meeting = await book(sup.processId, hence(96));
    await newMails();
    const res = await (await as('participant')).post(`/api/meetings/${meeting.id}/cancel`, { reason: 'Night shift' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'planned', canCancel: false });
    const att = await (await as('practitioner')).get(`/api/meetings/${meeting.id}`);
    const byPerson = Object.fromEntries(att.json().attendance.map((a: { personId: string; status: string }) => [a.personId, a.status]));
    expect(byPerson[sup.participantPersonId]).toBe('cancelled');
    expect(byPerson[sup.otherPersonIds[0]!]).toBe('invited');
    const mails = await newMails();
    expect(mails.find((m) => m.to === world.users.participant.email)?.attachments?.[0]?.content).toContain('METHOD:CANCEL');
    const toPractitioner = mails.find((m) => m.to === world.users.practitioner.email)!;
    expect(toPractitioner.text).toContain('participant cannot attend');
    expect(toPractitioner.text).toContain('Night shift');
    expect(mails.map((m) => m.to)).not.toContain('one@example.test');
  });

  it('marks a late cancellation by the provider and cancels every attendance', async () => {
    const meeting = await book(sup.processId, hence(5));
    await newMails();
    const res = await (await as('practitioner')).post(`/api/meetings/${meeting.id}/cancel`, { reason: 'Supervisor ill' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'cancelled', lateCancellation: true });
    expect(res.json().attendance.map((a: { status: string }) => a.status)).toEqual(['cancelled', 'cancelled', 'cancelled']);
    const row = await t.db.kysely.selectFrom('meetings').selectAll().where('id', '=', meeting.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ cancelled_by_role: 'provider', late_cancellation: true });
    const mails = await newMails();
    // Everyone invited is told, not the practitioner who cancelled.
    expect(mails).toHaveLength(3);
    expect(mails.some((m) => m.to === world.users.practitioner.email)).toBe(false);
    expect(mails.every((m) => m.attachments?.[0]?.content.includes('METHOD:CANCEL'))).toBe(true);
    const again = await (await as('practitioner')).post(`/api/meetings/${meeting.id}/cancel`, { reason: 'again' });
    expect(again.statusCode).toBe(422);

    const early = await book(sup.processId, hence(80));
    const ok = await (await as('practitioner')).post(`/api/meetings/${early.id}/cancel`, { reason: 'Moved to spring' });
    expect(ok.json().lateCancellation).toBe(false);
  });
});

describe('rescheduling, attendance, held, summary and scaling', () => {
  it('moves a meeting with a higher sequence and mails the update', async () => {
    const meeting = await book(sup.processId, new Date('2027-06-01T07:00:00Z'));
    await newMails();
    const res = await (await as('practitioner')).patch(`/api/meetings/${meeting.id}`, {
      startsAt: '2027-06-03T10:00:00Z',
      endsAt: '2027-06-03T11:30:00Z',
      reason: 'Room not available',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().startsAt).toBe('2027-06-03T10:00:00.000Z');
    const row = await t.db.kysely.selectFrom('meetings').selectAll().where('id', '=', meeting.id).executeTakeFirstOrThrow();
    expect(row.sequence).toBe(1);
    const booked = await t.db.kysely
      .selectFrom('meeting_practitioners')
      .selectAll()
      .where('meeting_id', '=', meeting.id)
      .executeTakeFirstOrThrow();
    expect(new Date(booked.starts_at).toISOString()).toBe('2027-06-03T10:00:00.000Z');
    const mails = await newMails();
    // The participants are told; the practitioner who moved it knows already.
    expect(mails).toHaveLength(3);
    expect(mails.some((m) => m.to === world.users.practitioner.email)).toBe(false);
    const en = mails.find((m) => m.to === world.users.participant.email)!;
    expect(en.subject).toMatch(/^New time:/);
    expect(en.text).toContain('Reason: Room not available');
    expect(en.text).toContain('Previously: Tuesday, 1 June 2027 10:00–11:30 (Europe/Helsinki)');
    expect(en.attachments![0]!.content).toContain('SEQUENCE:1');
    expect(en.attachments![0]!.content).toContain(`DTSTART:${icsStamp('2027-06-03T10:00:00Z')}`);
    expect(
      (
        await (
          await as('participant')
        ).patch(`/api/meetings/${meeting.id}`, { startsAt: '2027-06-03T10:00:00Z', endsAt: '2027-06-03T11:30:00Z', reason: 'x' })
      ).statusCode,
    ).toBe(403);
    const noReason = await (await as('practitioner')).patch(`/api/meetings/${meeting.id}`, {
      startsAt: '2027-06-03T10:00:00Z',
      endsAt: '2027-06-03T11:30:00Z',
    });
    expect(noReason.json().error.fields[0].path).toBe('reason');
  });

  it('records attendance, a held meeting, a summary shared with participants and scaling answers', async () => {
    const meeting = await book(sup.processId, new Date(Date.now() - 3 * HOUR));
    const me = await as('practitioner');
    const absent = await me.request('PUT', `/api/meetings/${meeting.id}/attendance`, {
      items: [{ personId: sup.otherPersonIds[0], status: 'absent' }],
    });
    expect(absent.statusCode, absent.body).toBe(200);
    const stranger = await me.request('PUT', `/api/meetings/${meeting.id}/attendance`, {
      items: [{ personId: crypto.randomUUID(), status: 'present' }],
    });
    expect(stranger.statusCode).toBe(422);
    expect(stranger.json().error.fields[0].path).toBe('items.0.personId');

    const held = await me.post(`/api/meetings/${meeting.id}/held`);
    expect(held.statusCode, held.body).toBe(200);
    expect(held.json().status).toBe('held');
    const statuses = Object.fromEntries(held.json().attendance.map((a: { personId: string; status: string }) => [a.personId, a.status]));
    expect(statuses).toEqual({
      [sup.participantPersonId]: 'present',
      [sup.otherPersonIds[0]!]: 'absent',
      [sup.otherPersonIds[1]!]: 'present',
    });
    const future = await book(sup.processId, new Date('2027-07-01T07:00:00Z'));
    expect((await me.post(`/api/meetings/${future.id}/held`)).json().error.code).toBe('meeting_not_started');

    expect((await me.request('PUT', `/api/meetings/${meeting.id}/summary`, { text: 'Handover checklist agreed.' })).statusCode).toBe(200);
    expect((await (await as('participant')).get(`/api/meetings/${meeting.id}`)).json().summary).toBe('Handover checklist agreed.');
    expect((await (await as('client_contact')).get(`/api/meetings/${meeting.id}`)).json()).not.toHaveProperty('summary');

    const scaling = await me.request('PUT', `/api/meetings/${meeting.id}/scaling`, {
      items: [
        { goalId: sup.goalId, personId: sup.participantPersonId, value: 6 },
        { goalId: sup.goalId, personId: null, value: 5 },
      ],
    });
    expect(scaling.statusCode, scaling.body).toBe(200);
    await me.request('PUT', `/api/meetings/${meeting.id}/scaling`, {
      items: [{ goalId: sup.goalId, personId: sup.participantPersonId, value: 7 }],
    });
    const detail = (await me.get(`/api/meetings/${meeting.id}`)).json();
    expect(detail.scaling).toHaveLength(2);
    expect(detail.scaling.find((s: { personId: string | null }) => s.personId === sup.participantPersonId).value).toBe(7);
    const badGoal = await me.request('PUT', `/api/meetings/${meeting.id}/scaling`, {
      items: [{ goalId: crypto.randomUUID(), personId: null, value: 3 }],
    });
    expect(badGoal.json().error.fields[0].path).toBe('items.0.goalId');
    const outOfRange = await me.request('PUT', `/api/meetings/${meeting.id}/scaling`, {
      items: [{ goalId: sup.goalId, personId: null, value: 11 }],
    });
    expect(outOfRange.statusCode).toBe(400);
    expect(outOfRange.json().error.fields[0].path).toBe('items.0.value');
  });
});

describe('records of a meeting that has not happened', () => {
  it('are refused before the meeting begins and accepted once it has, attendance marking it held', async () => {
    const meeting = await book(sup.processId, hence(2));
    const me = await as('practitioner');
    const attendance = { items: [{ personId: sup.otherPersonIds[0], status: 'absent' }] };
    const scaling = { items: [{ goalId: sup.goalId, personId: null, value: 6 }] };
    const before = [
      await me.request('PUT', `/api/meetings/${meeting.id}/attendance`, attendance),
      await me.request('PUT', `/api/meetings/${meeting.id}/summary`, { text: 'Not yet.' }),
      await me.request('PUT', `/api/meetings/${meeting.id}/scaling`, scaling),
      await me.post(`/api/meetings/${meeting.id}/held`),
    ];
    for (const res of before) {
      expect(res.statusCode, res.body).toBe(422);
      expect(res.json().error.code).toBe('meeting_not_started');
    }
    // A private note prepares the meeting and may be written beforehand.
    expect((await me.request('PUT', `/api/meetings/${meeting.id}/note`, { text: 'Ask about the new rota.' })).statusCode).toBe(200);
    const detail = (await me.get(`/api/meetings/${meeting.id}`)).json();
    expect(detail.status).toBe('planned');
    expect(detail.scaling ?? []).toHaveLength(0);
    expect(detail.summary ?? null).toBeNull();

    clock.ahead = 3 * HOUR;
    try {
      const recorded = await me.request('PUT', `/api/meetings/${meeting.id}/attendance`, attendance);
      expect(recorded.statusCode, recorded.body).toBe(200);
      expect(recorded.json().status).toBe('held');
      expect((await me.request('PUT', `/api/meetings/${meeting.id}/summary`, { text: 'Rota agreed.' })).statusCode).toBe(200);
      expect((await me.request('PUT', `/api/meetings/${meeting.id}/scaling`, scaling)).statusCode).toBe(200);
      const held = await me.post(`/api/meetings/${meeting.id}/held`);
      expect(held.statusCode, held.body).toBe(200);
      const statuses = Object.fromEntries(held.json().attendance.map((a: { personId: string; status: string }) => [a.personId, a.status]));
      expect(statuses[sup.otherPersonIds[0]!]).toBe('absent');
      expect(statuses[sup.participantPersonId]).toBe('present');
    } finally {
      clock.ahead = 0;
    }
  });
});

describe('calendar feed', () => {
  it('serves the owner’s meetings as text/calendar until it is revoked or replaced', async () => {
    const me = await as('practitioner');
    expect((await me.get('/api/me/calendar-feed')).json()).toMatchObject({ url: null, active: false });
    const made = await me.post('/api/me/calendar-feed');
    expect(made.statusCode, made.body).toBe(200);
    const url: string = made.json().url;
    expect(url).toMatch(/^http:\/\/rinnalla\.test\/calendar\/[\w-]+\.ics$/);
    expect((await me.get('/api/me/calendar-feed')).json()).toMatchObject({ url: null, active: true });
    const path = new URL(url).pathname;
    const token = path.slice('/calendar/'.length, -'.ics'.length);
    const stored = await t.db.kysely
      .selectFrom('calendar_feeds')
      .select('token_hash')
      .where('user_id', '=', world.users.practitioner.id)
      .execute();
    expect(stored.map((s) => s.token_hash)).not.toContain(token);

    const anonymous = new Client(t.app);
    const feed = await anonymous.get(path);
    expect(feed.statusCode).toBe(200);
    expect(feed.headers['content-type']).toContain('text/calendar');
    expect(feed.body).toContain('BEGIN:VCALENDAR');
    expect(feed.body).toContain('METHOD:PUBLISH');
    expect(feed.body).toContain(`UID:${sup.meetingId}@rinnalla`);
    // Only the owner's: the colleague's meeting is not in it.
    expect(feed.body).not.toContain('Claims team supervision');

    const replaced = (await me.post('/api/me/calendar-feed')).json().url as string;
    expect((await anonymous.get(path)).statusCode).toBe(404);
    const newPath = new URL(replaced).pathname;
    expect((await anonymous.get(newPath)).statusCode).toBe(200);
    expect((await me.delete('/api/me/calendar-feed')).statusCode).toBe(204);
    expect((await anonymous.get(newPath)).statusCode).toBe(404);
    expect((await me.get('/api/me/calendar-feed')).json().active).toBe(false);
    expect((await (await as('participant')).post('/api/me/calendar-feed')).statusCode).toBe(403);
  });
});

describe('jobs', () => {
  const deps = () => ({ system: systemRunner(t.db), config: t.config, clock: t.clock });

  it('reminds participants and practitioners once, 24 hours ahead', async () => {
    const now = new Date();
    // Everything else already due is reminded first, so this test sees only its own meetings.
    await sendDueReminders(deps(), now);
    await sendDueReminders(deps(), new Date(now.getTime() + 8 * HOUR));
    const meeting = await book(sup.processId, hence(30));
    await newMails();
    expect(await sendDueReminders(deps(), now)).toBe(0);
    const later = new Date(now.getTime() + 8 * HOUR);
    expect(await sendDueReminders(deps(), later)).toBe(1);
    const mails = await newMails();
    expect(mails.map((m) => m.to).sort()).toEqual(
      ['one@example.test', world.users.participant.email, world.users.practitioner.email, 'two@example.test'].sort(),
    );
    expect(mails.find((m) => m.to === world.users.participant.email)?.subject).toMatch(/^Reminder: Night shift group supervision/);
    expect(mails.find((m) => m.to === 'one@example.test')?.subject).toMatch(/^Muistutus:/);
    expect(await sendDueReminders(deps(), later)).toBe(0);
    expect(await newMails()).toHaveLength(0);
    const row = await t.db.kysely.selectFrom('meetings').select('reminder_sent_at').where('id', '=', meeting.id).executeTakeFirstOrThrow();
    expect(row.reminder_sent_at).not.toBeNull();
  });

  it('sends no reminders at once for a plan just confirmed: its invitation was the notice', async () => {
    const now = new Date();
    await sendDueReminders(deps(), now);
    const res = await (await as('practitioner')).post(`/api/processes/${sup.processId}/meetings`, {
      meetings: [hence(3), hence(20)].map((s) => ({
        startsAt: s.toISOString(),
        endsAt: new Date(s.getTime() + 90 * 60_000).toISOString(),
      })),
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(await newMails()).toHaveLength(3);
    expect(await sendDueReminders(deps(), new Date())).toBe(0);
    expect(await newMails()).toHaveLength(0);
  });

  it('nudges the practitioners of an active process with no meeting ahead, once a day', async () => {
    const idle = await makeProcess({ kind: 'individual', cadence: 'monthly', personIds: [], title: 'Leader supervision, no dates yet' });
    await newMails();
    const nudged = await sendIdleProcessNudges(deps(), new Date());
    expect(nudged).toContain(idle);
    expect(nudged).not.toContain(sup.processId);
    const mail = (await newMails()).find((m) => m.to === world.users.practitioner.email);
    expect(mail?.text).toContain('Leader supervision, no dates yet');
    expect(await sendIdleProcessNudges(deps(), new Date())).toEqual([]);
    const events = await t.db.kysely
      .selectFrom('audit_events')
      .select(['entity_id', 'details'])
      .where('action', '=', 'process.nudge')
      .execute();
    expect(events.map((e) => e.entity_id)).toContain(idle);
    // The job ran as its own named system caller, and the trail says so.
    expect(events.find((e) => e.entity_id === idle)?.details).toMatchObject({ actor: 'system:nudges' });
    const reminded = await t.db.kysely.selectFrom('audit_events').select('details').where('action', '=', 'meeting.remind').execute();
    expect(reminded.length).toBeGreaterThan(0);
    expect(reminded.every((e) => (e.details as { actor?: string }).actor === 'system:reminders')).toBe(true);
  });
});

// Keep the unused-day constant meaningful for readers of the helpers above.
void DAY;
