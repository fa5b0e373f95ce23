// Screenshots a provider judges the product by (issue 9), in the four languages, from one server
// start: the alert card on top of the practitioner's home (an urgent alert raised by an answer)
// and the audit log with its actor picker and translated events. The setup goes through the API
// (send a check-in, answer it by its mailed link); the pages are what a person sees. Besides
// keeping the pictures, each language is checked for what the issue found: no raw keys, no English
// in a Finnish page, badges shown whole, no sideways scrolling on a phone.
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { enrolTotp, expectHome, heading, htmlLang, outbox, scan, signInPractitioner, submitSignIn } from './support/app.js';
import { closeBrowserAfterAll, journey } from './support/journey.js';
import { screen } from './support/screens.js';
import { demo } from './support/server.js';

closeBrowserAfterAll();

const processTitle = 'Yövuoron ryhmätyönohjaus / Night shift group supervision';
const noora = { name: 'Noora Nurse', email: 'noora@demo.rinnalla.test' };
const sven = { name: 'Sven Sjöskötare', email: 'sven@demo.rinnalla.test' };
const WAIT = { timeout: 10_000 } as const;

/** The language picker's option for each locale, and words the page must (not) show in it. */
const LANGUAGES = [
  { locale: 'fi', option: 'Suomi', audit: 'Tapahtumaloki', urgent: 'Kiireellinen hälytys' },
  { locale: 'sv', option: 'Svenska', audit: 'Händelselogg', urgent: 'Brådskande larm' },
  { locale: 'nb', option: 'Norsk bokmål', audit: 'Hendelseslogg', urgent: 'Hastevarsel' },
  { locale: 'en', option: 'English', audit: 'Audit log', urgent: 'Urgent alert' },
] as const;

/** English words of the alert card and the audit log that must not appear in another language. */
const ENGLISH = ['Urgent alert', 'Not acknowledged', 'Signed in', 'All alerts', 'Audit log', 'Actor', 'minutes ago', 'Positive screen'];

/** Raw keys the issue found on these pages: `item_low`, `audit.read`, dotted event names. */
const RAW_KEY = /\b[a-z]+_[a-z_]+\b|\b[a-z]+\.[a-z]+(?:\.[a-z]+)*\b(?!@)/;

async function csrf(page: Page): Promise<Record<string, string>> {
  const res = await page.request.get('/api/auth/csrf');
  expect(res.status()).toBe(200);
  return { 'x-csrf-token': (await res.json()).csrfToken as string };
}

/** The practitioner sends `instrumentKey` now to one participant; the mailed link's token. */
async function sendTo(page: Page, processId: string, personId: string, email: string, instrumentKey: string): Promise<string> {
  const sent = await page.request.post(`/api/processes/${processId}/checkins`, {
    headers: await csrf(page),
    data: { instrumentKey, personIds: [personId] },
  });
  expect(sent.status(), await sent.text()).toBe(201);
  let token: string | undefined;
  await expect
    .poll(
      async () => {
        const mail = (await outbox(page)).find((m) => m.to === email && /\/r\/[A-Za-z0-9_-]{20,}/.test(m.text));
        token = mail ? /\/r\/([A-Za-z0-9_-]{20,})/.exec(mail.text)?.[1] : undefined;
        return Boolean(token);
      },
      { timeout: 25_000, interval: 500 },
    )
    .toBe(true);
  return token as string;
}

/** Answers by the link, as the respondent's page would (no session: the token is the credential). */
async function answer(page: Page, token: string, answers: Record<string, number>): Promise<void> {
  const res = await page.request.post(`/api/respond/${token}`, { headers: await csrf(page), data: { answers } });
  expect(res.status(), await res.text()).toBe(200);
}

async function switchLanguage(page: Page, locale: string, option: string): Promise<void> {
  const saved = page.waitForResponse((res) => res.url().endsWith('/api/me') && res.request().method() === 'PATCH');
  await page.getByTestId('language-select').selectOption({ label: option });
  expect((await saved).status()).toBe(200);
  await expect.poll(() => htmlLang(page), WAIT).toBe(locale);
}

/** The visible text of `selector` has no raw key and, outside English, none of the English words. */
async function expectReadable(page: Page, selector: string, locale: string, label: string): Promise<void> {
  const text = (await page.locator(selector).allInnerTexts()).join('\n');
  const withoutMail = text.replace(/\S+@\S+/g, '').replace(/https?:\/\/\S+/g, '');
  expect(withoutMail, `${label}: a raw key`).not.toMatch(RAW_KEY);
  if (locale !== 'en') for (const word of ENGLISH) expect(withoutMail, `${label}: English "${word}"`).not.toContain(word);
}

/** No badge in `selector` cuts its text (its content is no wider than the badge). */
async function expectWholeBadges(page: Page, selector: string, label: string): Promise<void> {
  const cut = await page.evaluate(
    (sel) =>
      [...document.querySelectorAll(`${sel} .mantine-Badge-root`)]
        .filter((b) => {
          const inner = b.querySelector('.mantine-Badge-label') ?? b;
          return inner.scrollWidth > inner.clientWidth + 1 || b.scrollWidth > b.clientWidth + 1;
        })
        .map((b) => b.textContent),
    selector,
  );
  expect(cut, `${label}: badges cut off`).toEqual([]);
}

async function expectNoSidewaysScroll(page: Page, label: string): Promise<void> {
  // Polled: right after a resize the navigation is still sliding away.
  await expect
    .poll(() => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), {
      ...WAIT,
      message: `${label}: sideways scrolling`,
    })
    .toBe(true);
}

journey(
  'screens: the alert card on the practitioner’s home and the audit log, in Finnish, Swedish, Norwegian and English',
  async ({ page, openPage }) => {
    // --- Setup: two answers by mailed links raise an urgent alert (PC-PTSD-5) and a normal one (WHO-5).
    await signInPractitioner(page);
    const processes = (await (await page.request.get('/api/processes')).json()).items as { id: string; title: string }[];
    const processId = processes.find((p) => p.title === processTitle)?.id;
    expect(processId, `the demo process "${processTitle}"`).toBeTruthy();
    const detail = await (await page.request.get(`/api/processes/${processId}`)).json();
    const personId = (email: string) => {
      const id = (detail.participants as { personId: string; email: string | null }[]).find((p) => p.email === email)?.personId;
      expect(id, `${email} takes part`).toBeTruthy();
      return id as string;
    };
    const who5Token = await sendTo(page, processId as string, personId(sven.email), sven.email, 'who5');
    await answer(page, who5Token, { i1: 1, i2: 1, i3: 2, i4: 1, i5: 1 });
    const ptsdToken = await sendTo(page, processId as string, personId(noora.email), noora.email, 'pcptsd5');
    await answer(page, ptsdToken, { exposure: 1, i1: 1, i2: 1, i3: 1, i4: 1, i5: 0 });

    // The practitioner opens the urgent alert once (a read the audit log names).
    const alerts = (await (await page.request.get('/api/alerts?status=open')).json()).items as { id: string; level: string }[];
    const urgentId = alerts.find((a) => a.level === 'urgent')?.id;
    expect(urgentId, 'an urgent alert').toBeTruthy();
    await page.goto(`/alerts/${urgentId}`);
    await heading(page, `Alert: ${noora.name}`).waitFor();

    // --- The alert card, language by language (the choice is saved to the profile, as a user makes it).
    await page.goto('/');
    await expectHome(page, demo.practitioner.name);
    for (const l of LANGUAGES) {
      await switchLanguage(page, l.locale, l.option);
      const card = page.getByTestId('home-urgent-alerts');
      await card.waitFor();
      await card.getByTestId(`home-urgent-alert-${urgentId}`).getByText(l.urgent, { exact: true }).waitFor();
      expect(
        await page.evaluate(() => document.querySelector('[data-testid="home-heading"]')?.nextElementSibling?.getAttribute('data-testid')),
        'the alert card comes first, right under the greeting',
      ).toBe('home-urgent-alerts');
      await expectReadable(page, '[data-testid="home-urgent-alerts"]', l.locale, `alert card (${l.locale})`);
      await expectWholeBadges(page, '[data-testid="home-urgent-alerts"]', `alert card (${l.locale})`);
      await scan(page, `home with the alert card (${l.locale})`);
      await screen(page, `alert-card-${l.locale}`);
    }
    // On a phone (Finnish, the demo provider's language), the card is whole and nothing scrolls sideways.
    await switchLanguage(page, 'fi', 'Suomi');
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByTestId('home-urgent-alerts').waitFor();
    await expectNoSidewaysScroll(page, 'home (phone)');
    await expectWholeBadges(page, '[data-testid="home-urgent-alerts"]', 'alert card (phone)');
    await screen(page, 'alert-card-fi-phone');

    // The lists that were tables on a phone are cards there: the process (check-ins, scaling,
    // aggregates), a person's measures (scores beside the chart) and a held meeting (attendance).
    const heldMeeting = (detail.meetings as { id: string; status: string; startsAt: string }[])
      .filter((m) => m.status === 'held')
      .sort((a, b) => b.startsAt.localeCompare(a.startsAt))[0];
    const phonePages = [
      { name: 'process', path: `/processes/${processId}`, shows: 'checkin-table' },
      { name: 'person-measures', path: `/people/${personId(sven.email)}/measures`, shows: 'series-who5' },
      ...(heldMeeting ? [{ name: 'meeting', path: `/meetings/${heldMeeting.id}`, shows: undefined }] : []),
    ];
    for (const p of phonePages) {
      await page.goto(p.path);
      await page.getByRole('heading', { level: 1 }).waitFor();
      if (p.shows) await page.getByTestId(p.shows).first().waitFor();
      await page.waitForLoadState('networkidle');
      expect(await page.locator('main table').count(), `${p.name} (phone): cards, not tables`).toBe(0);
      await expectNoSidewaysScroll(page, `${p.name} (phone)`);
      await scan(page, `${p.name} (phone, fi)`);
      await screen(page, `phone-${p.name}-fi`);
    }

    // --- The audit log, as the provider's administrator, language by language.
    const admin = await openPage();
    await submitSignIn(admin, demo.admin.email, demo.password);
    await enrolTotp(admin, 'provider admin');
    await expectHome(admin, demo.admin.name, 'Provider administrator');
    await admin.goto('/admin/audit');
    await heading(admin, 'Audit log').waitFor();
    // The actor picker names people (no id to paste): the practitioner's trail is the one shown.
    const actor = admin.getByTestId('audit-actor');
    const practitionerOption = demo.practitioner.name;
    await expect.poll(() => actor.locator('option').allTextContents(), WAIT).toEqual(expect.arrayContaining([practitionerOption]));
    await actor.selectOption({ label: practitionerOption });
    const table = admin.getByTestId('audit-table');
    const rows = async () => table.locator('tbody tr').allInnerTexts();
    await expect
      .poll(async () => {
        const all = await rows();
        return all.length > 0 && all.every((r) => r.includes(demo.practitioner.name));
      }, WAIT)
      .toBe(true);
    for (const l of LANGUAGES) {
      await switchLanguage(admin, l.locale, l.option);
      await heading(admin, l.audit).waitFor();
      expect(await actor.inputValue(), 'the picked actor stays picked').not.toBe('');
      // Translated events; records named or described ("Own account", "A process"), never a UUID.
      await expect.poll(async () => (await rows()).length, WAIT).toBeGreaterThan(0);
      const text = (await rows()).join('\n');
      expect(text, 'no UUID as a target').not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/);
      await expectReadable(admin, '[data-testid="audit-table"]', l.locale, `audit log (${l.locale})`);
      await scan(admin, `audit log (${l.locale})`);
      await screen(admin, `audit-log-${l.locale}`);
    }
    await switchLanguage(admin, 'fi', 'Suomi');
    await admin.setViewportSize({ width: 390, height: 844 });
    await admin.getByTestId('audit-table').waitFor();
    await expectNoSidewaysScroll(admin, 'audit log (phone)');
    await screen(admin, 'audit-log-fi-phone');
  },
);
