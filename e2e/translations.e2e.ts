// Issue 9, item 1: a provider enters the official translation it holds of a built-in instrument,
// on the instruments page, field by field beside our reference wording (desktop and phone, in
// English and Finnish); a respondent whose language the questionnaire does not exist in is told
// so in her own language, offered the languages it exists in, and shown the provider's wording
// with its mark; the practitioner's view of the answer says the wording was entered by the provider.
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { builtInInstruments } from '../src/server/modules/measures/logic/instruments/index.js';
import type { Locale } from '../src/shared/locales.js';
import { enrolTotp, expectHome, heading, htmlLang, notified, outbox, scan, signInPractitioner, submitSignIn } from './support/app.js';
import { closeBrowserAfterAll, journey } from './support/journey.js';
import { screen } from './support/screens.js';
import { demo } from './support/server.js';

closeBrowserAfterAll();

const phone = { viewport: { width: 390, height: 844 }, mobile: true } as const;
const WAIT = { timeout: 10_000 } as const;

// The shipped wordings grow (issue 9): pick, at run time, a free built-in without a gate that
// lacks Finnish (the provider enters it) and one more language (the respondent's page).
const target = (() => {
  for (const def of builtInInstruments) {
    if (def.requiresLicence || def.gate || def.languages.fi) continue;
    const page = (['nb', 'sv'] as Locale[]).find((l) => !def.languages[l]);
    if (page) return { def, page };
  }
  return null;
})();

const names: Record<Locale, string> = { fi: 'suomi', sv: 'svenska', nb: 'norsk', en: 'English' };
/** "in <language>", as the respondent's page says it. */
const inLanguage: Record<'nb' | 'sv', Record<string, string>> = {
  nb: { nb: 'på norsk', fi: 'på finsk' },
  sv: { sv: 'på svenska', fi: 'på finska' },
};

async function csrf(page: Page): Promise<Record<string, string>> {
  const res = await page.request.get('/api/auth/csrf');
  expect(res.status()).toBe(200);
  return { 'x-csrf-token': (await res.json()).csrfToken as string };
}

const noSidewaysScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

journey(
  'a provider enters the official Finnish translation of a built-in; a respondent is told which language the form is in and sees the mark; so does the practitioner',
  async ({ page, openPage }) => {
    expect(target, 'a built-in lacking Finnish and a Nordic language').not.toBeNull();
    const { def, page: pageLocale } = target!;
    const fi = (s: string) => `${s} (FI)`;

    // --- The provider admin: the instruments page, then this instrument's translations.
    const admin = await openPage();
    await submitSignIn(admin, demo.admin.email, demo.password);
    await enrolTotp(admin, 'provider admin');
    await expectHome(admin, demo.admin.name, 'Provider administrator');
    await admin.goto('/admin/instruments');
    await heading(admin, 'Instruments').waitFor();
    await admin.getByTestId(`instrument-translations-${def.key}`).click();
    await admin.getByTestId('translation-form').waitFor();
    await admin.getByTestId('translation-none').waitFor();
    await scan(admin, 'translations (none yet)');

    // Saving an empty form names what is missing, field by field.
    await admin.getByTestId('translation-locale').selectOption('fi');
    await admin.getByTestId('translation-save').click();
    await admin.getByTestId('translation-errors').waitFor();
    expect(await admin.getByTestId('translation-field-texts.name').getAttribute('aria-invalid')).toBe('true');
    await scan(admin, 'translations (errors shown)');

    // Every text, beside our reference wording.
    await admin.getByTestId('translation-source').fill('Virallinen suomennos (demo), painos 2024');
    await admin.getByTestId('translation-licence').fill('Lisensoitu Tukirannalle käyttöön asiakastyössä.');
    await admin.getByTestId('translation-field-texts.name').fill(fi(def.name.en ?? def.key));
    await admin.getByTestId('translation-field-texts.instructions').fill(fi('Kahden viime viikon aikana'));
    for (const item of def.items) await admin.getByTestId(`translation-field-texts.items.${item.id}`).fill(fi(`Kysymys ${item.id}`));
    const sets = [...new Set(def.items.flatMap((i) => (i.type === 'choice' ? [i.options] : [])))];
    for (const set of sets)
      for (const o of def.optionSets[set] ?? [])
        await admin.getByTestId(`translation-field-texts.options.${set}.${o.value}`).fill(fi(`Vaihtoehto ${o.value}`));
    await admin.getByTestId('translation-save').click();
    await notified(admin, 'Saved as version 1.');
    const card = admin.getByTestId('translation-version-fi-1');
    await card.getByText('In use', { exact: true }).waitFor();
    await card.getByText(/^Entered by Aino Admin on /).waitFor();
    await scan(admin, 'translations (version 1 in use)');
    await screen(admin, 'translations-admin-en');

    // The instrument library marks the language as entered by the provider.
    await admin.goto('/admin/instruments');
    await admin.getByTestId(`instrument-${def.key}-entered-fi`).waitFor();

    // On a phone: the same page, no sideways scrolling.
    await admin.setViewportSize(phone.viewport);
    await admin.goto(`/admin/instruments/${def.key}/translations`);
    await admin.getByTestId('translation-version-fi-1').waitFor();
    expect(await noSidewaysScroll(admin), 'no sideways scrolling on a phone').toBe(true);
    await scan(admin, 'translations (phone)');
    await screen(admin, 'translations-admin-phone-en');

    // In Finnish.
    const me = await admin.request.patch('/api/me', { headers: await csrf(admin), data: { locale: 'fi' } });
    expect(me.status(), await me.text()).toBe(200);
    await admin.evaluate(() => window.localStorage.setItem('rinnalla.language', 'fi'));
    await admin.setViewportSize({ width: 1280, height: 900 });
    await admin.reload();
    await heading(admin, /^Käännökset: /).waitFor();
    await expect.poll(() => htmlLang(admin), WAIT).toBe('fi');
    await admin.getByTestId('translation-version-fi-1').getByText('Käytössä', { exact: true }).waitFor();
    await scan(admin, 'translations (fi)');
    await screen(admin, 'translations-admin-fi');

    // --- The practitioner sends the instrument to a person whose language it does not exist in.
    await signInPractitioner(page);
    let processes = (await (await page.request.get('/api/processes')).json()).items as { id: string; organisationId: string }[];
    if (processes.length === 0) {
      const orgs = (await (await page.request.get('/api/organisations')).json()).items as { id: string }[];
      const services = (await (await page.request.get('/api/services')).json()).items as { id: string; active: boolean }[];
      const opened = await page.request.post('/api/processes', {
        headers: await csrf(page),
        data: { organisationId: orgs[0]?.id, serviceId: services.find((s) => s.active)?.id, title: 'Työnohjaus (käännöskoe)' },
      });
      expect(opened.status(), await opened.text()).toBe(201);
      processes = [await opened.json()];
    }
    const process = processes[0]!;
    const person = { name: 'Nora Nordmann', email: 'nora.nordmann@kaisla.example.test' };
    const created = await page.request.post('/api/people', {
      headers: await csrf(page),
      data: { organisationId: process.organisationId, name: person.name, email: person.email, locale: pageLocale },
    });
    expect(created.status(), await created.text()).toBe(201);
    const personId = (await created.json()).id as string;
    const added = await page.request.post(`/api/processes/${process.id}/participants`, { headers: await csrf(page), data: { personId } });
    expect(added.status(), await added.text()).toBe(201);
    const sent = await page.request.post(`/api/processes/${process.id}/checkins`, {
      headers: await csrf(page),
      data: { instrumentKey: def.key, personIds: [personId] },
    });
    expect(sent.status(), await sent.text()).toBe(201);
    let link: string | undefined;
    await expect
      .poll(
        async () => {
          const mail = (await outbox(page)).filter((m) => m.to === person.email).at(-1);
          link = mail ? /https?:\/\/\S+\/r\/[A-Za-z0-9_-]{20,}/.exec(mail.text)?.[0] : undefined;
          return Boolean(link);
        },
        { timeout: 25_000, interval: 500, message: 'the invitation mail' },
      )
      .toBe(true);

    // --- The respondent, on a phone in her own language: told the form is not in it, offered the others.
    const respondent = await openPage(phone);
    await respondent.addInitScript((l) => window.localStorage.setItem('rinnalla.language', l), pageLocale);
    await respondent.goto(link as string);
    await respondent.getByTestId('respond-title').waitFor();
    await expect.poll(() => htmlLang(respondent), WAIT).toBe(pageLocale);
    const note = respondent.getByTestId('respond-language-note');
    await note.waitFor();
    const words = inLanguage[pageLocale as 'nb' | 'sv'];
    expect(await note.textContent()).toContain(words[pageLocale]);
    const picker = respondent.getByTestId('respond-form-language');
    const offered = await picker.locator('option').allTextContents();
    expect(offered).toEqual(expect.arrayContaining([names.en, 'Suomi']));
    expect(offered).not.toContain(pageLocale === 'nb' ? 'Norsk bokmål' : 'Svenska');
    expect(await respondent.getByTestId('respond-provider-entered').count(), 'the English wording is ours').toBe(0);
    expect(await noSidewaysScroll(respondent), 'no sideways scrolling on a phone').toBe(true);
    await scan(respondent, `respondent form, not in ${pageLocale} (phone)`);
    await screen(respondent, `respond-not-available-${pageLocale}`);

    // She chooses Finnish: the questions in Finnish only, the provider's wording marked, our words in her language.
    await picker.selectOption('fi');
    await expect.poll(() => respondent.getByTestId('respond-title').textContent(), WAIT).toBe(fi(def.name.en ?? def.key));
    await respondent.getByTestId('respond-provider-entered').waitFor();
    expect(await respondent.getByTestId('respond-provider-entered').textContent()).toContain('Virallinen suomennos (demo), painos 2024');
    expect(await note.textContent()).toContain(words.fi as string);
    for (const item of def.items) {
      if (item.type !== 'choice') continue;
      expect(await respondent.getByTestId(`respond-item-${item.id}`).locator('legend').textContent()).toContain(fi(`Kysymys ${item.id}`));
    }
    await scan(respondent, 'respondent form in the provider-entered Finnish (phone)');
    await screen(respondent, `respond-provider-entered-fi-page-${pageLocale}`);
    for (const item of def.items) {
      if (item.type !== 'choice') continue;
      const first = def.optionSets[item.options]?.[0]?.value ?? 0;
      await respondent.getByTestId(`respond-option-${item.id}-${first}`).check();
    }
    await respondent.getByTestId('respond-submit').click();
    await respondent.getByTestId('respond-result').getByTestId('respond-band').waitFor();

    // --- The practitioner's view of the answer: the language and the honest mark.
    const checkins = (await (await page.request.get(`/api/processes/${process.id}/checkins`)).json()).checkins as {
      personId: string;
      responseId: string | null;
      translation: unknown;
    }[];
    const answered = checkins.find((c) => c.personId === personId && c.responseId);
    expect(answered?.translation).toEqual({ locale: 'fi', version: 1 });
    await page.goto(`/responses/${answered!.responseId}`);
    await page.getByTestId('response-provider-entered').waitFor();
    expect(await page.getByTestId('response-language').textContent()).toContain('Suomi');
    expect(await page.getByTestId('response-provider-entered').textContent()).toContain(demo.providerName);
    await scan(page, 'response with the provider-entered mark');
    await screen(page, 'response-provider-entered-en');
  },
);
