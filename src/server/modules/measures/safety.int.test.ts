/**
 * Safety text by country on the respondent's result, through HTTP: the crisis lines and the
 * emergency sentence follow the provider's country in the respondent's language (issue 9: a
 * Finnish provider's page in Norwegian listed 112 and MIELI and then said "Ring 113"), and the
 * result is in plain words in that language.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FixedClock } from '../../kernel/clock.js';
import { DataCipher } from '../../kernel/crypto.js';
import type { Locale } from '../../kernel/i18n/i18n.js';
import { Client, seedWorld, startTestApp, type TestApp, testPassword, testTotpSecret, type World } from '../../testing/harness.js';
import { type SupervisionWorld, seedSupervision } from '../../testing/supervision.js';
import { crisisLines, emergencySentence } from './logic/guidance.js';
import { nextSteps, respondentBandTexts } from './logic/respondent-result.js';
import type { Country } from './logic/roi.js';

const clock = new FixedClock(new Date('2026-11-10T09:00:00Z'));
let t: TestApp;
let world: World;
let sup: SupervisionWorld;
let tokens: string[] = [];
const anonymous = () => new Client(t.app);
const tokenIn = (text: string) => /\/r\/([A-Za-z0-9_-]{20,})/.exec(text)?.[1] ?? null;

beforeAll(async () => {
  t = await startTestApp({ clock, config: { logLevel: 'error' } });
  const cipher = new DataCipher(t.config.dataKey);
  world = await seedWorld(t.db, cipher);
  sup = await seedSupervision(t.db, world, cipher);
  const practitioner = new Client(t.app);
  expect((await practitioner.signIn(world.users.practitioner.email, testPassword, testTotpSecret, clock)).statusCode).toBe(200);
  const seen = (await t.deliverMail()).length;
  const sent = await practitioner.request('POST', `/api/processes/${sup.processId}/checkins`, { instrumentKey: 'phq9' });
  expect(sent.statusCode, sent.body).toBe(201);
  tokens = (await t.deliverMail())
    .slice(seen)
    .map((m) => tokenIn(m.text))
    .filter((x): x is string => !!x);
  expect(tokens.length).toBeGreaterThanOrEqual(3);
});
afterAll(() => t.close());

// Item 9 answered "several days": guidance and the crisis lines, whatever the band.
const answers = { i1: 0, i2: 0, i3: 0, i4: 0, i5: 0, i6: 0, i7: 0, i8: 0, i9: 1 };
const cases: { country: Country; locale: Locale; never: RegExp }[] = [
  { country: 'FI', locale: 'nb', never: /\b(113|1177|90101|116 123)\b/ },
  { country: 'SE', locale: 'sv', never: /\b(113|09 2525|116 123)\b/ },
  { country: 'NO', locale: 'fi', never: /\b(1177|90101|09 2525)\b/ },
];

describe("the respondent's result follows the provider's country", () => {
  cases.forEach(({ country, locale, never }, i) => {
    it(`${country}, answered in ${locale}: the country's lines and emergency sentence, plain words in ${locale}`, async () => {
      await t.db.kysely.updateTable('providers').set({ country }).where('id', '=', world.providerId).execute();
      const res = await anonymous().request('POST', `/api/respond/${tokens[i]}`, { answers, locale });
      expect(res.statusCode, res.body).toBe(200);
      const { result } = res.json();
      expect(result.guidance.show).toBe(true);
      expect(result.guidance.emergency).toBe(emergencySentence(country, locale));
      expect(result.guidance.crisisLines).toEqual(crisisLines(country, locale));
      expect(JSON.stringify(result.guidance)).not.toMatch(never);
      // Plain words in the respondent's language, not the clinician's English.
      expect(result.band).toMatchObject({ id: 'minimal', label: respondentBandTexts.phq9?.minimal?.[locale].title });
      expect(result.explanation).toBe(respondentBandTexts.phq9?.minimal?.[locale].body);
      expect(result.nextSteps).toContain(nextSteps.help[locale]);
      expect(JSON.stringify(result)).not.toMatch(/depressive|self-harm|Emergency number/);
    });
  });
});
