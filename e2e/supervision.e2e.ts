// Browser journeys of work supervision and crisis supervision (issue 3): the crisis line from the
// public request form to a continued ordinary process, an ordinary monthly group supervision, and
// the privacy of the practitioner's notes. Every journey starts the built server on a fresh
// database (the demo provider `tukiranta-demo` seeded) and scans every page it visits with axe-core.
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { isWorkingDay } from '../src/server/modules/scheduling/logic/holidays.js';
import {
  enrolTotp,
  expectHome,
  expectPath,
  heading,
  navigation,
  notified,
  outbox,
  outboxMailOnPage,
  region,
  scan,
  signInPractitioner,
  signInWithoutSecondFactor,
  submitSignIn,
  tableRows,
} from './support/app.js';
import { closeBrowserAfterAll, journey } from './support/journey.js';
import { screen } from './support/screens.js';
import { demo } from './support/server.js';

closeBrowserAfterAll();

const ZONE = 'Europe/Helsinki';
const clientContact = { email: 'hr@demo.rinnalla.test', name: 'Heikki HR' };
const careHome = { name: 'Hoivakoti Kaisla', businessId: '1234567-1' };
const demoProcessTitle = 'Yövuoron ryhmätyönohjaus / Night shift group supervision';
const services = {
  group: 'Group supervision',
  crisisGroup: 'Crisis supervision, group',
};
const DAY_MS = 86_400_000;

// ---------------------------------------------------------------------------------------------
// Small helpers

/** 'YYYY-MM-DD' of an instant in Helsinki. */
function helsinkiDate(at: number): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}

/** 'HH:MM' of an instant in Helsinki. */
function helsinkiTime(at: number): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone: ZONE, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(at);
}

/** Whole days from one calendar date to another. */
function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** The ISO 8601 week number of a date, as Nordic calendars number their weeks. */
function isoWeek(date: string): number {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 4 - (d.getUTCDay() || 7));
  return Math.floor((d.getTime() - Date.UTC(d.getUTCFullYear(), 0, 1)) / DAY_MS / 7) + 1;
}

function addDaysTo(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** The CSRF header a state-changing API call made from the journey needs. */
async function csrf(page: Page): Promise<Record<string, string>> {
  const res = await page.request.get('/api/auth/csrf');
  expect(res.status()).toBe(200);
  return { 'x-csrf-token': (await res.json()).csrfToken as string };
}

/** Drags a meeting in the week grid by the mouse to `date` at `time` ('HH:MM'), as a person would. */
async function dragMeeting(page: Page, event: Locator, date: string, time: string): Promise<void> {
  const from = await event.boundingBox();
  const column = await page.locator(`td.fc-timegrid-col[data-date="${date}"]`).boundingBox();
  const slot = await page.locator(`td.fc-timegrid-slot-lane[data-time="${time}:00"]`).boundingBox();
  expect(from && column && slot, `the meeting, the column of ${date} and the ${time} row are on the screen`).toBeTruthy();
  await page.mouse.move(from!.x + from!.width / 2, from!.y + 4);
  await page.mouse.down();
  await page.mouse.move(from!.x + from!.width / 2, from!.y + 24, { steps: 5 });
  await page.mouse.move(column!.x + column!.width / 2, slot!.y + 4, { steps: 15 });
  await page.mouse.up();
}

/** Finnish working days after `from` up to and including `to`. */
function workingDaysAfter(from: string, to: string): number {
  let n = 0;
  for (let d = Date.parse(`${from}T00:00:00Z`) + DAY_MS; d <= Date.parse(`${to}T00:00:00Z`); d += DAY_MS) {
    if (isWorkingDay('FI', new Date(d).toISOString().slice(0, 10))) n++;
  }
  return n;
}

/** The demo provider admin signs in for the first time and sets up two-step verification. */
async function signInAdmin(page: Page): Promise<void> {
  await submitSignIn(page, demo.admin.email, demo.password);
  await enrolTotp(page, 'provider admin');
  await expectHome(page, demo.admin.name, 'Provider administrator');
  await scan(page, 'home (provider admin)');
}

/** From the navigation to the processes list, then into the process titled `title`. */
async function openProcess(page: Page, title: string, label: string): Promise<string> {
  await navigation(page).getByRole('link', { name: 'Processes', exact: true }).click();
  await expectPath(page, '/processes');
  await heading(page, 'Processes').waitFor();
  await page.getByTestId('processes-table').getByRole('link', { name: title, exact: true }).waitFor();
  await scan(page, `processes (${label})`);
  await page.getByTestId('processes-table').getByRole('link', { name: title, exact: true }).click();
  await heading(page, title).waitFor();
  return processIdFromUrl(page);
}

function processIdFromUrl(page: Page): string {
  const match = /^\/processes\/([0-9a-f-]{36})$/.exec(new URL(page.url()).pathname);
  expect(match, `a process page address: ${page.url()}`).not.toBeNull();
  return match![1]!;
}

function meetingIdFromUrl(page: Page): string {
  const match = /^\/meetings\/([0-9a-f-]{36})$/.exec(new URL(page.url()).pathname);
  expect(match, `a meeting page address: ${page.url()}`).not.toBeNull();
  return match![1]!;
}

/** The meetings listed under "Past" on a process page. */
function pastMeetings(page: Page): Locator {
  return region(page, 'Meetings').getByRole('list').nth(1).getByRole('link');
}

/** The meetings listed under "Upcoming" on a process page. */
function upcomingMeetings(page: Page): Locator {
  return region(page, 'Meetings').getByRole('list').nth(0).getByRole('link');
}

interface Proposal {
  date: string;
  time: string;
  reason: string;
}

/** Ask the planner for `count` meetings and read the proposals (dates, times, reasons) it shows. */
async function proposeMeetings(page: Page, count: number, label: string): Promise<Proposal[]> {
  const planner = region(page, 'Plan meetings');
  await planner.waitFor();
  await planner.getByLabel('Number of meetings', { exact: true }).fill(String(count));
  await planner.getByRole('button', { name: 'Propose meetings', exact: true }).click();
  const list = planner.getByRole('list', { name: 'Proposed meetings', exact: true });
  await list.waitFor();
  await expect.poll(() => list.getByRole('listitem').count()).toBe(count);
  await scan(page, `process planner with proposals (${label})`);
  const proposals: Proposal[] = [];
  for (let n = 1; n <= count; n++) {
    const item = list.getByRole('listitem').nth(n - 1);
    const date = await planner.getByLabel(`Date of meeting ${n}`, { exact: true }).inputValue();
    const time = await planner.getByLabel(`Start time of meeting ${n}`, { exact: true }).inputValue();
    expect(date, `meeting ${n} has a date`).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(time, `meeting ${n} has a start time`).toMatch(/^\d{2}:\d{2}$/);
    proposals.push({ date, time, reason: (await item.textContent()) ?? '' });
  }
  return proposals;
}

// ---------------------------------------------------------------------------------------------
// 1. The crisis line, end to end

journey(
  'crisis line: a public crisis request alerts the on-call practitioner, who triages it, plans the acute phase, holds the first meeting and continues as group supervision',
  async ({ page, openPage }) => {
    const requester = { name: 'Helka Hoitaja', email: 'helka.esihenkilo@kaisla.example.test', phone: '+358 40 123 4567' };
    const participants = [
      { name: 'Aaro Avustaja', email: 'aaro.avustaja@kaisla.example.test' },
      { name: 'Bea Bergström', email: 'bea.bergstrom@kaisla.example.test' },
      { name: 'Cecilia Carlsson', email: 'cecilia.carlsson@kaisla.example.test' },
    ];
    const processTitle = 'Kriisityönohjaus: uhkatilanne yövuorossa – Hoivakoti Kaisla';
    const goalTitle = 'Turvallisuuden tunne työvuorossa';
    const noteText = 'PRIVATE crisis note: the night nurse is still shaken – check on her next time.';

    // --- The client contact asks for support on the public page, signed out.
    const first = await page.goto('/request/tukiranta-demo');
    expect(first?.status()).toBe(200);
    await heading(page, `Request support from ${demo.providerName}`).waitFor();
    await scan(page, 'public request form');

    // An ordinary supervision request first, so that the crisis has to overtake it in the queue.
    const fillContact = async () => {
      await page.getByLabel('Organisation', { exact: true }).fill(careHome.name);
      await page.getByLabel('Contact person', { exact: true }).fill(requester.name);
      await page.getByLabel('Phone', { exact: true }).fill(requester.phone);
      await page.getByLabel('E-mail', { exact: true }).fill(requester.email);
      await page.getByRole('checkbox', { name: /^I have read the privacy notice/ }).check();
    };
    let opened = Date.now();
    await page.getByRole('radio', { name: 'Other support (supervision)', exact: true }).check();
    await fillContact();
    await page.getByLabel('Service wanted', { exact: true }).selectOption({ label: 'Group supervision' });
    // The server quietly drops a form sent within 2.5 s of opening it (a bot); people take longer.
    await page.waitForTimeout(Math.max(0, 3_000 - (Date.now() - opened)));
    await page.getByRole('button', { name: 'Send the request', exact: true }).click();
    const confirmation = page.getByTestId('request-confirmation');
    await confirmation.getByRole('heading', { name: 'We have received your request', exact: true }).waitFor();
    await confirmation.getByRole('button', { name: 'Send another request', exact: true }).click();

    // Now the crisis: violence or a threat, three people affected.
    opened = Date.now();
    await page.getByRole('radio', { name: 'Crisis support now', exact: true }).check();
    await page.getByText('Call the emergency number 112 first. This form is not an emergency service.').waitFor();
    await fillContact();
    await page.getByRole('radio', { name: 'Violence or a threatening situation', exact: true }).check();
    await page.getByLabel('How many people are affected?', { exact: true }).fill('3');
    await page.getByLabel('Where?', { exact: true }).fill('Hoivakoti Kaisla, yövuoro');
    await page.getByLabel('Message', { exact: true }).fill('A resident threatened the night staff with a knife. Nobody was hurt.');
    await scan(page, 'public request form (crisis filled in)');
    await page.waitForTimeout(Math.max(0, 3_000 - (Date.now() - opened)));
    await page.getByRole('button', { name: 'Send the crisis request', exact: true }).click();
    await confirmation.getByRole('heading', { name: 'We have received your request', exact: true }).waitFor();
    await confirmation.getByText(/^The on-call team will contact you as soon as possible/).waitFor();
    await confirmation.getByText(`A confirmation is on its way to ${requester.email}.`, { exact: true }).waitFor();
    await confirmation.getByText('If life or health is in danger, call 112 now.', { exact: true }).waitFor();
    await scan(page, 'public request form (crisis sent)');

    // --- The on-call practitioner's alert is in the outbox (and the requester's confirmation).
    const alert = await outboxMailOnPage(page, demo.practitioner.email, careHome.name);
    await scan(page, 'development outbox (crisis alert)');
    const mails = await outbox(page);
    const alerts = mails.filter((m) => m.to === demo.practitioner.email && m.text.includes(careHome.name));
    expect(alerts, 'exactly one alert to the on-call practitioner (the service request alerts nobody)').toHaveLength(1);
    // The subject is in the practitioner's language (the provider's, Finnish, when they have none).
    expect(alerts[0]!.subject).toMatch(new RegExp(`^(KRIISI|KRIS|KRISE|CRISIS): ${careHome.name} – `));
    expect(alerts[0]!.text).toContain('/intake/');
    expect(await alert.getByRole('heading').textContent()).toBe(alerts[0]!.subject);
    expect(
      mails.filter((m) => m.to === requester.email),
      'the requester got a confirmation of each request',
    ).toHaveLength(2);

    // --- The practitioner signs in (first time: two-step verification) and opens the intake queue.
    const practitioner = await openPage();
    await signInPractitioner(practitioner);
    await navigation(practitioner).getByRole('link', { name: 'Intake', exact: true }).click();
    await expectPath(practitioner, '/intake');
    await heading(practitioner, 'Intake').waitFor();
    await expect.poll(async () => (await tableRows(practitioner, 'intake-queue')).length).toBe(2);
    const [top, second] = await tableRows(practitioner, 'intake-queue');
    expect(top, 'the crisis is on top').toContain('Crisis');
    expect(top).toContain(careHome.name);
    expect(top).toContain('Violence or a threatening situation');
    expect(top).toContain('3 people affected');
    expect(top, 'the crisis shows its clock').toMatch(/Waiting \d+ min/);
    expect(second).toContain('Supervision');
    expect(second).toContain('Group supervision');
    const clock = practitioner.getByTestId('intake-queue').locator('tbody tr').first().getByTestId('waiting-clock');
    await clock.locator('time').waitFor();
    expect(await clock.locator('time').getAttribute('datetime')).toMatch(/^PT/);
    await scan(practitioner, 'intake queue');

    // --- The request: first contact, then triage.
    await practitioner.getByTestId('intake-queue').locator('tbody tr').first().getByRole('link', { name: careHome.name }).click();
    await heading(practitioner, `Request: ${careHome.name}`).waitFor();
    const requestPath = new URL(practitioner.url()).pathname;
    expect(requestPath).toMatch(/^\/intake\/[0-9a-f-]{36}$/);
    expect(alerts[0]!.text, 'the alert links to this request').toContain(requestPath);
    await practitioner.getByTestId('waiting-clock').waitFor();
    await scan(practitioner, 'intake request (new)');

    const firstContact = region(practitioner, 'First contact');
    await firstContact.getByLabel('Note', { exact: true }).fill('Called Helka; a group debriefing is needed this week.');
    await firstContact.getByRole('button', { name: 'Record first contact', exact: true }).click();
    await notified(practitioner, 'The first contact was recorded.');
    await practitioner
      .getByTestId('first-contact')
      .getByText(/^First contact .+, after \d+ min$/)
      .waitFor();
    await practitioner.getByText('Contacted', { exact: true }).first().waitFor();
    expect(await firstContact.getByRole('button', { name: 'Record first contact', exact: true }).count()).toBe(0);
    await scan(practitioner, 'intake request (contacted)');

    const triage = region(practitioner, 'Triage');
    await triage.getByRole('radio', { name: 'An existing organisation', exact: true }).check();
    await triage.getByLabel('Search organisations', { exact: true }).fill(careHome.name);
    await triage.getByRole('radio', { name: `${careHome.name} (${careHome.businessId})`, exact: true }).check();
    await triage.getByText(`Chosen: ${careHome.name}`, { exact: true }).waitFor();
    const service = triage.getByLabel('Service', { exact: true });
    await expect
      .poll(() => service.locator('option:checked').textContent(), { message: 'the crisis group service is suggested for 3 affected' })
      .toBe(services.crisisGroup);
    await triage.getByLabel('Title of the process', { exact: true }).fill(processTitle);
    expect(await triage.getByRole('checkbox', { name: `${demo.practitioner.name} (me)`, exact: true }).isChecked()).toBe(true);
    for (const [i, person] of participants.entries()) {
      await triage.getByRole('button', { name: 'Add a new participant', exact: true }).click();
      const row = triage.getByRole('group', { name: `New participant ${i + 1}`, exact: true });
      await row.getByLabel('Name', { exact: true }).fill(person.name);
      await row.getByLabel('E-mail', { exact: true }).fill(person.email);
    }
    await scan(practitioner, 'intake request (triage filled in)');
    await triage.getByRole('button', { name: 'Create the process', exact: true }).click();
    // The request is triaged; the outcome stays on the page and links to the new process.
    const result = practitioner.getByTestId('triage-result');
    await result.getByText('The request is now triaged. Plan the meetings in the process.', { exact: true }).waitFor();
    await practitioner.getByText('Triaged', { exact: true }).first().waitFor();
    expect(await region(practitioner, 'Triage').count(), 'no second triage').toBe(0);
    await scan(practitioner, 'intake request (triaged)');
    await result.getByRole('link', { name: 'Open the process', exact: true }).click();

    // --- The new crisis process.
    await heading(practitioner, processTitle).waitFor();
    const crisisProcessId = processIdFromUrl(practitioner);
    const summary = region(practitioner, 'Summary');
    await summary.getByText('Active', { exact: true }).waitFor();
    await summary.getByText(`${services.crisisGroup} (Crisis supervision, group)`, { exact: true }).waitFor();
    await summary.getByText(careHome.name, { exact: true }).waitFor();
    await summary.getByText('Crisis rhythm (as soon as possible, then every 2 weeks)', { exact: false }).waitFor();
    for (const person of participants) await summary.getByText(`${person.name} (${person.email})`, { exact: true }).waitFor();
    await scan(practitioner, 'crisis process (new)');

    // A goal to scale in the meetings.
    const goals = region(practitioner, 'Goals');
    await goals.getByLabel('New goal', { exact: true }).fill(goalTitle);
    await goals.getByRole('button', { name: 'Add goal', exact: true }).click();
    await notified(practitioner, 'Goal added.');
    await goals.getByText(goalTitle, { exact: true }).waitFor();

    // --- Plan meetings: the acute phase.
    const today = helsinkiDate(Date.now());
    const proposals = await proposeMeetings(practitioner, 3, 'crisis');
    expect(proposals[0]!.reason).toContain('First meeting as soon as possible');
    expect(proposals[1]!.reason).toContain('Acute phase, every 2 weeks');
    expect(proposals[2]!.reason).toContain('Acute phase, every 2 weeks');
    expect(daysBetween(today, proposals[0]!.date), 'the first meeting is not in the past').toBeGreaterThanOrEqual(0);
    expect(
      workingDaysAfter(today, proposals[0]!.date),
      `the first meeting (${proposals[0]!.date}) within 3 working days of ${today}`,
    ).toBeLessThanOrEqual(3);
    for (const n of [1, 2]) {
      const gap = daysBetween(proposals[n - 1]!.date, proposals[n]!.date);
      expect(
        gap,
        `meeting ${n + 1} about 2 weeks after meeting ${n} (${proposals[n - 1]!.date} → ${proposals[n]!.date})`,
      ).toBeGreaterThanOrEqual(14);
      expect(gap).toBeLessThanOrEqual(20);
    }
    for (const p of proposals) expect(p.time >= '08:30' && p.time <= '14:30', `${p.time} within the weekday hours 08:30–16:00`).toBe(true);

    // The debriefing could be held at once, on the day of the first contact: the practitioner moves
    // the first meeting to earlier today (so that it can be marked as held in this journey).
    const startedAt = Date.now() - 2 * 60 * 60_000;
    const heldDate = helsinkiDate(startedAt);
    const heldTime = helsinkiTime(Math.floor(startedAt / 300_000) * 300_000);
    const planner = region(practitioner, 'Plan meetings');
    await planner.getByLabel('Date of meeting 1', { exact: true }).fill(heldDate);
    await planner.getByLabel('Start time of meeting 1', { exact: true }).fill(heldTime);
    await planner.getByRole('button', { name: 'Confirm and send invitations', exact: true }).click();
    await notified(practitioner, '3 meetings booked and the invitations sent.');
    await expect.poll(() => upcomingMeetings(practitioner).count()).toBe(2);
    await expect.poll(() => pastMeetings(practitioner).count()).toBe(1);
    await scan(practitioner, 'crisis process (meetings booked)');

    // --- One invitation per participant for the whole series, with one calendar file of three events.
    const invitations = await outboxMailOnPage(practitioner, participants[0]!.email, processTitle);
    await expect.poll(() => invitations.count()).toBe(1);
    await invitations.first().getByTestId('outbox-attachment').first().waitFor();
    expect(await invitations.first().getByTestId('outbox-attachment').first().textContent()).toMatch(/^Download .+\.ics$/);
    await scan(practitioner, 'development outbox (invitations)');
    const booked = await outbox(practitioner);
    for (const person of participants) {
      const theirs = booked.filter((m) => m.to === person.email && m.subject.includes(processTitle));
      expect(theirs, `one invitation to ${person.email}`).toHaveLength(1);
      for (const mail of theirs) {
        const ics = mail.attachments.find((a) => a.filename.endsWith('.ics'));
        expect(ics, `an .ics attached to "${mail.subject}"`).toBeDefined();
        expect(ics!.contentType).toContain('text/calendar');
        expect(ics!.content).toContain('BEGIN:VCALENDAR');
        expect(ics!.content).toContain('METHOD:REQUEST');
        expect(ics!.content.match(/BEGIN:VEVENT/g), 'the whole series in one calendar').toHaveLength(3);
        // A crisis participant never sees the others' addresses.
        for (const other of participants.filter((p) => p !== person)) expect(ics!.content).not.toContain(other.email);
      }
    }
    expect(
      booked.filter((m) => m.to === demo.practitioner.email && m.subject.includes(processTitle)),
      'the organiser is not invited to her own meetings',
    ).toHaveLength(0);

    // --- The first meeting: attendance, a private note, scaling, held.
    await practitioner.goBack();
    await heading(practitioner, processTitle).waitFor();
    await pastMeetings(practitioner).first().click();
    await heading(practitioner, `Meeting: ${processTitle}`).waitFor();
    const meetingId = meetingIdFromUrl(practitioner);
    await region(practitioner, 'Details').getByText('Planned', { exact: true }).waitFor();
    await scan(practitioner, 'crisis meeting (planned)');

    const attendance = region(practitioner, 'Attendance');
    await attendance.getByRole('radio', { name: `${participants[0]!.name} present`, exact: true }).check();
    await attendance.getByRole('radio', { name: `${participants[1]!.name} present`, exact: true }).check();
    await attendance.getByRole('radio', { name: `${participants[2]!.name} absent`, exact: true }).check();
    await attendance.getByRole('button', { name: 'Save attendance', exact: true }).click();
    await notified(practitioner, 'Attendance saved.');
    await expect.poll(() => attendance.getByRole('row', { name: new RegExp(participants[2]!.name) }).textContent()).toContain('Absent');

    const note = region(practitioner, 'My private note');
    await note.getByRole('button', { name: 'Write a private note', exact: true }).click();
    await note.getByLabel('Private note', { exact: true }).fill(noteText);
    await note.getByRole('button', { name: 'Save the note', exact: true }).click();
    await notified(practitioner, 'Note saved.');
    await note.getByText(/^Last saved /).waitFor();
    await scan(practitioner, 'crisis meeting (note open)');

    const scaling = region(practitioner, 'Scaling');
    await scaling.getByRole('group', { name: goalTitle }).waitFor();
    await scaling
      .getByRole('radiogroup', { name: `${goalTitle}: Group`, exact: true })
      .getByText('4', { exact: true })
      .click();
    await scaling
      .getByRole('radiogroup', { name: `${goalTitle}: ${participants[0]!.name}`, exact: true })
      .getByText('3', { exact: true })
      .click();
    await scaling.getByRole('button', { name: 'Save the scaling', exact: true }).click();
    await notified(practitioner, 'Scaling saved.');

    // Attendance recorded after the start already made the meeting held.
    await region(practitioner, 'Details').getByText('Held', { exact: true }).waitFor();
    await expect.poll(() => attendance.getByRole('row', { name: new RegExp(participants[0]!.name) }).textContent()).toContain('Present');
    await expect.poll(() => attendance.getByRole('row', { name: new RegExp(participants[2]!.name) }).textContent()).toContain('Absent');
    await scan(practitioner, 'crisis meeting (held)');

    // The server agrees: held, the attendance and the scaling are stored, the note is the author's.
    const meeting = await (await practitioner.request.get(`/api/meetings/${meetingId}`)).json();
    expect(meeting.status).toBe('held');
    expect(meeting.scaling).toEqual(expect.arrayContaining([expect.objectContaining({ personId: null, value: 4 })]));
    expect(meeting.hasMyNote).toBe(true);
    const ownNote = await practitioner.request.get(`/api/meetings/${meetingId}/note`);
    expect(ownNote.status()).toBe(200);
    expect((await ownNote.json()).text).toBe(noteText);

    // --- Back on the process: continue as ordinary group supervision.
    await practitioner.getByRole('link', { name: `← Back to ${processTitle}`, exact: true }).click();
    await heading(practitioner, processTitle).waitFor();
    const continuing = region(practitioner, 'Continue as ordinary supervision');
    await continuing.getByLabel('New kind of supervision', { exact: true }).selectOption({ label: 'Group supervision' });
    await continuing.getByLabel('Service', { exact: true }).selectOption({ label: services.group });
    await scan(practitioner, 'crisis process (continue)');
    await continuing.getByRole('button', { name: 'Continue as ordinary supervision', exact: true }).click();
    await notified(practitioner, `The process continues as “${processTitle}”.`);

    await practitioner.waitForURL((url) => url.pathname.startsWith('/processes/') && !url.pathname.endsWith(crisisProcessId));
    await heading(practitioner, processTitle).waitFor();
    await practitioner.getByText(/^Continues the crisis process:/).waitFor();
    const previous = practitioner.getByRole('link', { name: 'open the earlier process', exact: true });
    expect(await previous.getAttribute('href')).toBe(`/processes/${crisisProcessId}`);
    const continued = region(practitioner, 'Summary');
    await continued.getByText(`${services.group} (Group supervision)`, { exact: true }).waitFor();
    await continued.getByText('Active', { exact: true }).waitFor();
    for (const person of participants) await continued.getByText(`${person.name} (${person.email})`, { exact: true }).waitFor();
    await region(practitioner, 'Goals').getByText(goalTitle, { exact: true }).waitFor();
    await scan(practitioner, 'continued group process');

    // The crisis process is completed and points to its continuation.
    await previous.click();
    await heading(practitioner, processTitle).waitFor();
    await region(practitioner, 'Summary').getByText('Completed', { exact: true }).waitFor();
    await practitioner.getByText(/^This process continues as ordinary supervision:/).waitFor();
    await region(practitioner, 'History')
      .getByText(/continued as/i)
      .waitFor();
    expect(await region(practitioner, 'Continue as ordinary supervision').count()).toBe(0);
    await scan(practitioner, 'crisis process (completed)');
  },
);

// ---------------------------------------------------------------------------------------------
// 2. Ordinary monthly group supervision; the client contact's view

journey(
  'monthly group supervision: the practitioner creates a process for a customer-service team, plans monthly meetings and sees them in the calendar; the client contact sees their own organisation, never a note',
  async ({ page, openPage }) => {
    const organisation = 'Vakuutus Aalto, asiakaspalvelu';
    const processTitle = 'Asiakaspalvelun ryhmätyönohjaus 2027';
    const people = [
      { name: 'Anni Asiakaspalvelija', email: 'anni@aalto.example.test' },
      { name: 'Bo Bäckström', email: 'bo@aalto.example.test' },
      { name: 'Carita Korvauskäsittelijä', email: 'carita@aalto.example.test' },
      { name: 'Daniel Dahl', email: 'daniel@aalto.example.test' },
    ];
    const noteText = 'PRIVATE note on the night shift: tension between two nurses, raise carefully.';

    await signInPractitioner(page);

    // --- A new process.
    await navigation(page).getByRole('link', { name: 'Processes', exact: true }).click();
    await heading(page, 'Processes').waitFor();
    await page.getByTestId('processes-table').getByRole('link', { name: demoProcessTitle, exact: true }).waitFor();
    await scan(page, 'processes (practitioner)');
    await page.getByRole('link', { name: 'New process', exact: true }).click();
    await expectPath(page, '/processes/new');
    await heading(page, 'New process').waitFor();
    await scan(page, 'new process');
    await page.getByLabel('Organisation', { exact: true }).selectOption({ label: organisation });
    await page.getByLabel('Service', { exact: true }).selectOption({ label: services.group });
    await expect
      .poll(() => page.getByLabel('Cadence', { exact: true }).inputValue(), { message: 'the service fills in the cadence' })
      .toBe('monthly');
    expect(await page.getByLabel('Session length (minutes)', { exact: true }).inputValue()).toBe('90');
    await page.getByLabel('Title', { exact: true }).fill(processTitle);
    await page.getByLabel('Address or room', { exact: true }).fill('Vakuutus Aalto, neuvotteluhuone Meri');
    const addPerson = page.getByRole('group', { name: 'Add a new person', exact: true });
    for (const person of people) {
      await addPerson.getByLabel('Name', { exact: true }).fill(person.name);
      await addPerson.getByLabel('E-mail', { exact: true }).fill(person.email);
      await addPerson.getByRole('button', { name: 'Add the person', exact: true }).click();
      await notified(page, `${person.name} was added and chosen as a participant.`);
      await expect.poll(() => page.getByRole('checkbox', { name: `${person.name} (${person.email})`, exact: true }).isChecked()).toBe(true);
    }
    await scan(page, 'new process (filled in)');
    await page.getByRole('button', { name: 'Create the process', exact: true }).click();
    await heading(page, processTitle).waitFor();
    const processId = processIdFromUrl(page);
    const summary = region(page, 'Summary');
    await summary.getByText('Proposed', { exact: true }).waitFor();
    await summary.getByText(organisation, { exact: true }).waitFor();
    for (const person of people) await summary.getByText(`${person.name} (${person.email})`, { exact: true }).waitFor();
    // Nothing is planned for a process that is only proposed.
    expect(await region(page, 'Plan meetings').count()).toBe(0);
    await scan(page, 'group process (proposed)');

    // --- The client agrees: proposed → agreed → active.
    for (const status of ['Agreed', 'Active']) {
      const change = region(page, 'Change status');
      await change.getByLabel('New status', { exact: true }).selectOption({ label: status });
      await change.getByRole('button', { name: 'Change status', exact: true }).click();
      await notified(page, `Status changed to ${status}.`);
      await summary.getByText(status, { exact: true }).waitFor();
    }

    // --- Monthly meetings.
    const proposals = await proposeMeetings(page, 4, 'monthly');
    const today = helsinkiDate(Date.now());
    expect(daysBetween(today, proposals[0]!.date)).toBeGreaterThanOrEqual(0);
    expect(daysBetween(today, proposals[0]!.date), 'the first meeting within about a week').toBeLessThanOrEqual(7);
    for (const [i, p] of proposals.entries()) {
      expect(p.reason).toContain('Regular rhythm: monthly');
      expect(isWorkingDay('FI', p.date), `${p.date} is a working day`).toBe(true);
      if (i === 0) continue;
      const gap = daysBetween(proposals[i - 1]!.date, p.date);
      expect(gap, `meeting ${i + 1} about a month after meeting ${i} (${proposals[i - 1]!.date} → ${p.date})`).toBeGreaterThanOrEqual(26);
      expect(gap).toBeLessThanOrEqual(40);
    }
    await region(page, 'Plan meetings').getByRole('button', { name: 'Confirm and send invitations', exact: true }).click();
    await notified(page, '4 meetings booked and the invitations sent.');
    await expect.poll(() => upcomingMeetings(page).count()).toBe(4);
    await scan(page, 'group process (meetings booked)');
    const invitations = (await outbox(page)).filter((m) => m.subject.includes(processTitle));
    for (const person of people) {
      const theirs = invitations.filter((m) => m.to === person.email);
      // One mail for the series, its calendar file holding the four meetings.
      expect(theirs, `one invitation to ${person.email}`).toHaveLength(1);
      for (const mail of theirs) {
        const ics = mail.attachments.find((a) => a.filename.endsWith('.ics'));
        expect(ics?.content.match(/BEGIN:VEVENT/g), `four meetings in ${person.email}'s calendar file`).toHaveLength(4);
      }
    }

    // --- The calendar: the hour grid of a week by default on a desktop, then month by month.
    await navigation(page).getByRole('link', { name: 'Calendar', exact: true }).click();
    await expectPath(page, '/calendar');
    await heading(page, 'Calendar').waitFor();
    await page.locator('.calendar-grid .fc-timegrid').waitFor();
    await page.getByRole('heading', { level: 2, name: new RegExp(`^Week ${isoWeek(today)} · `) }).waitFor();
    await scan(page, 'calendar (week)');
    await page.getByRole('group', { name: 'View', exact: true }).getByRole('button', { name: 'Month', exact: true }).click();
    await page.waitForURL((url) => url.searchParams.get('view') === 'month');
    let month = today.slice(0, 7);
    for (const p of proposals) {
      while (month < p.date.slice(0, 7)) {
        await page.getByRole('button', { name: 'Next month', exact: true }).click();
        month = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 1)).toISOString().slice(0, 7);
        await page.waitForURL((url) => (url.searchParams.get('date') ?? '').startsWith(month));
      }
      const day = page.locator(`td.fc-daygrid-day[data-date="${p.date}"]`);
      const item = day.getByRole('link', { name: new RegExp(`${p.time}.*${processTitle}, ${organisation}`) });
      await item.waitFor();
      // Each row of the month is numbered with its ISO week, as Nordic calendars do.
      await page
        .locator('.calendar-grid')
        .getByText(`W${isoWeek(p.date)}`, { exact: true })
        .waitFor();
      await scan(page, `calendar (month ${month})`);
    }

    // --- The week of the first meeting: its ISO week number, the hours outside the practitioner's
    // working week shaded, and the meeting moved by dragging it to the next day at 14:00.
    const first = proposals[0]!;
    await page.goto(`/calendar?view=week&date=${first.date}`);
    await page.getByRole('heading', { level: 2, name: new RegExp(`^Week ${isoWeek(first.date)} · `) }).waitFor();
    const firstEvent = page.locator(`td.fc-timegrid-col[data-date="${first.date}"] a.fc-event`).filter({ hasText: processTitle });
    await firstEvent.waitFor();
    expect(await page.locator('.calendar-grid .fc-non-business').count(), 'hours outside the working week are shaded').toBeGreaterThan(0);
    await page.getByText('Grey: outside your working hours', { exact: true }).waitFor();
    const movedId = (await firstEvent.getAttribute('href'))!.split('/').pop()!;
    // The next day, or the day before for a Friday: the meeting stays in the week on the screen.
    const target = addDaysTo(first.date, new Date(`${first.date}T00:00:00Z`).getUTCDay() === 5 ? -1 : 1);
    const mailsBefore = (await outbox(page)).filter((m) => m.subject.includes(processTitle));
    await dragMeeting(page, firstEvent, target, '14:00');
    const dialog = page.getByRole('dialog', { name: 'Move the meeting', exact: true });
    await dialog.waitFor();
    await dialog.getByText(/^New time: /).waitFor();
    await dialog.getByLabel('Reason for the change', { exact: true }).fill('The team asked for an afternoon session.');
    await scan(page, 'calendar (moving a meeting)');
    await dialog.getByRole('button', { name: 'Reschedule and notify', exact: true }).click();
    await notified(page, 'The meeting was moved and everyone was notified.');
    const moved = await (await page.request.get(`/api/meetings/${movedId}`)).json();
    expect(helsinkiDate(Date.parse(moved.startsAt)), 'the meeting moved to the day it was dropped on').toBe(target);
    expect(helsinkiTime(Date.parse(moved.startsAt))).toMatch(/^14:(00|15)$/);
    expect(Date.parse(moved.endsAt) - Date.parse(moved.startsAt), 'it keeps its length').toBe(90 * 60_000);
    const movedTime = helsinkiTime(Date.parse(moved.startsAt));
    const movedEvent = page.locator(`td.fc-timegrid-col[data-date="${target}"] a.fc-event`).filter({ hasText: processTitle });
    await movedEvent.filter({ hasText: movedTime }).waitFor();
    // Mailed as the meeting page's reschedule form mails: one update to each person invited.
    await expect
      .poll(async () => (await outbox(page)).filter((m) => m.subject.includes(processTitle)).length - mailsBefore.length)
      .toBe(people.length);
    await scan(page, 'calendar (meeting moved)');

    // The week in four languages, as a provider would judge it.
    for (const l of [
      { name: 'Suomi', locale: 'fi', title: 'Kalenteri', week: `vk ${isoWeek(first.date)}` },
      { name: 'Svenska', locale: 'sv', title: 'Kalender', week: `v. ${isoWeek(first.date)}` },
      { name: 'Norsk bokmål', locale: 'nb', title: 'Kalender', week: `uke ${isoWeek(first.date)}` },
      { name: 'English', locale: 'en', title: 'Calendar', week: `W${isoWeek(first.date)}` },
    ]) {
      await page.getByTestId('language-select').selectOption({ label: l.name });
      await heading(page, l.title).waitFor();
      await page.locator('.calendar-grid').getByText(l.week, { exact: true }).waitFor();
      await movedEvent.waitFor();
      await scan(page, `calendar (week, ${l.locale})`);
      await screen(page, `calendar-week-${l.locale}`);
    }

    // A meeting cancelled meanwhile (say, in another tab) is refused when dragged: it snaps back
    // and the reason is told in words.
    const cancelled = await page.request.post(`/api/meetings/${movedId}/cancel`, {
      headers: await csrf(page),
      data: { reason: 'The team cancelled.' },
    });
    expect(cancelled.status()).toBe(200);
    await dragMeeting(page, movedEvent, first.date, '10:00');
    await dialog.getByLabel('Reason for the change', { exact: true }).fill('Back to the morning.');
    await dialog.getByRole('button', { name: 'Reschedule and notify', exact: true }).click();
    const refusal = page.getByRole('alert').filter({ hasText: 'The meeting was not moved' });
    await refusal.getByText('The meeting is no longer planned: it has already been held or cancelled.', { exact: true }).waitFor();
    await movedEvent.filter({ hasText: 'Cancelled' }).waitFor();
    expect(await page.locator(`td.fc-timegrid-col[data-date="${first.date}"] a.fc-event`).filter({ hasText: processTitle }).count()).toBe(
      0,
    );
    expect((await (await page.request.get(`/api/meetings/${movedId}`)).json()).startsAt).toBe(moved.startsAt);
    await scan(page, 'calendar (move refused)');

    // On a phone the week opens as a list.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`/calendar?date=${first.date}`);
    await page.locator('.calendar-grid .fc-list').waitFor();
    await page.locator('.calendar-grid .fc-list').getByText(processTitle, { exact: false }).first().waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, 'sideways scroll on a phone').toBeLessThanOrEqual(0);
    await scan(page, 'calendar (phone)');
    await screen(page, 'calendar-phone-en');
    await page.setViewportSize({ width: 1280, height: 900 });

    // --- A private note on the demo process's last meeting (the care home's night shift).
    await openProcess(page, demoProcessTitle, 'practitioner');
    await pastMeetings(page).first().click();
    await heading(page, `Meeting: ${demoProcessTitle}`).waitFor();
    const demoMeetingId = meetingIdFromUrl(page);
    const note = region(page, 'My private note');
    await note.getByRole('button', { name: 'Write a private note', exact: true }).click();
    await note.getByLabel('Private note', { exact: true }).fill(noteText);
    await note.getByRole('button', { name: 'Save the note', exact: true }).click();
    await notified(page, 'Note saved.');
    await scan(page, 'demo meeting (note written)');
    expect((await (await page.request.get(`/api/meetings/${demoMeetingId}/note`)).json()).text).toBe(noteText);

    // --- The care home's client contact: their organisation's process and meetings, no notes.
    const client = await openPage();
    await signInWithoutSecondFactor(client, clientContact.email, demo.password, clientContact.name);
    await scan(client, 'home (client contact)');
    await navigation(client).getByRole('link', { name: 'Processes', exact: true }).click();
    await heading(client, 'Processes').waitFor();
    await client.getByText('The supervision processes agreed with your organisation.', { exact: true }).waitFor();
    await expect.poll(async () => (await tableRows(client, 'processes-table')).length).toBe(1);
    const [row] = await tableRows(client, 'processes-table');
    expect(row).toContain(demoProcessTitle);
    expect(row).toContain(careHome.name);
    expect(await client.getByText(processTitle).count(), 'another organisation’s process is not listed').toBe(0);
    await scan(client, 'processes (client contact)');
    await client.getByTestId('processes-table').getByRole('link', { name: demoProcessTitle, exact: true }).click();
    await heading(client, demoProcessTitle).waitFor();
    await region(client, 'Goals').getByText('Rauhallisemmat vuoronvaihdot / Calmer shift handovers', { exact: true }).waitFor();
    await expect.poll(() => upcomingMeetings(client).count()).toBe(2);
    // A year of monthly meetings (seed-demo), the latest first.
    await expect.poll(() => pastMeetings(client).count()).toBe(12);
    expect(await region(client, 'Plan meetings').count()).toBe(0);
    expect(await region(client, 'Scaling over time').count()).toBe(0);
    expect(await client.getByText(noteText).count()).toBe(0);
    await scan(client, 'demo process (client contact)');

    await pastMeetings(client).first().click();
    await heading(client, `Meeting: ${demoProcessTitle}`).waitFor();
    expect(meetingIdFromUrl(client)).toBe(demoMeetingId);
    await region(client, 'Details').getByText('Held', { exact: true }).waitFor();
    expect(await region(client, 'My private note').count(), 'no note section for the client contact').toBe(0);
    expect(await client.getByText(noteText).count()).toBe(0);
    expect(await client.locator('body').textContent()).not.toContain('PRIVATE note');
    await scan(client, 'demo meeting (client contact)');
    const clientNote = await client.request.get(`/api/meetings/${demoMeetingId}/note`);
    expect([403, 404], `GET the note as the client contact answered ${clientNote.status()}`).toContain(clientNote.status());
    expect(await clientNote.text()).not.toContain(noteText);
    const clientMeeting = await client.request.get(`/api/meetings/${demoMeetingId}`);
    expect(clientMeeting.status()).toBe(200);
    expect(await clientMeeting.text()).not.toContain(noteText);
    const other = await client.request.get(`/api/processes/${processId}`);
    expect([403, 404], 'another organisation’s process is out of reach').toContain(other.status());

    // Their calendar shows their organisation's meetings (the next one in a week), not the other.
    await navigation(client).getByRole('link', { name: 'Calendar', exact: true }).click();
    await heading(client, 'Calendar').waitFor();
    await client.getByRole('button', { name: 'Next week', exact: true }).click();
    await client
      .getByRole('link', { name: new RegExp(demoProcessTitle.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')) })
      .first()
      .waitFor();
    expect(await client.getByText(processTitle).count()).toBe(0);
    expect(await client.locator('.calendar-meeting--movable').count(), 'a client contact moves no meetings').toBe(0);
    await scan(client, 'calendar (client contact)');
  },
);

// ---------------------------------------------------------------------------------------------
// 3. The private note stays private from the provider admin

journey(
  "privacy: the practitioner's private note is not shown to the provider admin, on the meeting page or through the API",
  async ({ page, openPage }) => {
    const noteText = 'PRIVATE: Noora mentioned burnout symptoms – follow up in person.';

    await signInPractitioner(page);
    await openProcess(page, demoProcessTitle, 'practitioner');
    await pastMeetings(page).first().click();
    await heading(page, `Meeting: ${demoProcessTitle}`).waitFor();
    const meetingId = meetingIdFromUrl(page);
    const note = region(page, 'My private note');
    await note.getByText('Only you can read this note.', { exact: false }).waitFor();
    await note.getByRole('button', { name: 'Write a private note', exact: true }).click();
    await note.getByLabel('Private note', { exact: true }).fill(noteText);
    await note.getByRole('button', { name: 'Save the note', exact: true }).click();
    await notified(page, 'Note saved.');
    await scan(page, 'demo meeting (practitioner, note written)');

    // After a reload the note is closed; opening it loads it again (its author can read it).
    await page.reload();
    await heading(page, `Meeting: ${demoProcessTitle}`).waitFor();
    expect(await page.getByText(noteText).count()).toBe(0);
    await region(page, 'My private note').getByRole('button', { name: 'Open my private note', exact: true }).click();
    await expect.poll(() => region(page, 'My private note').getByLabel('Private note', { exact: true }).inputValue()).toBe(noteText);
    const own = await page.request.get(`/api/meetings/${meetingId}/note`);
    expect(own.status()).toBe(200);
    expect((await own.json()).text).toBe(noteText);

    // The provider admin sees the process and the meeting, but no note.
    const admin = await openPage();
    await signInAdmin(admin);
    await openProcess(admin, demoProcessTitle, 'provider admin');
    await pastMeetings(admin).first().click();
    await heading(admin, `Meeting: ${demoProcessTitle}`).waitFor();
    expect(meetingIdFromUrl(admin)).toBe(meetingId);
    await region(admin, 'Details').getByText('Held', { exact: true }).waitFor();
    await region(admin, 'Attendance').getByText('Noora Nurse', { exact: true }).waitFor();
    expect(await region(admin, 'My private note').count(), 'no note section for the provider admin').toBe(0);
    expect(await admin.getByRole('button', { name: /private note/i }).count()).toBe(0);
    expect(await admin.locator('body').textContent()).not.toContain(noteText);
    await scan(admin, 'demo meeting (provider admin)');

    const adminNote = await admin.request.get(`/api/meetings/${meetingId}/note`);
    expect([403, 404], `GET the note as the provider admin answered ${adminNote.status()}`).toContain(adminNote.status());
    expect(await adminNote.text()).not.toContain(noteText);
    const adminMeeting = await admin.request.get(`/api/meetings/${meetingId}`);
    expect(adminMeeting.status()).toBe(200);
    expect(await adminMeeting.text()).not.toContain(noteText);
    const adminProcess = await admin.request.get(
      `/api/processes/${processIdFromUrlOf(await admin.getByRole('link', { name: /^← Back to / }).getAttribute('href'))}`,
    );
    expect(adminProcess.status()).toBe(200);
    expect(await adminProcess.text()).not.toContain(noteText);
  },
);

function processIdFromUrlOf(href: string | null): string {
  const match = /^\/processes\/([0-9a-f-]{36})$/.exec(href ?? '');
  expect(match, `a process link: ${href}`).not.toBeNull();
  return match![1]!;
}
