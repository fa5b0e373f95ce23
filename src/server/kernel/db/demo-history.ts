import type { Kysely } from 'kysely';
import { DateTime } from 'luxon';
import { createPlan, materialiseProcess } from '../../modules/measures/use-cases/plans.js';
import { submitAnswers } from '../../modules/measures/use-cases/respondent-link.js';
import { createService, type ServiceInput } from '../../modules/processes/use-cases/catalogue.js';
import { addGoal, addWhatWorks } from '../../modules/processes/use-cases/contents.js';
import { continueProcess } from '../../modules/processes/use-cases/continuation.js';
import { changeStatus, createProcess } from '../../modules/processes/use-cases/lifecycle.js';
import { createPerson } from '../../modules/processes/use-cases/people.js';
import { putAvailability } from '../../modules/scheduling/use-cases/availability.js';
import { createMeetings } from '../../modules/scheduling/use-cases/booking.js';
import { setAttendance, writeNote, writeScaling, writeSummary } from '../../modules/scheduling/use-cases/records.js';
import { type Caller, namedSystemCaller } from '../access/caller.js';
import { Repository } from '../access/repository.js';
import { resolveCredential } from '../access/system.js';
import { FixedClock } from '../clock.js';
import type { Locale } from '../i18n/i18n.js';
import type { CredentialContext, ServiceContext, ServiceDeps } from '../service-context.js';
import type { Db } from './database.js';
import type { Database } from './schema.js';

// The demo's history: a year of the care home's night-shift group supervision and a crisis at the
// insurer's customer service continued as ordinary supervision, with check-ins answered and one
// alert still open. Nothing here writes a tenant row itself: every step is the use case the app
// runs for that step, called as the demo user who would take it (their membership's grants, as a
// signed-in session has them), the check-in sender as the job runs it, and each answer through
// the link in its mail as the respondent's page sends it. An injected clock is moved along the
// year, so every rule that looks at time (a meeting's records only after it starts, a check-in
// only when due, the minimum interval) holds as it would have then.

const zone = 'Europe/Helsinki';
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export interface DemoSetting {
  providerId: string;
  organisations: { careHome: string; insurer: string };
  nightShiftUnitId: string;
  /** Demo account ids by e-mail. */
  users: Record<string, string>;
  /** The demo participant's own person record (linked to her account). */
  employeePersonId: string;
}

/**
 * The catalogue, named in the four languages. Ordinary supervision is taxable at the standard rate;
 * crisis supervision by a licensed health professional is exempt as health care (AVL 34 §).
 */
const catalogue: ServiceInput[] = [
  [
    'individual',
    'Yksilötyönohjaus',
    'Individuell handledning',
    'Individuell veiledning',
    'Individual supervision',
    60,
    'monthly',
    'office',
    14000,
  ],
  ['group', 'Ryhmätyönohjaus', 'Grupphandledning', 'Gruppeveiledning', 'Group supervision', 90, 'monthly', 'on_site', 26000],
  [
    'work_community',
    'Työyhteisön työnohjaus',
    'Handledning för arbetsgemenskapen',
    'Veiledning for arbeidsfellesskapet',
    'Work-community supervision',
    120,
    'monthly',
    'on_site',
    38000,
  ],
  ['leader', 'Esihenkilöiden työnohjaus', 'Chefshandledning', 'Lederveiledning', 'Leader supervision', 90, 'monthly', 'video', 18000],
  [
    'crisis_individual',
    'Kriisityönohjaus, yksilö',
    'Krishandledning, individuell',
    'Kriseveiledning, individuell',
    'Crisis supervision, individual',
    60,
    'crisis',
    'office',
    16000,
  ],
  [
    'crisis_group',
    'Kriisityönohjaus, ryhmä',
    'Krishandledning, grupp',
    'Kriseveiledning, gruppe',
    'Crisis supervision, group',
    90,
    'crisis',
    'on_site',
    32000,
  ],
].map(([kind, fi, sv, nb, en, minutes, cadence, place, price]) => ({
  kind: kind as ServiceInput['kind'],
  names: { fi: fi as string, sv: sv as string, nb: nb as string, en: en as string },
  defaultMinutes: minutes as number,
  defaultCadence: cadence as ServiceInput['defaultCadence'],
  defaultPlace: place as ServiceInput['defaultPlace'],
  priceCents: price as number,
  ...(String(kind).startsWith('crisis') ? { vat: { treatment: 'exempt' as const, ground: 'AVL 34 §' } } : {}),
}));

interface Person {
  name: string;
  email: string;
  locale: Locale;
}

/** The night shift's group besides Emma Employee: the e-mails the journeys know stay as they were. */
const nightShift: Person[] = [
  { name: 'Noora Nurse', email: 'noora@demo.rinnalla.test', locale: 'fi' },
  { name: 'Sven Sjöskötare', email: 'sven@demo.rinnalla.test', locale: 'sv' },
  { name: 'Liisa Lähihoitaja', email: 'liisa@demo.rinnalla.test', locale: 'fi' },
  { name: 'Kaisa Koivisto', email: 'kaisa.koivisto@kaisla.demo.rinnalla.test', locale: 'fi' },
  { name: 'Matti Mäkelä', email: 'matti.makela@kaisla.demo.rinnalla.test', locale: 'fi' },
  { name: 'Ida Forsström', email: 'ida.forsstrom@kaisla.demo.rinnalla.test', locale: 'sv' },
  { name: 'Tuomas Heikkilä', email: 'tuomas.heikkila@kaisla.demo.rinnalla.test', locale: 'fi' },
];

/** The insurer's Swedish-speaking customer-service team in Vaasa, who met the crisis. */
const claimsTeam: Person[] = [
  { name: 'Johanna Lindqvist', email: 'johanna.lindqvist@aalto.demo.rinnalla.test', locale: 'sv' },
  { name: 'Mikael Holmström', email: 'mikael.holmstrom@aalto.demo.rinnalla.test', locale: 'sv' },
  { name: 'Annika Sjöberg', email: 'annika.sjoberg@aalto.demo.rinnalla.test', locale: 'sv' },
  { name: 'Rasmus Nyman', email: 'rasmus.nyman@aalto.demo.rinnalla.test', locale: 'sv' },
  { name: 'Elina Westerlund', email: 'elina.westerlund@aalto.demo.rinnalla.test', locale: 'fi' },
];

/** What the group wrote down after each meeting, oldest first (shared with the participants). */
const nightShiftSummaries = [
  'Aloitimme: ryhmän yhteiset pelisäännöt ja toiveet. Yövuoron raskain hetki on aamun vuoronvaihto.',
  'Vuoronvaihdon raportointi: kokeillaan yhteistä muistilistaa kahden viikon ajan.',
  'Muistilista auttoi. Puhuimme väkivaltatilanteista ja siitä, miten jälkipuinti tehdään samana yönä.',
  'Sjuka kolleger och vikarier: hur vi fördelar nattens uppgifter när vi är färre. Sovittiin varahenkilöstä.',
  'Kesän lomat ja sijaiset: perehdytyksen tarkistuslista sijaisille yövuoroon.',
  'Uni ja palautuminen yövuorojen jälkeen: jokainen kertoi yhden oman keinon.',
  'Palaute esihenkilölle vuorosuunnittelusta; Heikki tulee seuraavaan kertaan puoleksi tunniksi.',
  'Keskustelu Heikin kanssa vuorolistoista: kaksi peräkkäistä yövuoroa enintään, kokeilu syyskuusta.',
  'Uuden vuorokokeilun ensimmäiset viikot: rauhallisempi aamu, vähemmän ylitöitä.',
  'Omaisten kohtaaminen yöllä: vaikeat puhelut ja mitä niistä jää mieleen.',
  'Vuoden katsaus: mikä on muuttunut, mitä jatketaan. Tavoitteet pysyvät, lisätään työssä jaksaminen.',
  'Tulevan vuoden toiveet: enemmän aikaa tapausten läpikäyntiin, vähemmän aikataulupuhetta.',
];

const crisisSummaries = [
  'Genomgång av händelsen: det hotfulla samtalet, vad var och en gjorde och hur det kändes. Alla fick tala.',
  'Två veckor senare: sömnen har blivit bättre för de flesta. Vi gick igenom rutinen för hotfulla samtal.',
];

const insurerSummaries = [
  'Ordinarie grupphandledning börjar: vad vi tar med oss från krisen och vad vi vill arbeta med.',
  'Svåra kundsamtal i vardagen: hur vi avslutar ett samtal som spårar ur.',
  'Arbetsbelastning efter omorganisationen; vi gör en gemensam lista att ta till chefen.',
  'Uppföljning: listan togs emot väl. Nästa gång handlar det om återhämtning under arbetsdagen.',
];

/** A deterministic spread (no randomness: the demo is the same on every machine). */
const spread = (a: number, b: number, mod: number) => (((a * 7 + b * 3) % mod) + mod) % mod;

/**
 * WHO-5 answers (0–5 per item) summing to about `sum`, none below 2: an ordinary month raises no
 * alert (no item at "some of the time" or less, no drop of ten points between two answers).
 */
function who5Answers(sum: number): Record<string, number> {
  const items = [2, 2, 2, 2, 2];
  let left = Math.max(10, Math.min(25, sum)) - 10;
  for (let i = 0; left > 0; i = (i + 1) % 5) {
    if ((items[i] as number) < 5) {
      items[i] = (items[i] as number) + 1;
      left--;
    }
  }
  return Object.fromEntries(items.map((v, i) => [`i${i + 1}`, v]));
}

/**
 * A meeting at `hour` Helsinki time on the given day, moved to the Friday before when it falls on a
 * weekend (so "a week from now" stays in next week's calendar, as the journeys expect).
 */
function slot(day: DateTime, hour: number, minutes = 90): { startsAt: Date; endsAt: Date } {
  let at = day.setZone(zone).set({ hour, minute: 0, second: 0, millisecond: 0 });
  if (at.weekday >= 6) at = at.minus({ days: at.weekday - 5 });
  return { startsAt: at.toJSDate(), endsAt: at.plus({ minutes }).toJSDate() };
}
const monthlySlot = (from: DateTime, months: number, hour = 13) => slot(from.plus({ months }), hour);
const daySlot = (from: DateTime, days: number, hour = 13) => slot(from.plus({ days }), hour);

/** The demo user as a signed-in session would make them: their memberships' grants, all factors passed. */
export async function demoUser(trx: Kysely<Database>, providerId: string, userId: string): Promise<Caller> {
  const grants = await trx
    .selectFrom('memberships')
    .select(['role', 'organisation_id', 'unit_id'])
    .where('provider_id', '=', providerId)
    .where('user_id', '=', userId)
    .execute();
  return {
    userId,
    sessionId: null,
    providerId,
    grants: grants.map((g) => ({ role: g.role, organisationId: g.organisation_id, unitId: g.unit_id })),
    isPlatformAdmin: false,
    fullySignedIn: true,
    ip: null,
    // The audit trail tells the seeded history from what the demo users do later.
    userAgent: 'rinnalla seed-demo',
    requestId: null,
  };
}

/** Creates the demo's history inside the seed's transaction `trx`, dated back from `now`. */
export async function seedDemoHistory(trx: Kysely<Database>, deps: Omit<ServiceDeps, 'clock'>, demo: DemoSetting, now: Date) {
  const clock = new FixedClock(now);
  const meta = { ip: null, userAgent: 'rinnalla seed-demo', requestId: null };
  const as = async (email: string): Promise<ServiceContext> => ({
    ...deps,
    clock,
    repo: new Repository(trx, await demoUser(trx, demo.providerId, demo.users[email] as string), true),
  });
  const aino = await as('admin@demo.rinnalla.test');
  const sanna = await as('supervisor@demo.rinnalla.test');
  const heikki = await as('hr@demo.rinnalla.test');
  // The check-in sender as its job runs it (measures/jobs.ts, runCheckinPlans), in this transaction.
  const sender: ServiceContext = { ...deps, clock, repo: new Repository(trx, namedSystemCaller(demo.providerId, 'checkin-sender'), true) };
  // The respondent's door: the link's token resolved as the kernel resolves it, bound to this transaction.
  const respondent: CredentialContext = {
    ...deps,
    clock,
    credentials: {
      resolve: (async (kind: 'checkin-link', token: string, m: typeof meta) => {
        const found = await resolveCredential({ db: { kysely: trx } as Db }, kind, token, m);
        return found && { ...found, repo: new Repository(trx, found.repo.caller, true) };
      }) as CredentialContext['credentials']['resolve'],
    },
    publicIntake: async () => null,
  };

  /** The check-in links mailed since the last call, by recipient (read from the outbox as the mail carries them). */
  const seenMail = new Set<string>();
  const mailedLinks = async (): Promise<Map<string, string>> => {
    const mails = await trx
      .selectFrom('mail_outbox')
      .select(['id', 'to_address', 'text_body'])
      .where('provider_id', '=', demo.providerId)
      .execute();
    const links = new Map<string, string>();
    for (const m of mails) {
      if (seenMail.has(m.id)) continue;
      seenMail.add(m.id);
      const token = /\/r\/([A-Za-z0-9_-]{20,})/.exec(m.text_body ?? '')?.[1];
      if (token) links.set(m.to_address, token);
    }
    return links;
  };

  const start = DateTime.fromJSDate(now).setZone(zone);

  // --- The office's catalogue and the supervisor's working week.
  clock.set(start.minus({ months: 13 }).toJSDate());
  const services: Record<string, string> = {};
  for (const service of catalogue) services[service.kind] = (await createService(aino, service)).id;
  await putAvailability(sanna, {
    timeZone: zone,
    weekly: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '08:30', end: '16:00' })),
  });

  // --- The care home's night shift: the HR contact adds his people, the supervisor opens the group.
  const nightShiftIds: string[] = [demo.employeePersonId];
  for (const p of nightShift) {
    const row = await createPerson(heikki, {
      organisationId: demo.organisations.careHome,
      unitId: demo.nightShiftUnitId,
      name: p.name,
      email: p.email,
      locale: p.locale,
    });
    nightShiftIds.push(row.id);
  }
  const past = Array.from({ length: 12 }, (_, i) => monthlySlot(start, i - 12));
  const firstDay = DateTime.fromJSDate(past[0]!.startsAt).setZone(zone);
  clock.set(firstDay.minus({ days: 21 }).toJSDate());
  const group = await createProcess(sanna, {
    organisationId: demo.organisations.careHome,
    serviceId: services.group as string,
    title: 'Yövuoron ryhmätyönohjaus / Night shift group supervision',
    location: 'Hoivakoti Kaisla, neuvotteluhuone',
    agreedSessions: 14,
    language: 'fi',
    startDate: firstDay.toISODate() as string,
    reviewDate: start.plus({ months: 3 }).toISODate() as string,
    participantIds: nightShiftIds,
  });
  clock.set(firstDay.minus({ days: 18 }).toJSDate());
  await changeStatus(sanna, group.id, 'agreed', undefined);
  clock.set(firstDay.minus({ days: 14 }).toJSDate());
  await changeStatus(sanna, group.id, 'active', undefined);
  const goals = [
    await addGoal(sanna, group.id, 'Rauhallisemmat vuoronvaihdot / Calmer shift handovers'),
    await addGoal(sanna, group.id, 'Työssä jaksaminen / Coping at work'),
  ];
  const booked = await createMeetings(sanna, group.id, { meetings: past });
  /** The half-year mark, when the group agreed to a WHO-5 before every meeting. */
  const measuredFrom = 6;

  // Each person's usual well-being (WHO-5 raw sum), improving a little over the year.
  const baseline = [15, 11, 17, 12, 18, 13, 10, 16];
  for (const [k, meeting] of booked.entries()) {
    const startsAt = new Date(meeting.startsAt);
    // The check-ins go out a day before (the sender's hourly run), and are answered that evening or morning.
    clock.set(new Date(startsAt.getTime() - DAY));
    await materialiseProcess(sender, group.id);
    const links = await mailedLinks();
    const lastMonth = k === booked.length - 1;
    for (const i of k < measuredFrom ? [] : nightShiftIds.keys()) {
      const email = i === 0 ? 'employee@demo.rinnalla.test' : (nightShift[i - 1] as Person).email;
      const token = links.get(email);
      // Now and then someone does not answer; in the summer month only four did (too few to show).
      const skips = k === measuredFrom + 2 ? i >= 4 : spread(i, k, 6) === 0 && !(lastMonth && i === 3);
      if (!token || skips) continue;
      let answers = who5Answers((baseline[i] as number) + Math.floor(k / 4) + (spread(i, k, 3) - 1));
      // The last month: Liisa's answer has an item at "some of the time", the alert still open.
      if (lastMonth && i === 3) answers = { i1: 2, i2: 1, i3: 2, i4: 2, i5: 3 };
      clock.set(new Date(startsAt.getTime() - DAY + (2 + spread(i, k, 14)) * HOUR));
      await submitAnswers(respondent, token, answers, undefined, meta);
    }
    // The meeting itself: held, who was there, the summary, scaling; sometimes a private note.
    clock.set(new Date(startsAt.getTime() + 100 * 60_000));
    await setAttendance(
      sanna,
      meeting.id,
      nightShiftIds.map((personId, i) => ({ personId, status: (i + 2 * k) % 9 === 0 ? 'absent' : 'present' })),
    );
    await writeSummary(sanna, meeting.id, nightShiftSummaries[k] as string);
    const progress = Math.min(9, 3 + Math.floor((k * 5) / 11));
    await writeScaling(sanna, meeting.id, [
      { goalId: goals[0]!.id, personId: null, value: progress },
      { goalId: goals[1]!.id, personId: null, value: Math.max(2, progress - 1 - (k === 5 ? 2 : 0)) },
    ]);
    if (k === measuredFrom - 1) {
      // Before every meeting from now on, a WHO-5 to each participant (the check-in sender mails them when due).
      clock.set(new Date(startsAt.getTime() + 3 * HOUR));
      await createPlan(sanna, group.id, { instrumentKey: 'who5', trigger: 'each_meeting' });
    }
    if (k === 2) await addWhatWorks(sanna, group.id, { text: 'Yhteinen muistilista vuoronvaihtoon', meetingId: meeting.id });
    if (k === 8) await addWhatWorks(sanna, group.id, { text: 'Enintään kaksi yövuoroa peräkkäin', meetingId: meeting.id });
    // The latest meeting is left without a note: the journeys write one there.
    if (k === 4 || k === 9)
      await writeNote(sanna, meeting.id, 'Muistiin: kysy seuraavalla kerralla, miten sijaisten perehdytys on sujunut.');
  }
  // The next two meetings, booked at the last one.
  clock.set(new Date(new Date(booked[booked.length - 1]!.startsAt).getTime() + 2 * HOUR));
  await createMeetings(sanna, group.id, { meetings: [daySlot(start, 7), daySlot(start, 35)] });

  // --- A crisis at the insurer's customer service in Vaasa, continued as ordinary supervision.
  const event = start.minus({ months: 5 }).set({ hour: 14, minute: 20 });
  clock.set(event.plus({ hours: 20 }).toJSDate());
  const teamIds: string[] = [];
  for (const p of claimsTeam) {
    const row = await createPerson(sanna, { organisationId: demo.organisations.insurer, name: p.name, email: p.email, locale: p.locale });
    teamIds.push(row.id);
  }
  const crisis = await createProcess(sanna, {
    organisationId: demo.organisations.insurer,
    serviceId: services.crisis_group as string,
    title: 'Kriishandledning efter hotfullt samtal / Kriisityönohjaus uhkaavan puhelun jälkeen',
    location: 'Vakuutus Aalto, Vaasan toimisto',
    language: 'sv',
    startDate: event.toISODate() as string,
    participantIds: teamIds,
  });
  await changeStatus(sanna, crisis.id, 'agreed', 'Kunden bekräftade per telefon');
  await changeStatus(sanna, crisis.id, 'active', undefined);
  const crisisMeetings = await createMeetings(sanna, crisis.id, {
    meetings: [daySlot(event, 2, 9), daySlot(event, 15, 9)],
  });
  for (const [k, meeting] of crisisMeetings.entries()) {
    clock.set(new Date(new Date(meeting.startsAt).getTime() + 100 * 60_000));
    await setAttendance(
      sanna,
      meeting.id,
      teamIds.map((personId, i) => ({ personId, status: k === 1 && i === 3 ? 'absent' : 'present' })),
    );
    await writeSummary(sanna, meeting.id, crisisSummaries[k] as string);
  }
  clock.set(event.plus({ days: 16 }).set({ hour: 10 }).toJSDate());
  const continued = await continueProcess(sanna, crisis.id, {
    kind: 'group',
    serviceId: services.group as string,
    title: 'Kundtjänstens grupphandledning / Asiakaspalvelun ryhmätyönohjaus',
  });
  const ordinary = await createMeetings(sanna, continued.id, {
    meetings: [1, 2, 3, 4].map((m) => monthlySlot(event, m, 9)),
  });
  for (const [k, meeting] of ordinary.entries()) {
    clock.set(new Date(new Date(meeting.startsAt).getTime() + 100 * 60_000));
    await setAttendance(
      sanna,
      meeting.id,
      teamIds.map((personId, i) => ({ personId, status: spread(i, k, 5) === 0 ? 'absent' : 'present' })),
    );
    await writeSummary(sanna, meeting.id, insurerSummaries[k] as string);
  }
  clock.set(new Date(new Date(ordinary[ordinary.length - 1]!.startsAt).getTime() + 2 * HOUR));
  await createMeetings(sanna, continued.id, { meetings: [daySlot(start, 16, 9)] });

  // The history's mail was for then: invitations and links of a year ago are not sent today.
  await trx.deleteFrom('mail_outbox').where('provider_id', '=', demo.providerId).execute();
}
