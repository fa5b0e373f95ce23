// Steps through the Rinnalla web app, by accessible names (English UI) and the app's test ids.
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { totpCodeAt } from '../../src/server/kernel/auth/totp.js';
import { expectNoSeriousA11yViolations } from './browser.js';
import { demo } from './server.js';

const STEP_MS = 30_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The last TOTP time step used per secret: the server refuses a step it has already accepted. */
const usedSteps = new Map<string, number>();

/**
 * A code the server accepts now and has not seen yet: the current step, or the next one (the
 * server allows ±1 step), or — when both were used — waits for the clock to move on.
 */
export async function freshTotpCode(secret: string): Promise<string> {
  for (;;) {
    const now = Date.now();
    const current = Math.floor(now / STEP_MS);
    const step = Math.max(current, (usedSteps.get(secret) ?? Number.NEGATIVE_INFINITY) + 1);
    if (step <= current + 1) {
      usedSteps.set(secret, step);
      return totpCodeAt(secret, new Date(step * STEP_MS));
    }
    await sleep((current + 1) * STEP_MS - now + 100);
  }
}

export function heading(page: Page, name: string | RegExp): Locator {
  return page.getByRole('heading', { level: 1, name, exact: typeof name === 'string' ? true : undefined });
}

export function navigation(page: Page, name = 'Main navigation'): Locator {
  return page.getByRole('navigation', { name, exact: true });
}

export async function htmlLang(page: Page): Promise<string | null> {
  return page.evaluate(() => document.documentElement.getAttribute('lang'));
}

/** Wait until `path` (pathname, optionally with a search) is the page's address. */
export async function expectPath(page: Page, pathname: string): Promise<void> {
  await page.waitForURL((url) => url.pathname === pathname, { timeout: 15_000 });
}

/** Open the sign-in page, check it and submit the form. Does not wait for the outcome. */
export async function submitSignIn(page: Page, email: string, password: string, options: { scan?: boolean } = {}): Promise<void> {
  await page.goto('/sign-in');
  await heading(page, 'Sign in').waitFor();
  if (options.scan) await expectNoSeriousA11yViolations(page, 'sign-in');
  await page.getByLabel('E-mail', { exact: true }).fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
}

/** Sign in with an account that has no second factor, and land on its home page. */
export async function signInWithoutSecondFactor(page: Page, email: string, password: string, name: string): Promise<void> {
  await submitSignIn(page, email, password);
  await expectHome(page, name);
}

/**
 * On /mfa/enrol: read the key, confirm with a code, see the recovery codes and continue.
 * Scans the page in both states.
 */
export async function enrolTotp(page: Page, label: string): Promise<{ secret: string; recoveryCodes: string[] }> {
  await expectPath(page, '/mfa/enrol');
  await heading(page, 'Set up two-step verification').waitFor();
  const secretBox = page.getByTestId('totp-secret');
  await secretBox.waitFor();
  await page.getByRole('img', { name: /QR code/ }).waitFor();
  const secret = ((await secretBox.textContent()) ?? '').replace(/\s+/g, '');
  expect(secret).toMatch(/^[A-Z2-7]{16,}=*$/);
  await expectNoSeriousA11yViolations(page, `MFA enrolment (${label})`);

  await page.getByLabel('Code from the app', { exact: true }).fill(await freshTotpCode(secret));
  await page.getByRole('button', { name: 'Confirm', exact: true }).click();

  const codes = page.getByTestId('recovery-codes');
  await codes.waitFor();
  await page.getByText('Your recovery codes', { exact: true }).waitFor();
  const recoveryCodes = (await codes.getByRole('listitem').allInnerTexts()).map((c) => c.trim());
  expect(recoveryCodes.length).toBeGreaterThanOrEqual(5);
  expect(new Set(recoveryCodes).size).toBe(recoveryCodes.length);
  await expectNoSeriousA11yViolations(page, `MFA recovery codes (${label})`);
  await page.getByRole('button', { name: 'I have saved them', exact: true }).click();
  return { secret, recoveryCodes };
}

/** On /mfa: enter a fresh TOTP code. */
export async function verifyTotp(page: Page, secret: string, label: string): Promise<void> {
  await expectPath(page, '/mfa');
  await heading(page, 'Two-step verification').waitFor();
  await expectNoSeriousA11yViolations(page, `MFA verification (${label})`);
  await page.getByLabel('Verification code', { exact: true }).fill(await freshTotpCode(secret));
  await page.getByRole('button', { name: 'Verify', exact: true }).click();
}

/** The home page greets `name`; with `role`, the active role shown is that one. */
export async function expectHome(page: Page, name: string, role?: string): Promise<void> {
  await expectPath(page, '/');
  const greeting = page.getByTestId('home-heading');
  await greeting.waitFor();
  await expect.poll(() => greeting.textContent()).toBe(`Welcome, ${name}`);
  if (role) {
    const roleLine = page.getByText('Your role:', { exact: true }).locator('xpath=..');
    await roleLine.getByText(role, { exact: true }).waitFor();
  }
}

/** Open the development outbox, find the newest mail to `to` and follow its link to `linkPath`. */
export async function followMailLink(page: Page, to: string, linkPath: string): Promise<string> {
  await page.goto('/dev/outbox');
  await heading(page, 'Mail outbox').waitFor();
  const mail = page.getByTestId('outbox-mail').filter({ hasText: to }).first();
  // Mail is listed as soon as it is queued; the page also refreshes itself every 10 s.
  await mail.waitFor({ timeout: 25_000 });
  await expectNoSeriousA11yViolations(page, 'development outbox');
  const link = mail.getByRole('link', { name: new RegExp(`${linkPath.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}\\?token=`) });
  const href = await link.getAttribute('href');
  expect(href).toMatch(
    new RegExp(
      `^${page
        .url()
        .replace(/\/dev\/outbox.*$/, '')
        .replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}${linkPath}\\?token=[A-Za-z0-9_-]+$`,
    ),
  );
  await link.click();
  await expectPath(page, linkPath);
  return href as string;
}

export async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Sign out', exact: true }).click();
  await expectPath(page, '/sign-in');
  await heading(page, 'Sign in').waitFor();
}

/** Rows of a table (by test id) as their visible text, once the table is shown. */
export async function tableRows(page: Page, testId: string): Promise<string[]> {
  const table = page.getByTestId(testId);
  await table.waitFor();
  return table.locator('tbody tr').allInnerTexts();
}

/**
 * Let CSS transitions finish (a notification fading in or out has, mid-way, a contrast no
 * reader ever sees), then run the accessibility scan of the page.
 */
export async function scan(page: Page, label: string): Promise<void> {
  await page.waitForFunction(
    () =>
      document
        .getAnimations()
        .every((a) => a.playState !== 'running' || !Number.isFinite(Number(a.effect?.getComputedTiming().endTime ?? 0))),
    undefined,
    { timeout: 10_000 },
  );
  await expectNoSeriousA11yViolations(page, label);
}

/** A section of a page (a landmark region named by its heading). */
export function region(page: Page, name: string): Locator {
  return page.getByRole('region', { name, exact: true });
}

/** The success notification the app shows after a change. */
export async function notified(page: Page, text: string | RegExp): Promise<void> {
  await page
    .getByText(text, typeof text === 'string' ? { exact: true } : undefined)
    .first()
    .waitFor();
}

/** The demo practitioner signs in for the first time and sets up two-step verification. */
export async function signInPractitioner(page: Page): Promise<void> {
  await submitSignIn(page, demo.practitioner.email, demo.password);
  await enrolTotp(page, 'practitioner');
  await expectHome(page, demo.practitioner.name, 'Practitioner');
  await scan(page, 'home (practitioner)');
}

export interface OutboxMail {
  to: string;
  subject: string;
  text: string;
  attachments: { filename: string; contentType: string; content: string }[];
}

/** The development outbox as the API lists it (the page shows the same mails). */
export async function outbox(page: Page): Promise<OutboxMail[]> {
  const res = await page.request.get('/api/dev/outbox');
  expect(res.status(), 'GET /api/dev/outbox').toBe(200);
  return (await res.json()).items as OutboxMail[];
}

/** Open the outbox page and wait for a mail to `to` whose text contains `hasText`. */
export async function outboxMailOnPage(page: Page, to: string, hasText: string): Promise<Locator> {
  await page.goto('/dev/outbox');
  await heading(page, 'Mail outbox').waitFor();
  const mail = page.getByTestId('outbox-mail').filter({ hasText: to }).filter({ hasText });
  await expect
    .poll(
      async () => {
        if ((await mail.count()) > 0) return true;
        await page.getByRole('button', { name: 'Refresh', exact: true }).click();
        return false;
      },
      { timeout: 25_000, interval: 1_000 },
    )
    .toBe(true);
  return mail;
}
