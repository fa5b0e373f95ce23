import { describe, expect, it } from 'vitest';
import { type AnswerRow, aggregateGroup, aggregateOrganisation, MIN_GROUP_SIZE, type MonthAggregate } from './aggregate.js';

const CURRENT = '2026-05';

const row = (month: string, processId: string, personId: string, score = 10, band = 'ok'): AnswerRow => ({
  month,
  processId,
  personId,
  score,
  band,
});

/** One answer each from `count` people `prefix1…prefixN` in a process and month. */
const answers = (month: string, processId: string, prefix: string, count: number, score = 10, band = 'ok'): AnswerRow[] =>
  Array.from({ length: count }, (_, i) => row(month, processId, `${prefix}${i + 1}`, score, band));

const distinct = (rows: readonly AnswerRow[]) => new Set(rows.map((r) => r.personId)).size;

describe('aggregateGroup', () => {
  it('keeps the minimum group size at 5', () => {
    expect(MIN_GROUP_SIZE).toBe(5);
  });

  it('is empty without rows', () => {
    expect(aggregateGroup([], CURRENT)).toEqual([]);
  });

  it('keeps the current month and later months closed, however many answered', () => {
    const rows = [...answers('2026-05', 'p', 'a', 20), ...answers('2026-07', 'p', 'b', 20), ...answers('2027-01', 'p', 'c', 20)];
    expect(aggregateGroup(rows, CURRENT)).toEqual([
      { month: '2026-05', shown: false, reason: 'month_open' },
      { month: '2026-07', shown: false, reason: 'month_open' },
      { month: '2027-01', shown: false, reason: 'month_open' },
    ]);
  });

  it('reports a closed month with 4 people as too_few, without any figures', () => {
    const [m] = aggregateGroup(answers('2026-04', 'p', 'a', 4), CURRENT);
    expect(m).toEqual({ month: '2026-04', shown: false, reason: 'too_few' });
    expect(m).not.toHaveProperty('mean');
    expect(m).not.toHaveProperty('respondents');
    expect(m).not.toHaveProperty('bandCounts');
  });

  it('shows a closed month with 5 people: respondents, mean and band counts', () => {
    const rows = [
      row('2026-04', 'p', 'a', 10, 'low'),
      row('2026-04', 'p', 'b', 12, 'low'),
      row('2026-04', 'p', 'c', 15, 'mid'),
      row('2026-04', 'p', 'd', 20, 'high'),
      row('2026-04', 'p', 'e', 21, 'high'),
    ];
    expect(aggregateGroup(rows, CURRENT)).toEqual([
      { month: '2026-04', shown: true, reason: null, respondents: 5, mean: 15.6, bandCounts: { low: 2, mid: 1, high: 2 } },
    ]);
  });

  it('rounds the mean to one decimal', () => {
    const mean = (scores: number[]) =>
      aggregateGroup(
        scores.map((s, i) => row('2026-01', 'p', `x${i}`, s)),
        CURRENT,
      )[0]!.mean;
    expect(mean([1, 1, 1, 1, 2, 2])).toBe(1.3); // 1.333…
    expect(mean([2, 2, 2, 2, 2, 3])).toBe(2.2); // 2.1666…
    expect(mean([1, 2, 2, 2, 2, 2])).toBe(1.8); // 1.8333…
    expect(mean([0, 0, 0, 0, 1])).toBe(0.2);
    expect(mean([7, 7, 7, 7, 7])).toBe(7);
  });

  it('counts a person answering twice in a month once for the threshold', () => {
    const rows = [...answers('2026-03', 'p', 'a', 4), row('2026-03', 'p', 'a1', 10)];
    expect(rows).toHaveLength(5);
    expect(aggregateGroup(rows, CURRENT)).toEqual([{ month: '2026-03', shown: false, reason: 'too_few' }]);
  });

  it('but counts both answers of a person in the mean and the band counts', () => {
    const rows = [
      row('2026-03', 'p', 'a', 0, 'low'),
      row('2026-03', 'p', 'a', 26, 'high'),
      row('2026-03', 'p', 'b', 10, 'mid'),
      row('2026-03', 'p', 'c', 10, 'mid'),
      row('2026-03', 'p', 'd', 10, 'mid'),
      row('2026-03', 'p', 'e', 10, 'mid'),
    ];
    // Mean over the six answers: 66 / 6 = 11 (per person it would be 8 or 13.2).
    expect(aggregateGroup(rows, CURRENT)).toEqual([
      { month: '2026-03', shown: true, reason: null, respondents: 5, mean: 11, bandCounts: { low: 1, high: 1, mid: 4 } },
    ]);
  });

  it('sorts months, whatever the order of rows, and treats each month separately', () => {
    const rows = [
      ...answers('2026-03', 'p', 'a', 5, 3),
      ...answers('2025-12', 'p', 'a', 2),
      ...answers('2026-01', 'p', 'a', 6, 5),
      ...answers('2026-06', 'p', 'a', 9),
      ...answers('2025-11', 'p', 'a', 5, 1),
    ].reverse();
    const out = aggregateGroup(rows, CURRENT);
    expect(out.map((m) => m.month)).toEqual(['2025-11', '2025-12', '2026-01', '2026-03', '2026-06']);
    expect(out.map((m) => m.reason)).toEqual([null, 'too_few', null, null, 'month_open']);
    expect(out.map((m) => m.mean)).toEqual([1, undefined, 5, 3, undefined]);
    expect(out.map((m) => m.respondents)).toEqual([5, undefined, 6, 5, undefined]);
  });

  it('sorts across a year boundary', () => {
    const out = aggregateGroup([...answers('2026-01', 'p', 'a', 5), ...answers('2025-12', 'p', 'a', 5)], CURRENT);
    expect(out.map((m) => m.month)).toEqual(['2025-12', '2026-01']);
  });

  it('honours a custom k', () => {
    const rows = answers('2026-01', 'p', 'a', 3);
    expect(aggregateGroup(rows, CURRENT, 3)[0]!.shown).toBe(true);
    expect(aggregateGroup(rows, CURRENT, 4)[0]!.reason).toBe('too_few');
  });
});

describe('aggregateOrganisation', () => {
  const M = '2026-02';
  const shown = (rows: AnswerRow[]): MonthAggregate => {
    const out = aggregateOrganisation(rows, CURRENT);
    expect(out).toHaveLength(1);
    return out[0]!;
  };

  it('keeps the current month open', () => {
    expect(aggregateOrganisation(answers(CURRENT, 'p', 'a', 12), CURRENT)).toEqual([
      { month: CURRENT, shown: false, reason: 'month_open' },
    ]);
  });

  it('is too_few under 5 people in all', () => {
    expect(shown([...answers(M, 'p1', 'a', 2), ...answers(M, 'p2', 'b', 2)])).toEqual({ month: M, shown: false, reason: 'too_few' });
  });

  it('shows a single process of 5 or more (nothing is left after subtracting it)', () => {
    expect(shown(answers(M, 'p1', 'a', 5))).toMatchObject({ shown: true, respondents: 5 });
  });

  it('does NOT show 6 + 1: the shown process subtracted from the whole reveals one person', () => {
    const rows = [...answers(M, 'big', 'a', 6, 10), row(M, 'small', 'z', 1)];
    expect(distinct(rows)).toBe(7);
    expect(shown(rows)).toEqual({ month: M, shown: false, reason: 'too_few' });
  });

  it('does NOT show 6 + 4', () => {
    expect(shown([...answers(M, 'big', 'a', 6), ...answers(M, 'small', 'b', 4)])).toMatchObject({ shown: false, reason: 'too_few' });
  });

  it('shows 6 + 5 (both processes are shown on their own too)', () => {
    const rows = [...answers(M, 'big', 'a', 6, 10, 'ok'), ...answers(M, 'other', 'b', 5, 21, 'high')];
    expect(shown(rows)).toEqual({ month: M, shown: true, reason: null, respondents: 11, mean: 15, bandCounts: { ok: 6, high: 5 } });
  });

  it('shows 6 + 2 + 3: the two small processes leave a residue of 5 different people', () => {
    const rows = [...answers(M, 'big', 'a', 6), ...answers(M, 's1', 'b', 2), ...answers(M, 's2', 'c', 3)];
    expect(shown(rows)).toMatchObject({ shown: true, reason: null, respondents: 11 });
  });

  it('does NOT show 6 + 2 + 2 + … when the residue people overlap to 3 different people', () => {
    const rows = [
      ...answers(M, 'big', 'a', 6),
      row(M, 's1', 'x'),
      row(M, 's1', 'y'),
      row(M, 's2', 'y'),
      row(M, 's2', 'z'),
      row(M, 's3', 'x'),
      row(M, 's3', 'z'),
    ];
    // Six residue answers, but only x, y and z gave them.
    expect(rows.filter((r) => r.processId !== 'big')).toHaveLength(6);
    expect(shown(rows)).toEqual({ month: M, shown: false, reason: 'too_few' });
  });

  it('does NOT show 6 + 2 + 2 where the two small processes share a person (3 different people)', () => {
    const rows = [...answers(M, 'big', 'a', 6), row(M, 's1', 'x'), row(M, 's1', 'y'), row(M, 's2', 'y'), row(M, 's2', 'z')];
    expect(shown(rows)).toEqual({ month: M, shown: false, reason: 'too_few' });
  });

  it('shows an organisation made only of small processes totalling 5 or more people', () => {
    const rows = [...answers(M, 's1', 'a', 2), ...answers(M, 's2', 'b', 2), ...answers(M, 's3', 'c', 1)];
    expect(shown(rows)).toMatchObject({ shown: true, respondents: 5 });
    for (const p of ['s1', 's2', 's3']) {
      expect(
        aggregateGroup(
          rows.filter((r) => r.processId === p),
          CURRENT,
        )[0]!.shown,
      ).toBe(false);
    }
  });

  it('does not show small processes totalling 4 people (too few in all)', () => {
    const rows = [...answers(M, 's1', 'a', 2), ...answers(M, 's2', 'b', 2)];
    expect(shown(rows)).toMatchObject({ shown: false, reason: 'too_few' });
  });

  it('counts a person in both a shown and a small process as part of the residue', () => {
    // Residue: small process answered by a1 (also in big) and four others → 5 people → shown.
    const rows = [...answers(M, 'big', 'a', 6), row(M, 'small', 'a1'), ...answers(M, 'small', 'b', 4)];
    expect(shown(rows)).toMatchObject({ shown: true, respondents: 10 });
    // Residue of only a1 plus three others → 4 → hidden.
    const fewer = [...answers(M, 'big', 'a', 6), row(M, 'small', 'a1'), ...answers(M, 'small', 'b', 3)];
    expect(shown(fewer)).toMatchObject({ shown: false, reason: 'too_few' });
  });

  it('decides month by month and sorts months', () => {
    const rows = [
      ...answers('2026-03', 'big', 'a', 6),
      row('2026-03', 'small', 'z'),
      ...answers('2026-01', 'big', 'a', 6),
      ...answers('2026-01', 'other', 'b', 5),
      ...answers('2026-05', 'big', 'a', 6),
    ];
    expect(aggregateOrganisation(rows, CURRENT).map((m) => [m.month, m.reason])).toEqual([
      ['2026-01', null],
      ['2026-03', 'too_few'],
      ['2026-05', 'month_open'],
    ]);
  });

  it('figures of a shown organisation month include every answer, those of small processes too', () => {
    const rows = [
      ...answers(M, 'big', 'a', 6, 10, 'ok'),
      ...answers(M, 's1', 'b', 2, 40, 'bad'),
      ...answers(M, 's2', 'c', 3, 40, 'bad'),
      row(M, 's2', 'c1', 40, 'bad'),
    ];
    // 6 × 10 + 6 × 40 = 300 over 12 answers
    expect(shown(rows)).toEqual({ month: M, shown: true, reason: null, respondents: 11, mean: 25, bandCounts: { ok: 6, bad: 6 } });
  });

  describe('property: the whole minus its shown parts never comes from 1–4 people', () => {
    /** mulberry32: a tiny seeded PRNG so failures reproduce. */
    const prng = (seed: number) => () => {
      seed = (seed + 0x6d2b79f5) | 0;
      let x = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
      return ((x ^ (x >>> 14)) >>> 0) / 4_294_967_296;
    };
    const months = ['2026-01', '2026-02', '2026-03', '2026-04', '2026-05'];

    const randomRows = (rand: () => number): AnswerRow[] => {
      const rows: AnswerRow[] = [];
      const processCount = 1 + Math.floor(rand() * 6);
      const pool = 4 + Math.floor(rand() * 20);
      for (let p = 0; p < processCount; p++) {
        // Process sizes straddling the threshold: mostly 0–8 people, some much larger.
        const size = rand() < 0.2 ? 5 + Math.floor(rand() * 10) : Math.floor(rand() * 9);
        for (const month of months) {
          if (rand() < 0.3) continue;
          for (let i = 0; i < size; i++) {
            if (rand() < 0.25) continue;
            // People drawn from a shared pool, so they overlap across processes.
            const person = `u${Math.floor(rand() * pool)}`;
            const answersHere = rand() < 0.15 ? 2 : 1;
            for (let a = 0; a < answersHere; a++) {
              const score = Math.floor(rand() * 26);
              rows.push({ month, processId: `p${p}`, personId: person, score, band: score < 13 ? 'low' : 'high' });
            }
          }
        }
      }
      return rows;
    };

    it('holds for 500 random organisations', () => {
      const rand = prng(20260501);
      let orgMonthsShown = 0;
      let withResidue = 0;
      let hiddenByResidue = 0;
      for (let run = 0; run < 500; run++) {
        const rows = randomRows(rand);
        const processIds = [...new Set(rows.map((r) => r.processId))];
        const shownProcessMonths = new Set<string>();
        for (const pid of processIds) {
          for (const m of aggregateGroup(
            rows.filter((r) => r.processId === pid),
            CURRENT,
          )) {
            if (m.shown) shownProcessMonths.add(`${pid}|${m.month}`);
          }
        }
        for (const org of aggregateOrganisation(rows, CURRENT)) {
          const monthRows = rows.filter((r) => r.month === org.month);
          const residue = monthRows.filter((r) => !shownProcessMonths.has(`${r.processId}|${r.month}`));
          const residuePeople = distinct(residue);
          if (org.shown) {
            orgMonthsShown++;
            if (residuePeople > 0) withResidue++;
            expect(
              residuePeople === 0 || residuePeople >= MIN_GROUP_SIZE,
              `run ${run} month ${org.month}: residue of ${residuePeople}`,
            ).toBe(true);
            expect(org.respondents).toBe(distinct(monthRows));
            expect(org.month < CURRENT).toBe(true);
          } else if (org.reason === 'too_few' && distinct(monthRows) >= MIN_GROUP_SIZE) {
            hiddenByResidue++;
            expect(residuePeople).toBeGreaterThan(0);
            expect(residuePeople).toBeLessThan(MIN_GROUP_SIZE);
          }
        }
      }
      // The generator must actually exercise every branch.
      expect(orgMonthsShown).toBeGreaterThan(50);
      expect(withResidue).toBeGreaterThan(10);
      expect(hiddenByResidue).toBeGreaterThan(10);
    });
  });
});
