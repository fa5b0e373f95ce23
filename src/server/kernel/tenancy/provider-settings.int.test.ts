import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, seedWorld, startTestApp, type TestApp, type World } from '../../testing/harness.js';
import { DataCipher } from '../crypto.js';

let t: TestApp;
let world: World;
let admin: Client;

beforeAll(async () => {
  t = await startTestApp();
  world = await seedWorld(t.db, new DataCipher(t.config.dataKey));
  admin = new Client(t.app);
  expect((await admin.signIn(world.users.provider_admin.email)).statusCode).toBe(200);
});
afterAll(() => t.close());

const fields = [
  'firstContactTargetMinutes',
  'lateCancellationHours',
  'lateCancellationChargePercent',
  'participantCancellationHours',
] as const;

describe('provider settings', () => {
  // The API tester found "", false and null stored as 0 and true as 1: a JSON body is not coerced.
  for (const field of fields) {
    for (const value of ['', false, null, true, '24', 1.5]) {
      it(`refuses ${field}: ${JSON.stringify(value)} with a 400 naming the field`, async () => {
        const before = (await admin.get('/api/provider/settings')).json();
        const res = await admin.patch('/api/provider/settings', { [field]: value });
        expect(res.statusCode).toBe(400);
        expect(res.json().error.fields.map((f: { path: string }) => f.path)).toContain(field);
        expect((await admin.get('/api/provider/settings')).json()).toEqual(before);
      });
    }
  }

  it('keeps each setting within its range and stores an integer in range', async () => {
    const outOfRange = {
      firstContactTargetMinutes: [14, 7 * 24 * 60 + 1],
      lateCancellationHours: [-1, 14 * 24 + 1],
      lateCancellationChargePercent: [-1, 101],
      participantCancellationHours: [-1, 14 * 24 + 1],
    };
    for (const [field, values] of Object.entries(outOfRange)) {
      for (const value of values) {
        const res = await admin.patch('/api/provider/settings', { [field]: value });
        expect(res.statusCode, `${field}=${value}`).toBe(400);
        expect(res.json().error.fields[0].path).toBe(field);
      }
    }
    const ok = await admin.patch('/api/provider/settings', { lateCancellationHours: 0, participantCancellationHours: 48 });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ lateCancellationHours: 0, participantCancellationHours: 48 });
  });

  it('refuses an empty patch', async () => {
    expect((await admin.patch('/api/provider/settings', {})).statusCode).toBe(400);
  });
});
