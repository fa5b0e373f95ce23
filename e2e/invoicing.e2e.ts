// The invoicing basis as a provider prints it (issue 9, item 9): who bills whom with both business
// IDs, the period and the print date, every line with net, VAT and gross, totals per VAT rate and
// in all. The demo provider's admin opens the basis of the care home for a month with meetings,
// then prints it in Finnish, Swedish, Norwegian and English (print media emulated) and on a phone;
// each print is kept as a screenshot for a person to look at.
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { enrolTotp, expectHome, heading, htmlLang, scan, submitSignIn } from './support/app.js';
import { closeBrowserAfterAll, journey } from './support/journey.js';
import { screen } from './support/screens.js';
import { demo } from './support/server.js';

closeBrowserAfterAll();

const careHome = { name: 'Hoivakoti Kaisla', businessId: '1234567-1' };
const providerBusinessId = '1618033-3';
const WAIT = { timeout: 10_000 } as const;

/** Per language: the picker's option and what the printed basis must say in it. */
const LANGUAGES = [
  { locale: 'fi', option: 'Suomi', title: 'Laskutusperuste', businessId: 'Y-tunnus', vat: 'ALV 25,5 %', printed: 'Tulostettu' },
  {
    locale: 'sv',
    option: 'Svenska',
    title: 'Faktureringsunderlag',
    businessId: 'Organisationsnummer',
    vat: 'Moms 25,5 %',
    printed: 'Utskrivet',
  },
  {
    locale: 'nb',
    option: 'Norsk bokmål',
    title: 'Faktureringsgrunnlag',
    businessId: 'Organisasjonsnummer',
    vat: 'Mva. 25,5 %',
    printed: 'Skrevet ut',
  },
  { locale: 'en', option: 'English', title: 'Invoicing basis', businessId: 'Business ID', vat: 'VAT 25.5 %', printed: 'Printed' },
] as const;

async function csrf(page: Page): Promise<Record<string, string>> {
  const res = await page.request.get('/api/auth/csrf');
  expect(res.status()).toBe(200);
  return { 'x-csrf-token': (await res.json()).csrfToken as string };
}

async function switchLanguage(page: Page, locale: string, option: string): Promise<void> {
  const saved = page.waitForResponse((res) => res.url().endsWith('/api/me') && res.request().method() === 'PATCH');
  await page.getByTestId('language-select').selectOption({ label: option });
  expect((await saved).status()).toBe(200);
  await expect.poll(() => htmlLang(page), WAIT).toBe(locale);
}

/** The latest month (of the last thirteen) in which the organisation has billable meetings. */
async function monthWithLines(page: Page, organisationId: string): Promise<string> {
  const now = new Date();
  for (let back = 0; back < 13; back++) {
    const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - back, 1));
    const month = d.toISOString().slice(0, 7);
    const res = await page.request.get(`/api/invoicing?organisationId=${organisationId}&month=${month}`);
    expect(res.status()).toBe(200);
    if ((await res.json()).rows.length > 0) return month;
  }
  throw new Error('no month with billable meetings in the demo data');
}

journey('invoicing basis: printed with business IDs, VAT per line and per rate, in four languages and on a phone', async ({ page }) => {
  await submitSignIn(page, demo.admin.email, demo.password);
  await enrolTotp(page, 'provider admin');
  await expectHome(page, demo.admin.name, 'Provider administrator');

  // The provider's own business ID, as the admin keeps it in the settings (the demo may have it already).
  const settings = await page.request.patch('/api/provider/settings', {
    headers: await csrf(page),
    data: { businessId: providerBusinessId },
  });
  expect(settings.status(), await settings.text()).toBe(200);
  const organisations = (await (await page.request.get('/api/organisations?pageSize=100')).json()).items as { id: string; name: string }[];
  const organisationId = organisations.find((o) => o.name === careHome.name)?.id;
  expect(organisationId, careHome.name).toBeTruthy();
  const month = await monthWithLines(page, organisationId as string);

  // The catalogue shows each service's VAT: the demo's crisis services are exempt as health care.
  await page.goto('/admin/services');
  await heading(page, 'Services').waitFor();
  const services = page.getByTestId('services-table');
  await services.getByText('Crisis supervision, group', { exact: true }).first().waitFor();
  expect(await services.textContent()).toContain('Exempt (AVL 34 §)');
  expect(await services.textContent()).toContain('VAT 25.5 %');
  await page.getByRole('button', { name: 'Edit Crisis supervision, group', exact: true }).click();
  const dialog = page.getByRole('dialog');
  expect(await dialog.getByLabel('In Finnish', { exact: true }).inputValue()).toBe('Kriisityönohjaus, ryhmä');
  expect(await dialog.getByLabel('In Swedish', { exact: true }).inputValue()).toBe('Krishandledning, grupp');
  expect(await dialog.getByLabel('Legal ground for the exemption', { exact: true }).inputValue()).toBe('AVL 34 §');
  await scan(page, 'service editor (provider admin)');
  await screen(page, 'services-edit-en');
  await page.keyboard.press('Escape');

  await page.goto('/admin/invoicing');
  await heading(page, 'Invoicing basis').waitFor();
  await page.getByLabel('Organisation', { exact: true }).selectOption({ label: careHome.name });
  await page.getByLabel('Month', { exact: true }).fill(month);
  const table = page.getByTestId('invoicing-table');
  await table.waitFor();
  const parties = page.locator('.invoice-parties');
  await parties.getByText(`Business ID: ${providerBusinessId}`, { exact: true }).waitFor();
  await parties.getByText(`Business ID: ${careHome.businessId}`, { exact: true }).waitFor();
  await page.getByTestId('invoicing-vat-table').waitFor();
  expect(await table.textContent()).toContain('VAT 25.5 %');
  await scan(page, 'invoicing basis (provider admin)');

  for (const l of LANGUAGES) {
    await switchLanguage(page, l.locale, l.option);
    await page.emulateMedia({ media: 'print' });
    const doc = page.getByTestId('invoice-print');
    await expect.poll(() => doc.isVisible(), { ...WAIT, message: `${l.locale}: the printed basis shows` }).toBe(true);
    expect(await page.getByTestId('invoicing-table').isVisible(), `${l.locale}: the screen table is not printed`).toBe(false);
    const text = (await doc.allInnerTexts()).join('\n').replace(/\u00a0|\u202f/g, ' ');
    expect(text).toContain(l.title);
    expect(text).toContain(`${l.businessId}: ${providerBusinessId}`);
    expect(text).toContain(`${l.businessId}: ${careHome.businessId}`);
    expect(text).toContain(l.printed);
    expect(text).toContain(l.vat);
    expect(text).toContain(careHome.name);
    await screen(page, `invoice-print-${l.locale}`);
    await page.emulateMedia({ media: 'screen' });
  }

  // On a phone the lines are cards and nothing scrolls sideways.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.getByTestId('invoicing-table').waitFor();
  await expect
    .poll(() => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), { ...WAIT, message: 'sideways scrolling' })
    .toBe(true);
  await scan(page, 'invoicing basis on a phone (provider admin)');
  await screen(page, 'invoice-phone-en');
});
