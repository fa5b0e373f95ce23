// Issue 9, item 5: the calendar feed looked missing after a reload ("you have no link") while its
// address still served the practitioner's meetings, and "create" would silently have broken the
// subscription. Walked as the demo practitioner: the state survives a reload, a calendar app's read
// shows, a new address needs a confirmation and kills the old one; in four languages and on a phone.
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { htmlLang, scan, signInPractitioner } from './support/app.js';
import { closeBrowserAfterAll, journey } from './support/journey.js';
import { screen } from './support/screens.js';

closeBrowserAfterAll();

const WAIT = { timeout: 10_000 } as const;

const LANGUAGES = [
  { locale: 'fi', option: 'Suomi', active: 'Kalenterisyötteesi on käytössä.', read: 'Kalenterisovellus haki sen' },
  { locale: 'sv', option: 'Svenska', active: 'Ditt kalenderflöde är aktivt.', read: 'En kalenderapp hämtade det' },
  { locale: 'nb', option: 'Norsk bokmål', active: 'Kalenderfeeden din er aktiv.', read: 'En kalenderapp hentet den' },
  { locale: 'en', option: 'English', active: 'Your calendar feed is active.', read: 'A calendar app' },
] as const;

/** English words of the section that must not appear in another language. */
const ENGLISH = ['calendar feed', 'address', 'Make a new', 'Revoke', 'last read', 'just now', 'ago'];

async function switchLanguage(page: Page, locale: string, option: string): Promise<void> {
  const saved = page.waitForResponse((res) => res.url().endsWith('/api/me') && res.request().method() === 'PATCH');
  await page.getByTestId('language-select').selectOption({ label: option });
  expect((await saved).status()).toBe(200);
  await expect.poll(() => htmlLang(page), WAIT).toBe(locale);
}

const feedPath = (url: string) => new URL(url).pathname;

journey('the calendar feed tells its state truthfully after a reload, asks before replacing its address', async ({ page }) => {
  await signInPractitioner(page);
  await page.goto('/availability');
  const section = page.getByTestId('calendar-feed');
  await section.getByText('You have no calendar feed.', { exact: true }).waitFor();

  // Made: the address is shown once, with why.
  await section.getByRole('button', { name: 'Create a calendar feed' }).click();
  const address = section.getByRole('textbox', { name: 'Your calendar feed address' });
  const first = await address.inputValue();
  expect(first).toMatch(/\/calendar\/[\w-]{20,}\.ics$/);
  await section.getByText('Copy the address now', { exact: true }).waitFor();
  await section.getByText(/This is the only time it is shown/).waitFor();
  await scan(page, 'calendar feed just made');
  await screen(page, 'calendar-feed-made-en');

  // Reloaded: still active (the bug said "no link"), never read yet, no address to show.
  await page.reload();
  await section.getByText(/^Your calendar feed is active\. Its address was made /).waitFor();
  await section.getByText(/^No calendar app has read it yet\./).waitFor();
  expect(await section.getByText('You have no calendar feed.').count()).toBe(0);
  expect(await address.count()).toBe(0);
  await section.getByText(/shown only once, when it was made/).waitFor();

  // A calendar app reads it; the owner sees that after a reload.
  const read = await page.request.get(feedPath(first));
  expect(read.status()).toBe(200);
  expect(read.headers()['content-type']).toContain('text/calendar');
  expect(await read.text()).toContain('BEGIN:VEVENT');
  await page.reload();
  await section.getByText(/^A calendar app read it just now \(/).waitFor();

  // A new address only after a warning that the old one stops working; then the old one is dead.
  await section.getByRole('button', { name: 'Make a new address' }).click();
  const dialog = page.getByRole('dialog', { name: 'Make a new address?' });
  await dialog.getByText(/The current address stops working at once/).waitFor();
  await scan(page, 'calendar feed: confirm a new address');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await dialog.waitFor({ state: 'hidden' });
  expect((await page.request.get(feedPath(first))).status()).toBe(200);
  await section.getByRole('button', { name: 'Make a new address' }).click();
  await dialog.getByRole('button', { name: 'Make a new address' }).click();
  const second = await address.inputValue();
  expect(second).not.toBe(first);
  expect((await page.request.get(feedPath(first))).status()).toBe(404);
  expect((await page.request.get(feedPath(second))).status()).toBe(200);

  // Language by language, after a reload: the state in words of that language only.
  for (const l of LANGUAGES) {
    await switchLanguage(page, l.locale, l.option);
    await page.reload();
    await section.getByText(l.active, { exact: false }).first().waitFor();
    await section.getByText(new RegExp(`^${l.read}`)).waitFor();
    const text = (await section.allInnerTexts()).join('\n').replace(/https?:\/\/\S+/g, '');
    expect(text, `${l.locale}: a raw key`).not.toMatch(/\bfeed\.[a-zA-Z]+|\{\{/);
    if (l.locale !== 'en') for (const word of ENGLISH) expect(text, `${l.locale}: English "${word}"`).not.toContain(word);
    await scan(page, `calendar feed (${l.locale})`);
    await screen(page, `calendar-feed-${l.locale}`);
  }

  // On a phone: whole, nothing scrolls sideways.
  await switchLanguage(page, 'fi', 'Suomi');
  await page.setViewportSize({ width: 390, height: 844 });
  await page.reload();
  await section.getByText('Kalenterisyötteesi on käytössä.', { exact: false }).first().waitFor();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, 'sideways scroll on a phone').toBeLessThanOrEqual(0);
  await scan(page, 'calendar feed (phone, fi)');
  await screen(page, 'calendar-feed-fi-phone');

  // Revoked (with its own confirmation): the address dies and the section says there is none.
  await section.getByRole('button', { name: 'Poista syöte käytöstä' }).click();
  await page
    .getByRole('dialog', { name: 'Poistetaanko kalenterisyöte käytöstä?' })
    .getByRole('button', { name: 'Poista syöte käytöstä' })
    .click();
  await section.getByText('Sinulla ei ole kalenterisyötettä.', { exact: true }).waitFor();
  expect((await page.request.get(feedPath(second))).status()).toBe(404);
});
