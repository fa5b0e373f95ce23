/**
 * Measures through HTTP against a real database and a clock the test moves: sending by link, the
 * respondent's form, draft, answer and result; link expiry and reuse; alerts as tasks with the
 * urgent mail and the escalation; plans and reminders by the jobs; and what management may see —
 * aggregates only, over at least five people, never a person, a free-text answer or a flag.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemRunner } from '../../kernel/access/system.js';
import { FixedClock } from '../../kernel/clock.js';
import { DataCipher } from '../../kernel/crypto.js';
import { Client, seedWorld, startTestApp, type TestApp, testPassword, testTotpSecret, type World } from '../../testing/harness.js';
import { type SupervisionWorld, seedSupervision } from '../../testing/supervision.js';
import { escalateUrgentAlerts, runCheckinPlans, sendCheckinReminders } from './jobs.js';
import { emergencySentence } from './logic/guidance.js';

const DAY = 86_400_000;
const clock = new FixedClock(new Date('2026-11-10T09:00:00Z'));
let t: TestApp;
let world: World;
let sup: SupervisionWorld;
let practitioner: Client;
let admin: Client;
let contact: Client;
let otherPractitioner: Client;
let participant: Client;
let otherTenant: Client;
const anonymous = () => new Client(t.app);

async function signedIn(email: string): Promise<Client> {
  const c = new Client(t.app);
  const res = await c.signIn(email, testPassword, testTotpSecret, clock);
  expect(res.statusCode).toBe(200);
  return c;
}

/** Mails delivered since the last call. */
let seen = 0;
async function newMail() {
  const all = await t.deliverMail();
  const fresh = all.slice(seen);
  seen = all.length;
  return fresh;
}

const tokenIn = (text: string) => /\/r\/([A-Za-z0-9_-]{20,})/.exec(text)?.[1] ?? null;

/** Sends an instrument to the seeded process's participants; returns each person's link by address. */
async function send(instrumentKey: string, personIds?: string[]) {
  const res = await practitioner.request('POST', `/api/processes/${sup.processId}/checkins`, {
    instrumentKey,
    ...(personIds ? { personIds } : {}),
  });
  expect(res.statusCode, res.body).toBe(201);
  const mails = await newMail();
  return { res, links: new Map(mails.map((m) => [m.to, tokenIn(m.text)])), mails };
}

/** Moves the clock; sessions expire over days, so everyone signs in again, as they would. */
async function moveClock(ms: number) {
  clock.advance(ms);
  practitioner = await signedIn(world.users.practitioner.email);
  admin = await signedIn(world.users.provider_admin.email);
  contact = await signedIn(world.users.client_contact.email);
  otherPractitioner = await signedIn(world.users.other_practitioner.email);
  participant = await signedIn(world.users.participant.email);
  otherTenant = await signedIn(world.users.other_tenant_admin.email);
}

const who5 = (v: number) => ({ i1: v, i2: v, i3: v, i4: v, i5: v });

beforeAll(async () => {
  t = await startTestApp({ clock, config: { logLevel: 'error' } });
  const cipher = new DataCipher(t.config.dataKey);
  world = await seedWorld(t.db, cipher);
  sup = await seedSupervision(t.db, world, cipher);
  await t.db.kysely.updateTable('memberships').set({ on_call: true }).where('user_id', '=', world.users.other_practitioner.id).execute();
  practitioner = await signedIn(world.users.practitioner.email);
  admin = await signedIn(world.users.provider_admin.email);
  contact = await signedIn(world.users.client_contact.email);
  otherPractitioner = await signedIn(world.users.other_practitioner.email);
  participant = await signedIn(world.users.participant.email);
  otherTenant = await signedIn(world.users.other_tenant_admin.email);
  await newMail();
});
afterAll(() => t.close());

describe('answering from a link', () => {
  it('sends a link to each participant, keeps a draft, scores the answer and refuses a second submit', async () => {
    const { res, links, mails } = await send('who5');
    expect(res.json().items).toHaveLength(3);
    const token = links.get('one@example.test');
    expect(token).toBeTruthy();
    // Issue 9: the invitation names the questionnaire in the reader's language (our name for it,
    // though its items are not shipped in Finnish) and ends with the safety line of the provider's
    // country, the same sentence as on the answer page.
    const invitation = mails.find((m) => m.to === 'one@example.test');
    expect(invitation?.subject).toContain('WHO-5-hyvinvointi-indeksi');
    expect(invitation?.text).toContain(emergencySentence('FI', 'fi'));
    expect(mails.find((m) => m.to === 'two@example.test')?.text).toContain(emergencySentence('FI', 'sv'));
    // The link in Colleague One's language (fi); WHO-5 is not shipped in Finnish, so the form falls back.
    const form = await anonymous().request('GET', `/api/respond/${token}`);
    expect(form.statusCode).toBe(200);
    const body = form.json();
    expect(body.instrument.key).toBe('who5');
    expect(body.instrument.items).toHaveLength(5);
    expect(body.availableLocales).toContain('en');
    expect(body.draft).toBeNull();

    const draft = await anonymous().request('PUT', `/api/respond/${token}/draft`, { answers: { i1: 4, i2: 3 } });
    expect(draft.statusCode).toBe(200);
    expect((await anonymous().request('GET', `/api/respond/${token}`)).json().draft).toEqual({ i1: 4, i2: 3 });

    const incomplete = await anonymous().request('POST', `/api/respond/${token}`, { answers: { i1: 4, i2: 3 } });
    expect(incomplete.statusCode).toBe(400);
    expect(
      incomplete
        .json()
        .error.fields.map((f: { path: string }) => f.path)
        .sort(),
    ).toEqual(['answers.i3', 'answers.i4', 'answers.i5']);
    const invalid = await anonymous().request('POST', `/api/respond/${token}`, { answers: { ...who5(3), i5: 9 } });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json().error.fields).toEqual([{ path: 'answers.i5', message: 'invalid_option' }]);
    // Nothing half-written: still unanswered.
    expect((await t.db.kysely.selectFrom('responses').select('id').execute()).length).toBe(0);

    const done = await anonymous().request('POST', `/api/respond/${token}`, { answers: { i1: 4, i2: 3, i3: 4, i4: 3, i5: 4 } });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json().result).toMatchObject({
      score: 72,
      min: 0,
      max: 100,
      band: { id: 'good', severity: 'none' },
      guidance: { show: false },
    });

    const again = await anonymous().request('POST', `/api/respond/${token}`, { answers: who5(4) });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('already_answered');
    expect((await anonymous().request('GET', `/api/respond/${token}`)).json().error.code).toBe('already_answered');
  });

  it('says an expired link has expired and whom to contact; an unknown one is not found', async () => {
    const { links } = await send('session_feedback', [sup.otherPersonIds[1] as string]);
    const token = links.get('two@example.test');
    await moveClock(15 * DAY);
    const expired = await anonymous().request('GET', `/api/respond/${token}`);
    expect(expired.statusCode).toBe(410);
    expect(expired.json().error).toMatchObject({ code: 'link_expired', fields: [{ path: 'providerName', message: 'Provider A' }] });
    expect((await anonymous().request('POST', `/api/respond/${token}`, { answers: {} })).statusCode).toBe(410);
    expect((await anonymous().request('GET', '/api/respond/not-a-real-token-but-long-enough')).json().error.code).toBe('link_unknown');
  });

  it('refuses an instrument too soon after the last one, and a licensed one before the licence is confirmed', async () => {
    const first = await practitioner.request('POST', `/api/processes/${sup.processId}/checkins`, {
      instrumentKey: 'who5',
      personIds: [sup.otherPersonIds[0] as string],
    });
    expect(first.json().items).toHaveLength(1);
    const res = await practitioner.request('POST', `/api/processes/${sup.processId}/checkins`, {
      instrumentKey: 'who5',
      personIds: [sup.otherPersonIds[0] as string],
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().items).toEqual([]);
    expect(res.json().skipped).toEqual([{ personId: sup.otherPersonIds[0], reason: 'too_soon' }]);
    await newMail();
    const tsq = await practitioner.request('POST', `/api/processes/${sup.processId}/checkins`, { instrumentKey: 'tsq' });
    expect(tsq.statusCode).toBe(422);
    expect(tsq.json().error).toMatchObject({ code: 'instrument_unavailable', fields: [{ path: 'instrumentKey' }] });
    expect((await admin.request('PATCH', '/api/measures/settings', { tsqLicensed: true })).json().tsqLicensed).toBe(true);
    expect(
      (
        await practitioner.request('POST', `/api/processes/${sup.processId}/checkins`, {
          instrumentKey: 'tsq',
          personIds: [sup.participantPersonId],
        })
      ).statusCode,
    ).toBe(201);
    await newMail();
  });
});

describe('alerts', () => {
  it('PHQ-9 item 9 raises an urgent alert at once, by mail too, and it becomes a task', async () => {
    const { links } = await send('phq9', [sup.otherPersonIds[0] as string]);
    const token = links.get('one@example.test');
    const answers = { i1: 0, i2: 0, i3: 0, i4: 0, i5: 0, i6: 0, i7: 0, i8: 0, i9: 1 };
    const res = await anonymous().request('POST', `/api/respond/${token}`, { answers });
    expect(res.json().result).toMatchObject({ score: 1, band: { id: 'minimal' }, guidance: { show: true } });
    expect(res.json().result.guidance.crisisLines.map((l: { phone: string }) => l.phone)).toContain('112');
    const mails = await newMail();
    const urgent = mails.find((m) => m.to === world.users.practitioner.email);
    expect(urgent?.subject).toMatch(/Urgent/);
    // Mail is not a confidential channel: no name, no instrument, no answer.
    expect(urgent?.text).not.toMatch(/Colleague|PHQ|self-harm/i);

    const list = (await practitioner.request('GET', '/api/alerts')).json().items;
    expect(list[0]).toMatchObject({ level: 'urgent', status: 'open', personName: 'Colleague One', reasons: ['flag:self_harm'] });
    const id = list[0].id as string;
    expect((await practitioner.request('POST', `/api/alerts/${id}/acknowledge`)).json()).toMatchObject({ status: 'acknowledged' });
    expect((await practitioner.request('POST', `/api/alerts/${id}/acknowledge`)).statusCode).toBe(409);
    expect((await practitioner.request('POST', `/api/alerts/${id}/contact`)).json()).toMatchObject({ status: 'acknowledged' });
    expect((await practitioner.request('GET', `/api/alerts/${id}`)).json().contactedAt).toBeTruthy();
    const referral = await practitioner.request('POST', `/api/alerts/${id}/referral`, {
      note: 'Booked with occupational health psychologist',
    });
    expect(referral.json()).toMatchObject({ referralNote: 'Booked with occupational health psychologist' });
    const stored = await t.db.kysely
      .selectFrom('measure_alerts')
      .select('referral_note_sealed')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(stored.referral_note_sealed).not.toContain('occupational');
    expect((await practitioner.request('POST', `/api/alerts/${id}/close`, { outcome: 'nonsense' })).json().error.fields[0].path).toBe(
      'outcome',
    );
    expect((await practitioner.request('POST', `/api/alerts/${id}/close`, { outcome: 'referred' })).json()).toMatchObject({
      status: 'closed',
      outcome: 'referred',
    });
    // Nobody else reaches it.
    expect((await otherPractitioner.request('GET', `/api/alerts/${id}`)).statusCode).toBe(404);
    expect((await admin.request('GET', `/api/alerts/${id}`)).statusCode).toBe(403);
    expect((await contact.request('GET', '/api/alerts')).statusCode).toBe(403);
  });

  it('escalates an unacknowledged urgent alert to the on-call list once, after the provider’s time', async () => {
    const { links } = await send('pcptsd5', [sup.participantPersonId]);
    const token = links.get(world.users.participant.email);
    const res = await anonymous().request('POST', `/api/respond/${token}`, { answers: { exposure: 1, i1: 1, i2: 1, i3: 1, i4: 0, i5: 0 } });
    expect(res.json().result.band.id).toBe('positive');
    await newMail();
    const deps = { system: systemRunner(t.db), config: t.config, clock, cipher: new DataCipher(t.config.dataKey) };
    expect(await escalateUrgentAlerts(deps)).toBe(0);
    clock.advance(61 * 60_000);
    expect(await escalateUrgentAlerts(deps)).toBe(1);
    const mails = await newMail();
    expect(mails.map((m) => m.to)).toContain(world.users.other_practitioner.email);
    expect(mails[0]?.text).toContain(world.users.practitioner.email);
    expect(await escalateUrgentAlerts(deps)).toBe(0);
  });

  it('follows the provider’s PC-PTSD-5 cut-off', async () => {
    expect((await admin.request('PATCH', '/api/measures/settings', { pcptsd5Cutoff: 4 })).json().pcptsd5Cutoff).toBe(4);
    const { links } = await send('pcptsd5', [sup.otherPersonIds[1] as string]);
    const res = await anonymous().request('POST', `/api/respond/${links.get('two@example.test')}`, {
      answers: { exposure: 1, i1: 1, i2: 1, i3: 1, i4: 0, i5: 0 },
    });
    expect(res.json().result.band.id).toBe('negative');
    expect((await admin.request('PATCH', '/api/measures/settings', { pcptsd5Cutoff: 5 })).statusCode).toBe(400);
    await admin.request('PATCH', '/api/measures/settings', { pcptsd5Cutoff: 3 });
  });
});

describe('plans and the jobs', () => {
  it('sends planned check-ins when due and reminds once with a fresh link beside the first', async () => {
    const deps = { system: systemRunner(t.db), config: t.config, clock, cipher: new DataCipher(t.config.dataKey) };
    const plan = await practitioner.request('POST', `/api/processes/${sup.processId}/checkin-plans`, {
      instrumentKey: 'session_feedback',
      trigger: 'each_meeting',
    });
    expect(plan.statusCode, plan.body).toBe(201);
    const bad = await practitioner.request('POST', `/api/processes/${sup.processId}/checkin-plans`, {
      instrumentKey: 'who5',
      trigger: 'every_nth',
    });
    expect(bad.json().error.fields[0].path).toBe('everyN');
    const planned = () =>
      practitioner
        .request('GET', `/api/processes/${sup.processId}/checkins`)
        .then(
          (r) => r.json().checkins.filter((c: { planId: string }) => c.planId === plan.json().id) as { status: string; dueAt: string }[],
        );
    // One per participant for the meeting ahead, due a day before it.
    const waiting = await planned();
    expect(waiting).toHaveLength(3);
    expect(waiting.every((c) => c.status === 'scheduled')).toBe(true);
    const meeting = await t.db.kysely.selectFrom('meetings').select('starts_at').where('id', '=', sup.meetingId).executeTakeFirstOrThrow();
    expect(new Date(waiting[0]?.dueAt as string).getTime()).toBe(new Date(meeting.starts_at).getTime() - DAY);
    expect(await runCheckinPlans(deps)).toBe(0);
    expect(await newMail()).toEqual([]);
    await moveClock(new Date(meeting.starts_at).getTime() - DAY + 60_000 - clock.now().getTime());
    await runCheckinPlans(deps);
    const first = await newMail();
    expect(first.map((m) => m.to).sort()).toEqual(['one@example.test', 'participant@example.test', 'two@example.test']);
    expect((await planned()).every((c) => c.status === 'sent')).toBe(true);
    await runCheckinPlans(deps);
    expect(await newMail()).toEqual([]);
    await moveClock(3 * DAY);
    expect(await sendCheckinReminders(deps)).toBeGreaterThan(0);
    const reminders = await newMail();
    expect(reminders.length).toBeGreaterThan(0);
    // The reminder carries a link of its own (no copy of the first is kept); the first keeps working.
    const original = first.find((m) => m.to === reminders[0]?.to) ?? null;
    expect(original).not.toBeNull();
    expect(tokenIn(reminders[0]?.text ?? '')).not.toBe(tokenIn(original?.text ?? ''));
    // Issue 9: the reminder, like the invitation, ends with the safety line of the provider's country.
    const oneReminder = reminders.find((m) => m.to === 'one@example.test');
    if (oneReminder) expect(oneReminder.text).toContain(emergencySentence('FI', 'fi'));
    for (const m of reminders) expect(m.text).toMatch(/112/);
    expect((await anonymous().request('GET', `/api/respond/${tokenIn(original?.text ?? '')}`)).statusCode).toBe(200);
    expect((await anonymous().request('GET', `/api/respond/${tokenIn(reminders[0]?.text ?? '')}`)).statusCode).toBe(200);
    expect(await sendCheckinReminders(deps)).toBe(0);
    // Removing the plan cancels what it has not sent.
    expect((await practitioner.request('DELETE', `/api/checkin-plans/${plan.json().id}`)).statusCode).toBe(204);
  });

  it('applies the crisis protocol only to a crisis process, once', async () => {
    expect((await practitioner.request('POST', `/api/processes/${sup.processId}/checkin-plans/crisis-protocol`)).json().error.code).toBe(
      'not_a_crisis',
    );
    await t.db.kysely
      .updateTable('processes')
      .set({ kind: 'crisis_group', crisis_event_at: clock.now() })
      .where('id', '=', sup.processId)
      .execute();
    const res = await practitioner.request('POST', `/api/processes/${sup.processId}/checkin-plans/crisis-protocol`);
    expect(res.statusCode, res.body).toBe(201);
    expect(
      res
        .json()
        .items.map(
          (p: { instrumentKey: string; trigger: string; offsetDays: number | null }) => `${p.instrumentKey}:${p.trigger}:${p.offsetDays}`,
        ),
    ).toEqual(['who5:offset_days:3', 'who5:each_meeting:null', 'tsq:offset_days:28', 'tsq:offset_days:90']);
    expect((await practitioner.request('POST', `/api/processes/${sup.processId}/checkin-plans/crisis-protocol`)).statusCode).toBe(409);
    await newMail();
  });
});

describe('what each person sees of results', () => {
  it('the practitioner sees a person’s series and one answer in full (audited); a colleague sees nothing', async () => {
    const mine = (await practitioner.request('GET', `/api/people/${sup.otherPersonIds[0]}/measures`)).json();
    expect(mine.series.map((s: { instrumentKey: string }) => s.instrumentKey).sort()).toEqual(['phq9', 'who5']);
    const responseId = mine.series.find((s: { instrumentKey: string }) => s.instrumentKey === 'phq9').points[0].responseId;
    const detail = await practitioner.request('GET', `/api/responses/${responseId}`);
    expect(detail.json().items).toHaveLength(9);
    const audit = await t.db.kysely
      .selectFrom('audit_events')
      .select('actor_user_id')
      .where('action', '=', 'response.read')
      .where('entity_id', '=', responseId)
      .execute();
    expect(audit).toEqual([{ actor_user_id: world.users.practitioner.id }]);
    const colleague = (await otherPractitioner.request('GET', `/api/people/${sup.otherPersonIds[0]}/measures`)).json();
    expect(colleague.series).toEqual([]);
    expect((await otherPractitioner.request('GET', `/api/responses/${responseId}`)).statusCode).toBe(404);
    expect((await admin.request('GET', `/api/responses/${responseId}`)).statusCode).toBe(403);
    expect((await contact.request('GET', `/api/responses/${responseId}`)).statusCode).toBe(403);
    expect((await contact.request('GET', `/api/people/${sup.otherPersonIds[0]}/measures`)).statusCode).toBe(403);
  });

  it('a participant sees their own scores only', async () => {
    const own = (await participant.request('GET', '/api/me/measures')).json();
    expect(own.person.id).toBe(sup.participantPersonId);
    expect(own.series.map((s: { instrumentKey: string }) => s.instrumentKey)).toContain('pcptsd5');
    expect(JSON.stringify(own)).not.toContain(sup.otherPersonIds[0]);
  });

  it('free text is encrypted at rest and shown to the practitioner', async () => {
    const { links } = await send('session_feedback', [sup.otherPersonIds[1] as string]);
    const token = links.get('two@example.test');
    const res = await anonymous().request('POST', `/api/respond/${token}`, {
      answers: { i1: 8, i2: 7, i3: 9, i4: 8, comment: 'More time for the quiet ones' },
    });
    expect(res.json().result).toMatchObject({ score: 8, band: { id: 'good' } });
    const row = await t.db.kysely
      .selectFrom('responses')
      .selectAll()
      .where('instrument_key', '=', 'session_feedback')
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(row)).not.toContain('quiet');
    const detail = (await practitioner.request('GET', `/api/responses/${row.id}`)).json();
    expect(detail.freeText).toEqual({ comment: 'More time for the quiet ones' });
  });
});

describe('aggregates for management', () => {
  /** Stored answers of `n` new people of an organisation in a process, in a month already ended. */
  async function answersOf(n: number, organisationId: string, processId: string, score: number, at: Date) {
    const k = t.db.kysely;
    for (let i = 0; i < n; i++) {
      const person = await k
        .insertInto('people')
        .values({
          provider_id: world.providerId,
          organisation_id: organisationId,
          unit_id: null,
          user_id: null,
          name: `Agg ${crypto.randomUUID()}`,
          email: null,
          phone: null,
          locale: 'fi',
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const checkin = await k
        .insertInto('checkins')
        .values({
          provider_id: world.providerId,
          process_id: processId,
          organisation_id: organisationId,
          person_id: person.id,
          plan_id: null,
          anchor: null,
          instrument_key: 'who5',
          instrument_version: 1,
          locale: 'fi',
          status: 'answered',
          due_at: at,
          sent_at: at,
          token_hash: null,
          expires_at: null,
          reminded_at: null,
          draft_saved_at: null,
          answered_at: at,
          sent_by: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await k
        .insertInto('responses')
        .values({
          provider_id: world.providerId,
          process_id: processId,
          organisation_id: organisationId,
          person_id: person.id,
          checkin_id: checkin.id,
          instrument_key: 'who5',
          instrument_version: 1,
          answers: JSON.stringify(who5(score / 20)),
          free_text_sealed: null,
          score,
          band: score <= 28 ? 'likely_depression' : score < 50 ? 'poor' : 'good',
          severity: 'none',
          flags: JSON.stringify(['item_low']),
          submitted_at: at,
        })
        .execute();
    }
  }

  async function newProcess(title: string) {
    const row = await t.db.kysely
      .insertInto('processes')
      .values({
        provider_id: world.providerId,
        organisation_id: world.organisationId,
        service_id: sup.serviceId,
        kind: 'group',
        title,
        status: 'active',
        agreed_sessions: null,
        cadence: 'monthly',
        session_minutes: 90,
        place: 'on_site',
        location: null,
        video_link: null,
        price_cents: 1000,
        currency: 'EUR',
        language: 'fi',
        start_date: null,
        review_date: null,
        crisis_event_at: null,
        continued_from_id: null,
        request_id: null,
        created_by: null,
        updated_at: new Date(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }

  it('shows a closed month over five people and says "too few" under five; never a person, an answer or a flag', async () => {
    const big = await newProcess('Big team');
    const small = await newProcess('Small team');
    await answersOf(6, world.organisationId, big, 60, new Date('2026-09-10T10:00:00Z'));
    await answersOf(4, world.organisationId, small, 40, new Date('2026-09-12T10:00:00Z'));
    const bigView = await contact.request('GET', `/api/measures/aggregates?processId=${big}`);
    expect(bigView.statusCode, bigView.body).toBe(200);
    const months = bigView.json().items[0].months;
    expect(months).toEqual([{ month: '2026-09', shown: true, reason: null, respondents: 6, mean: 60, bandCounts: { good: 6 } }]);
    const smallView = (await contact.request('GET', `/api/measures/aggregates?processId=${small}`)).json();
    expect(smallView.items[0].months).toEqual([{ month: '2026-09', shown: false, reason: 'too_few' }]);
    // Whole minus parts: the organisation's September would reveal the small team's four.
    const orgView = (await contact.request('GET', `/api/measures/aggregates?organisationId=${world.organisationId}`)).json();
    const september = orgView.items
      .find((i: { instrumentKey: string }) => i.instrumentKey === 'who5')
      .months.find((m: { month: string }) => m.month === '2026-09');
    expect(september).toEqual({ month: '2026-09', shown: false, reason: 'too_few' });
    for (const view of [bigView.body, JSON.stringify(smallView), JSON.stringify(orgView)]) {
      expect(view).not.toMatch(/Agg |item_low|personId|answers/);
    }
  });

  it('adding a fifth person to the small team lets both the team and the whole be shown', async () => {
    const small = (await t.db.kysely.selectFrom('processes').select('id').where('title', '=', 'Small team').executeTakeFirstOrThrow()).id;
    await answersOf(1, world.organisationId, small, 40, new Date('2026-09-20T10:00:00Z'));
    const orgView = (await contact.request('GET', `/api/measures/aggregates?organisationId=${world.organisationId}`)).json();
    const september = orgView.items
      .find((i: { instrumentKey: string }) => i.instrumentKey === 'who5')
      .months.find((m: { month: string }) => m.month === '2026-09');
    expect(september).toMatchObject({ shown: true, respondents: 11, mean: 50.9 });
  });

  it('keeps the current month closed, so a figure never changes after someone saw it', async () => {
    const process = (await t.db.kysely.selectFrom('processes').select('id').where('title', '=', 'Big team').executeTakeFirstOrThrow()).id;
    await answersOf(5, world.organisationId, process, 80, clock.now());
    const view = (await contact.request('GET', `/api/measures/aggregates?processId=${process}`)).json();
    const current = view.items[0].months.at(-1);
    expect(current).toEqual({ month: current.month, shown: false, reason: 'month_open' });
  });

  it('refuses another organisation’s contact and another provider', async () => {
    const otherContact = await signedIn(world.users.other_org_contact.email);
    expect((await otherContact.request('GET', `/api/measures/aggregates?organisationId=${world.organisationId}`)).statusCode).toBe(404);
    expect((await otherContact.request('GET', `/api/measures/aggregates?processId=${sup.processId}`)).statusCode).toBe(404);
    expect((await otherTenant.request('GET', `/api/measures/aggregates?organisationId=${world.organisationId}`)).statusCode).toBe(404);
    expect((await contact.request('GET', '/api/measures/aggregates')).statusCode).toBe(422);
  });
});

describe('custom questionnaires and the return-on-investment scenario', () => {
  const en = (text: string) => ({ en: text, fi: `${text} (fi)` });
  const body = {
    name: en('Team climate'),
    instructions: en('Think of the past month.'),
    languages: ['en', 'fi'],
    options: [0, 1, 2, 3].map((v) => ({ value: v, label: en(`Option ${v}`) })),
    items: [{ text: en('We help each other') }, { text: en('I can say what I think') }],
    scoring: 'sum',
    higherIsBetter: true,
    bands: [
      { min: 0, max: 2, label: en('Low'), severity: 'moderate', alert: 'normal' },
      { min: 3, max: 6, label: en('Good'), severity: 'none' },
    ],
  };

  it('a provider adds its own questionnaire in its languages; an incomplete one is refused with the problems named', async () => {
    const res = await admin.request('POST', '/api/instruments', body);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ key: 'custom_team_climate', custom: true, languages: ['en', 'fi'], min: 0, max: 6 });
    const gap = await admin.request('POST', '/api/instruments', {
      ...body,
      bands: [{ min: 0, max: 2, label: en('Low'), severity: 'moderate' }],
    });
    expect(gap.statusCode).toBe(422);
    expect(gap.json().error.code).toBe('invalid_definition');
    const missing = await admin.request('POST', '/api/instruments', { ...body, items: [{ text: { en: 'Only English' } }] });
    expect(missing.json().error.fields.map((f: { path: string }) => f.path)).toContain('items.i1.text');
    const revised = await admin.request('PUT', '/api/instruments/custom_team_climate', body);
    expect(revised.json().version).toBe(2);
    expect((await practitioner.request('POST', '/api/instruments', body)).statusCode).toBe(403);
    const listed = (await practitioner.request('GET', '/api/instruments')).json().items.map((i: { key: string }) => i.key);
    expect(listed).toEqual(
      expect.arrayContaining(['who5', 'phq9', 'gad7', 'was', 'pcptsd5', 'tsq', 'session_feedback', 'custom_team_climate']),
    );
  });

  it('every definition, the settings, switching a questionnaire off and cancelling a check-in answer in the contract’s shapes', async () => {
    for (const key of ['who5', 'phq9', 'gad7', 'was', 'pcptsd5', 'tsq', 'session_feedback', 'custom_team_climate']) {
      const res = await practitioner.request('GET', `/api/instruments/${key}`);
      expect(res.statusCode, `${key}: ${res.body}`).toBe(200);
      expect(res.json().definition.key).toBe(key);
    }
    expect((await practitioner.request('GET', '/api/instruments/no_such_thing')).statusCode).toBe(404);
    const settings = await practitioner.request('GET', '/api/measures/settings');
    expect(settings.statusCode, settings.body).toBe(200);
    expect(settings.json()).toMatchObject({ country: 'FI', currency: 'EUR', defaultSickDayCostCents: 36000 });
    const off = await admin.request('PATCH', '/api/instruments/custom_team_climate', { active: false });
    expect(off.json()).toMatchObject({ active: false, available: false });
    expect((await admin.request('PATCH', '/api/instruments/who5', { active: false })).json().error.code).toBe('built_in');
    expect((await admin.request('PATCH', '/api/instruments/custom_team_climate', { active: true })).json()).toMatchObject({ active: true });

    const { res } = await send('session_feedback', [sup.otherPersonIds[0] as string]);
    const sent = res.json().items[0];
    const cancelled = await practitioner.request('POST', `/api/checkins/${sent.id}/cancel`);
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    expect(cancelled.json()).toMatchObject({ id: sent.id, status: 'cancelled' });
    expect((await otherPractitioner.request('POST', `/api/checkins/${sent.id}/cancel`)).statusCode).toBe(404);
  });

  it('sets support costs against sick-leave days, labelled a scenario', async () => {
    const month = new Date(clock.now()).toISOString().slice(0, 7);
    const res = await contact.request('GET', `/api/measures/roi?organisationId=${world.organisationId}&from=2026-01&to=${month}`);
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json();
    expect(r).toMatchObject({ scenario: true, sickDayCostCents: 36000, sickDayCostSource: 'default', currency: 'EUR' });
    expect(r.breakEvenDays).toBe(Math.ceil((r.supportCostCents / 36000) * 10) / 10);
    const own = (
      await contact.request(
        'GET',
        `/api/measures/roi?organisationId=${world.organisationId}&from=2026-01&to=${month}&sickDayCostCents=50000`,
      )
    ).json();
    expect(own).toMatchObject({ sickDayCostCents: 50000, sickDayCostSource: 'query' });
    expect(
      (await contact.request('GET', `/api/measures/roi?organisationId=${world.otherOrganisationId}&from=2026-01&to=2026-02`)).statusCode,
    ).toBe(404);
    expect(
      (await contact.request('GET', `/api/measures/roi?organisationId=${world.organisationId}&from=2026-05&to=2026-01`)).statusCode,
    ).toBe(422);
    // At most three years at a time.
    const roiFor = (from: string, to: string) =>
      contact.request('GET', `/api/measures/roi?organisationId=${world.organisationId}&from=${from}&to=${to}`);
    expect((await roiFor('2024-01', '2026-12')).statusCode).toBe(200);
    expect((await roiFor('2023-12', '2026-12')).json().error.code).toBe('invalid_range');
  });
});
