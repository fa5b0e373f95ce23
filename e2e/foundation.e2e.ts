// Browser journeys of the foundation (kernel) issue: first start, invitations, two-step
// verification, languages, password reset, audit log, phone layout, keyboard use.
// Every journey starts the built server on a fresh database and scans every page it visits
// with axe-core (serious and critical violations fail the journey).
import { expect } from 'vitest';
import {
  enrolTotp,
  expectHome,
  expectPath,
  followMailLink,
  heading,
  htmlLang,
  navigation,
  signInWithoutSecondFactor,
  signOut,
  submitSignIn,
  tableRows,
  verifyTotp,
} from './support/app.js';
import { expectNoSeriousA11yViolations } from './support/browser.js';
import { closeBrowserAfterAll, journey } from './support/journey.js';
import { demo } from './support/server.js';

closeBrowserAfterAll();

journey(
  'first start: the provider admin sets up two-step verification and invites a practitioner, who joins and signs in',
  async ({ server, page, openPage }) => {
    // A newcomer opens the address the server printed and is sent to sign in.
    const first = await page.goto(server.baseUrl);
    expect(first?.status(), `GET ${server.baseUrl}/ serves the web app`).toBe(200);
    await heading(page, 'Sign in').waitFor();
    expect(new URL(page.url()).pathname).toBe('/sign-in');
    await expectNoSeriousA11yViolations(page, 'sign-in');

    // The demo provider admin signs in for the first time and must set up a second factor.
    await page.getByLabel('E-mail', { exact: true }).fill(demo.admin.email);
    await page.getByLabel('Password', { exact: true }).fill(demo.password);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await enrolTotp(page, 'provider admin');
    await expectHome(page, demo.admin.name, 'Provider administrator');
    await expectNoSeriousA11yViolations(page, 'home (provider admin)');

    // Invitations admin page: invite a practitioner with a new e-mail address.
    const invitee = { email: 'paula.practitioner@example.test', name: 'Paula Practitioner', password: 'kettle orbit meadow 2026' };
    await navigation(page).getByRole('link', { name: 'Invitations', exact: true }).click();
    await expectPath(page, '/admin/invitations');
    await heading(page, 'Invitations').waitFor();
    await expectNoSeriousA11yViolations(page, 'invitations');
    await page.getByLabel('E-mail', { exact: true }).fill(invitee.email);
    await page.getByLabel('Role', { exact: true }).selectOption({ label: 'Practitioner' });
    await page.getByRole('button', { name: 'Send the invitation', exact: true }).click();
    await page.getByText(`An invitation was sent to ${invitee.email}.`).waitFor();
    await expect.poll(() => tableRows(page, 'invitations-table')).toEqual([expect.stringContaining(invitee.email)]);
    expect((await tableRows(page, 'invitations-table'))[0]).toContain('Practitioner');
    await expectNoSeriousA11yViolations(page, 'invitations (one pending)');

    // The invitee reads the mail (the development outbox) in their own browser and follows the link.
    const practitioner = await openPage();
    await followMailLink(practitioner, invitee.email, '/invitation');
    await heading(practitioner, 'Invitation').waitFor();
    await practitioner.getByText(`You have been invited to use Rinnalla at ${demo.providerName}.`).waitFor();
    await practitioner.getByRole('listitem').filter({ hasText: 'Role:' }).filter({ hasText: 'Practitioner' }).waitFor();
    await practitioner.getByRole('listitem').filter({ hasText: 'E-mail:' }).filter({ hasText: invitee.email }).waitFor();
    await expectNoSeriousA11yViolations(practitioner, 'invitation acceptance');
    await practitioner.getByLabel('Name', { exact: true }).fill(invitee.name);
    await practitioner.getByLabel('New password', { exact: true }).fill(invitee.password);
    await practitioner.getByLabel('Repeat the new password', { exact: true }).fill(invitee.password);
    await practitioner.getByRole('button', { name: 'Accept the invitation', exact: true }).click();

    // Practitioners are staff: a second factor before anything else.
    const { secret } = await enrolTotp(practitioner, 'practitioner');
    await expectHome(practitioner, invitee.name, 'Practitioner');
    await expectNoSeriousA11yViolations(practitioner, 'home (practitioner)');

    // Sign out, and back in with password and a code from the app.
    await signOut(practitioner);
    await submitSignIn(practitioner, invitee.email, invitee.password);
    await verifyTotp(practitioner, secret, 'practitioner');
    await expectHome(practitioner, invitee.name, 'Practitioner');
    // A practitioner has no administration pages in the navigation.
    await navigation(practitioner).getByRole('link', { name: 'Profile', exact: true }).waitFor();
    expect(await navigation(practitioner).getByRole('link', { name: 'Invitations', exact: true }).count()).toBe(0);

    // The admin sees the invitation used up and the practitioner among the members.
    await page.reload();
    await heading(page, 'Invitations').waitFor();
    await page.getByText('There are no pending invitations.', { exact: true }).waitFor();
    await navigation(page).getByRole('link', { name: 'Members', exact: true }).click();
    await heading(page, 'Members').waitFor();
    await expect.poll(async () => (await tableRows(page, 'members-table')).some((r) => r.includes(invitee.email))).toBe(true);
    expect(await page.getByLabel(`Role of ${invitee.name}`, { exact: true }).inputValue()).toBe('practitioner');
    await expectNoSeriousA11yViolations(page, 'members');

    // Every admin sees every grant: the invitation and the joining, by name, with who made them.
    await navigation(page).getByRole('link', { name: 'Security', exact: true }).click();
    await expectPath(page, '/admin/security');
    await heading(page, 'Security').waitFor();
    await expect.poll(async () => (await tableRows(page, 'security-holders')).some((r) => r.includes(invitee.email))).toBe(true);
    const grants = await tableRows(page, 'security-events');
    expect(grants.some((r) => r.includes('Invited as Practitioner') && r.includes(demo.admin.name))).toBe(true);
    expect(grants.some((r) => r.includes('Joined as Practitioner') && r.includes(invitee.name))).toBe(true);
    await expectNoSeriousA11yViolations(page, 'security');
    await page.screenshot({ path: '.test-artifacts/security-admin.png', fullPage: true });
  },
);

journey(
  'language: the sign-in page switches between English, Finnish, Swedish and Norwegian Bokmål; signed in, the choice is saved to the profile',
  async ({ page }) => {
    await page.goto('/sign-in');
    await heading(page, 'Sign in').waitFor();
    expect(await htmlLang(page)).toBe('en');
    const language = page.getByTestId('language-select');

    const languages = [
      { locale: 'fi', name: 'Suomi', title: 'Kirjaudu sisään', email: 'Sähköposti', password: 'Salasana', languageLabel: 'Kieli' },
      { locale: 'sv', name: 'Svenska', title: 'Logga in', email: 'E-post', password: 'Lösenord', languageLabel: 'Språk' },
      { locale: 'nb', name: 'Norsk bokmål', title: 'Logg inn', email: 'E-post', password: 'Passord', languageLabel: 'Språk' },
      { locale: 'en', name: 'English', title: 'Sign in', email: 'E-mail', password: 'Password', languageLabel: 'Language' },
    ];
    for (const l of languages) {
      await language.selectOption({ label: l.name });
      await heading(page, l.title).waitFor();
      await expect.poll(() => htmlLang(page)).toBe(l.locale);
      await expect.poll(() => page.title()).toBe(`${l.title} – Rinnalla`);
      await page.getByLabel(l.email, { exact: true }).waitFor();
      await page.getByLabel(l.password, { exact: true }).waitFor();
      await page.getByLabel(l.languageLabel, { exact: true }).waitFor();
      expect(await language.inputValue()).toBe(l.locale);
      await expectNoSeriousA11yViolations(page, `sign-in (${l.locale})`);
    }

    // Signed in (English so far), switching to Swedish changes the page and saves it to the profile.
    await signInWithoutSecondFactor(page, demo.participant.email, demo.password, demo.participant.name);
    const saved = page.waitForResponse((res) => res.url().endsWith('/api/me') && res.request().method() === 'PATCH');
    await language.selectOption({ label: 'Svenska' });
    expect((await saved).status()).toBe(200);
    await expect.poll(() => page.getByTestId('home-heading').textContent()).toBe(`Välkommen, ${demo.participant.name}`);
    expect(await htmlLang(page)).toBe('sv');
    await expectNoSeriousA11yViolations(page, 'home (participant, sv)');
    const me = await page.request.get('/api/me');
    expect(me.status()).toBe(200);
    expect((await me.json()).locale).toBe('sv');

    // The profile page says which language is in use.
    await navigation(page, 'Huvudmeny').getByRole('link', { name: 'Profil', exact: true }).click();
    await expectPath(page, '/profile');
    await heading(page, 'Profil').waitFor();
    await page.getByText(/^Svenska — /).waitFor();

    // A reload keeps it; so does a reload after the browser has forgotten its own memory of it
    // (the language then comes from the profile).
    await page.reload();
    await heading(page, 'Profil').waitFor();
    expect(await htmlLang(page)).toBe('sv');
    await page.evaluate(() => window.localStorage.clear());
    await page.reload();
    await heading(page, 'Profil').waitFor();
    await expect.poll(() => htmlLang(page)).toBe('sv');
    await page.getByText(/^Svenska — /).waitFor();
    expect(await language.inputValue()).toBe('sv');
    await expectNoSeriousA11yViolations(page, 'profile (participant, sv)');
  },
);

journey('password reset: from the sign-in page through the mailed link to signing in with the new password', async ({ page }) => {
  const newPassword = 'lantern pebble river 77';
  await page.goto('/sign-in');
  await heading(page, 'Sign in').waitFor();
  await page.getByRole('link', { name: 'Forgot password?', exact: true }).click();
  await expectPath(page, '/forgot-password');
  await heading(page, 'Forgot password').waitFor();
  await expectNoSeriousA11yViolations(page, 'forgot password');
  await page.getByLabel('E-mail', { exact: true }).fill(demo.participant.email);
  await page.getByRole('button', { name: 'Send the link', exact: true }).click();
  await page.getByText('Check your e-mail', { exact: true }).waitFor();
  await expectNoSeriousA11yViolations(page, 'forgot password (sent)');

  await followMailLink(page, demo.participant.email, '/reset-password');
  await heading(page, 'Set a new password').waitFor();
  await expectNoSeriousA11yViolations(page, 'reset password');
  await page.getByLabel('New password', { exact: true }).fill(newPassword);
  await page.getByLabel('Repeat the new password', { exact: true }).fill(newPassword);
  await page.getByRole('button', { name: 'Save the new password', exact: true }).click();
  await page.getByText('Your password has been changed. You can now sign in with it.').waitFor();
  await expectNoSeriousA11yViolations(page, 'reset password (done)');
  await page.getByRole('link', { name: 'Go to sign-in', exact: true }).click();
  await expectPath(page, '/sign-in');

  // The old password no longer works; the new one does.
  await submitSignIn(page, demo.participant.email, demo.password);
  await page.getByRole('alert').filter({ hasText: 'Wrong e-mail address or password' }).waitFor();
  await expectNoSeriousA11yViolations(page, 'sign-in (wrong password)');
  expect(new URL(page.url()).pathname).toBe('/sign-in');
  await signInWithoutSecondFactor(page, demo.participant.email, newPassword, demo.participant.name);
  await expectHome(page, demo.participant.name, 'Participant');
});

journey(
  'administration and audit log: members, organisations, profile; the audit page lists sign-ins and the invitation, filterable by action',
  async ({ page, openPage }) => {
    // Someone else signs in first (their sign-in belongs to the provider's trail too).
    const participant = await openPage();
    await signInWithoutSecondFactor(participant, demo.participant.email, demo.password, demo.participant.name);
    await expectNoSeriousA11yViolations(participant, 'home (participant)');

    await submitSignIn(page, demo.admin.email, demo.password);
    await enrolTotp(page, 'provider admin');
    await expectHome(page, demo.admin.name, 'Provider administrator');

    // Members.
    await navigation(page).getByRole('link', { name: 'Members', exact: true }).click();
    await heading(page, 'Members').waitFor();
    await expect.poll(async () => (await tableRows(page, 'members-table')).join('\n')).toContain(demo.practitioner.email);
    const members = (await tableRows(page, 'members-table')).join('\n');
    for (const person of [demo.admin, demo.participant]) expect(members).toContain(person.email);
    await expectNoSeriousA11yViolations(page, 'members');

    // Organisations.
    await navigation(page).getByRole('link', { name: 'Organisations', exact: true }).click();
    await heading(page, 'Organisations').waitFor();
    for (const name of demo.organisations) await page.getByTestId('organisations-table').getByText(name, { exact: true }).waitFor();
    await expectNoSeriousA11yViolations(page, 'organisations');

    // Profile: two-step verification is now on.
    await navigation(page).getByRole('link', { name: 'Profile', exact: true }).click();
    await heading(page, 'Profile').waitFor();
    await page.getByRole('region', { name: 'Two-step verification' }).getByText('On', { exact: true }).waitFor();
    await expectNoSeriousA11yViolations(page, 'profile (provider admin)');

    // An invitation for a participant of a client organisation.
    const invitee = 'olli.osallistuja@example.test';
    await navigation(page).getByRole('link', { name: 'Invitations', exact: true }).click();
    await heading(page, 'Invitations').waitFor();
    await page.getByLabel('E-mail', { exact: true }).fill(invitee);
    await page.getByLabel('Role', { exact: true }).selectOption({ label: 'Participant' });
    await page.getByLabel('Organisation', { exact: true }).selectOption({ label: demo.organisations[0] });
    await page.getByRole('button', { name: 'Send the invitation', exact: true }).click();
    await page.getByText(`An invitation was sent to ${invitee}.`).waitFor();

    // The audit log.
    await navigation(page).getByRole('link', { name: 'Audit log', exact: true }).click();
    await heading(page, 'Audit log').waitFor();
    const rows = () => tableRows(page, 'audit-table');
    const signInOf = (name: string) => (r: string) => r.includes('Signed in') && r.includes(name);
    await expect.poll(async () => (await rows()).some((r) => r.includes('Invitation sent') && r.includes(demo.admin.name))).toBe(true);
    const all = await rows();
    expect(all.some(signInOf(demo.admin.name)), 'the admin sign-in is listed').toBe(true);
    expect(all.some(signInOf(demo.participant.name)), 'the participant sign-in is listed').toBe(true);
    await expectNoSeriousA11yViolations(page, 'audit log');

    const action = page.getByLabel('Action', { exact: true });
    await action.selectOption({ label: 'Invitation sent' });
    await expect
      .poll(async () => {
        const filtered = await rows();
        return filtered.length > 0 && filtered.every((r) => r.includes('Invitation sent') && !r.includes('invitation.create'));
      })
      .toBe(true);
    expect(await rows()).toHaveLength(1);

    await action.selectOption({ label: 'Signed in' });
    await expect
      .poll(async () => {
        const filtered = await rows();
        return filtered.length > 0 && filtered.every((r) => r.includes('Signed in') && !r.includes('Failed sign-in'));
      })
      .toBe(true);
    const signIns = await rows();
    expect(signIns.some(signInOf(demo.admin.name))).toBe(true);
    expect(signIns.some(signInOf(demo.participant.name))).toBe(true);
    expect(signIns.some((r) => r.includes('Invitation sent'))).toBe(false);
    await expectNoSeriousA11yViolations(page, 'audit log (filtered)');
  },
);

journey(
  'phone (375×740): sign-in and home are usable; the navigation opens from the menu button',
  async ({ page }) => {
    const noSideways = () => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
    const inViewport = async (locator: ReturnType<typeof page.getByRole>) => {
      const box = await locator.boundingBox();
      return Boolean(box && box.width > 0 && box.x >= 0 && box.x + box.width <= 375 + 1);
    };

    await page.goto('/sign-in');
    await heading(page, 'Sign in').waitFor();
    expect(await noSideways(), 'no sideways scrolling on the sign-in page').toBe(true);
    for (const field of [page.getByLabel('E-mail', { exact: true }), page.getByLabel('Password', { exact: true })]) {
      expect(await inViewport(field)).toBe(true);
    }
    await expectNoSeriousA11yViolations(page, 'sign-in (phone)');
    await page.getByLabel('E-mail', { exact: true }).fill(demo.participant.email);
    await page.getByLabel('Password', { exact: true }).fill(demo.password);
    await page.getByRole('button', { name: 'Sign in', exact: true }).tap();
    await expectHome(page, demo.participant.name, 'Participant');
    expect(await noSideways(), 'no sideways scrolling on the home page').toBe(true);

    // The navigation is tucked away behind the menu button.
    const profileLink = navigation(page).getByRole('link', { name: 'Profile', exact: true });
    const menu = page.getByRole('button', { name: 'Open menu', exact: true });
    await menu.waitFor();
    expect(await menu.getAttribute('aria-expanded')).toBe('false');
    expect(await inViewport(profileLink), 'the navigation is closed').toBe(false);
    await expectNoSeriousA11yViolations(page, 'home (phone)');

    await menu.tap();
    const close = page.getByRole('button', { name: 'Close menu', exact: true });
    await close.waitFor();
    expect(await close.getAttribute('aria-expanded')).toBe('true');
    await expect.poll(() => inViewport(profileLink), { timeout: 5_000 }).toBe(true);
    await navigation(page).getByRole('button', { name: 'Sign out', exact: true }).waitFor();
    await expectNoSeriousA11yViolations(page, 'home (phone, menu open)');

    await profileLink.tap();
    await expectPath(page, '/profile');
    await heading(page, 'Profile').waitFor();
    await page.getByRole('button', { name: 'Open menu', exact: true }).waitFor();
    await expect.poll(() => inViewport(profileLink), { timeout: 5_000 }).toBe(false);
    expect(await noSideways(), 'no sideways scrolling on the profile page').toBe(true);
    await expectNoSeriousA11yViolations(page, 'profile (phone)');
  },
  { viewport: { width: 375, height: 740 }, mobile: true },
);

journey('keyboard: the sign-in form can be filled and submitted with the keyboard only', async ({ page }) => {
  const focused = (name: string) =>
    page.evaluate((label) => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return false;
      const labelled = (el as HTMLInputElement).labels?.[0]?.textContent?.trim();
      const text = el.getAttribute('aria-label') ?? labelled ?? el.textContent?.trim();
      return text === label;
    }, name);
  /** Press Tab until the element named `name` has focus (at most `limit` presses). */
  const tabTo = async (name: string, limit: number) => {
    for (let i = 0; i < limit; i++) {
      await page.keyboard.press('Tab');
      if (await focused(name)) return;
    }
    throw new Error(`"${name}" did not get the focus within ${limit} presses of Tab`);
  };

  await page.goto('/sign-in');
  await heading(page, 'Sign in').waitFor();
  await expectNoSeriousA11yViolations(page, 'sign-in (keyboard)');

  // The first stop is the skip link, shown when focused.
  await page.keyboard.press('Tab');
  expect(await focused('Skip to content')).toBe(true);
  const skipBox = await page.getByRole('link', { name: 'Skip to content' }).boundingBox();
  expect(skipBox && skipBox.y >= 0, 'the focused skip link is on screen').toBe(true);

  await tabTo('E-mail', 6);
  await page.keyboard.type(demo.participant.email);
  await page.keyboard.press('Tab');
  expect(await focused('Password'), 'Tab goes from the e-mail to the password').toBe(true);
  await page.keyboard.type(demo.password);
  await tabTo('Sign in', 4);
  await page.keyboard.press('Enter');
  await expectHome(page, demo.participant.name, 'Participant');
});
