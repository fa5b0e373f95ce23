// What management may see of answers: aggregates per closed month, only over groups large enough
// that no person can be singled out, and never in a shape that lets two overlapping groups be
// subtracted to reveal one person. Pure; the service feeds it rows the repository allowed.

export const MIN_GROUP_SIZE = 5;

export interface AnswerRow {
  /** `YYYY-MM` in the provider's zone. */
  month: string;
  processId: string;
  personId: string;
  score: number;
  band: string;
}

export interface MonthAggregate {
  month: string;
  shown: boolean;
  reason: 'too_few' | 'month_open' | null;
  respondents?: number;
  mean?: number;
  bandCounts?: Record<string, number>;
}

const people = (rows: readonly AnswerRow[]) => new Set(rows.map((r) => r.personId)).size;

function summarise(month: string, rows: readonly AnswerRow[]): MonthAggregate {
  const bandCounts: Record<string, number> = {};
  for (const r of rows) bandCounts[r.band] = (bandCounts[r.band] ?? 0) + 1;
  const mean = rows.reduce((a, r) => a + r.score, 0) / rows.length;
  return { month, shown: true, reason: null, respondents: people(rows), mean: Math.round(mean * 10) / 10, bandCounts };
}

function byMonth(rows: readonly AnswerRow[]): Map<string, AnswerRow[]> {
  const months = new Map<string, AnswerRow[]>();
  // push, never a copy per row: a client's view folds tens of thousands of answers.
  for (const r of rows) {
    const list = months.get(r.month);
    if (list) list.push(r);
    else months.set(r.month, [r]);
  }
  return months;
}

/**
 * Months of one group (a process): shown when the month has ended (`currentMonth` and later stay
 * closed, so a figure never changes after someone sees it: no differencing over time) and at
 * least `k` different people answered.
 */
export function aggregateGroup(rows: readonly AnswerRow[], currentMonth: string, k = MIN_GROUP_SIZE): MonthAggregate[] {
  return [...byMonth(rows)]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([month, monthRows]) => {
      if (month >= currentMonth) return { month, shown: false, reason: 'month_open' as const };
      if (people(monthRows) < k) return { month, shown: false, reason: 'too_few' as const };
      return summarise(month, monthRows);
    });
}

/**
 * Months of an organisation, whose processes can be asked for one by one too. The whole is shown
 * only when, besides having `k` people, what is left after subtracting the processes shown on
 * their own comes from nobody or from at least `k` people; otherwise "whole minus parts" would
 * reveal the few.
 */
export function aggregateOrganisation(rows: readonly AnswerRow[], currentMonth: string, k = MIN_GROUP_SIZE): MonthAggregate[] {
  return [...byMonth(rows)]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([month, monthRows]) => {
      if (month >= currentMonth) return { month, shown: false, reason: 'month_open' as const };
      if (people(monthRows) < k) return { month, shown: false, reason: 'too_few' as const };
      const byProcess = new Map<string, AnswerRow[]>();
      for (const r of monthRows) {
        const list = byProcess.get(r.processId);
        if (list) list.push(r);
        else byProcess.set(r.processId, [r]);
      }
      const residue = [...byProcess.values()].filter((p) => people(p) < k).flat();
      if (residue.length > 0 && people(residue) < k) return { month, shown: false, reason: 'too_few' as const };
      return summarise(month, monthRows);
    });
}
