import { describe, expect, it } from 'vitest';
import { defaultSickDayCost, roiScenario } from './roi.js';

describe('roiScenario', () => {
  it('returns the inputs alongside the break-even days', () => {
    expect(roiScenario(72_000, 36_000)).toEqual({ supportCostCents: 72_000, sickDayCostCents: 36_000, breakEvenDays: 2 });
  });

  it('keeps an exact one-decimal break-even as it is', () => {
    expect(roiScenario(39_600, 36_000).breakEvenDays).toBe(1.1);
    expect(roiScenario(54_000, 36_000).breakEvenDays).toBe(1.5);
    expect(roiScenario(30, 100).breakEvenDays).toBe(0.3);
    expect(roiScenario(70, 100).breakEvenDays).toBe(0.7);
  });

  it('rounds up (never down) to one decimal', () => {
    expect(roiScenario(100_000, 36_000).breakEvenDays).toBe(2.8); // 2.777…
    expect(roiScenario(36_001, 36_000).breakEvenDays).toBe(1.1); // just over 1
    expect(roiScenario(120_000, 36_000).breakEvenDays).toBe(3.4); // 3.333…
    expect(roiScenario(1, 36_000).breakEvenDays).toBe(0.1);
    expect(roiScenario(1_000_000, 290_000).breakEvenDays).toBe(3.5); // 3.448…
  });

  it('never reports fewer days than the true break-even, and at most 0.1 more', () => {
    for (const day of [36_000, 290_000, 12_345, 999]) {
      for (let cost = 0; cost <= 2_000_000; cost += 9_973) {
        const { breakEvenDays } = roiScenario(cost, day);
        const exact = cost / day;
        expect(breakEvenDays * day).toBeGreaterThanOrEqual(cost - 1e-6);
        expect(breakEvenDays - exact).toBeLessThan(0.1 + 1e-9);
        expect(Math.round(breakEvenDays * 10)).toBeCloseTo(breakEvenDays * 10, 9);
      }
    }
  });

  it('is 0 days for support that costs nothing', () => {
    expect(roiScenario(0, 36_000).breakEvenDays).toBe(0);
  });

  it('refuses a sick day that costs nothing (or less)', () => {
    expect(() => roiScenario(100_000, 0)).toThrow('a sick day must cost something');
    expect(() => roiScenario(100_000, -1)).toThrow();
  });

  it('works with the country defaults', () => {
    expect(roiScenario(360_000, defaultSickDayCost.FI.cents!).breakEvenDays).toBe(10);
    expect(roiScenario(2_900_000, defaultSickDayCost.NO.cents!).breakEvenDays).toBe(10);
  });
});

describe('defaultSickDayCost', () => {
  it('is 360 EUR in Finland', () => {
    expect(defaultSickDayCost.FI).toMatchObject({ cents: 36_000, currency: 'EUR' });
  });

  it('is 2,900 NOK in Norway', () => {
    expect(defaultSickDayCost.NO).toMatchObject({ cents: 290_000, currency: 'NOK' });
  });

  it('has no Swedish figure: the provider enters one, in SEK', () => {
    expect(defaultSickDayCost.SE).toMatchObject({ cents: null, currency: 'SEK' });
  });

  it('names a source for every country', () => {
    expect(Object.keys(defaultSickDayCost).sort()).toEqual(['FI', 'NO', 'SE']);
    for (const d of Object.values(defaultSickDayCost)) expect(d.source.length).toBeGreaterThan(0);
  });
});
