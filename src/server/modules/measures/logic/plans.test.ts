import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import type { CheckinTrigger } from '../../../kernel/db/schema.js';
import {
  BEFORE_FIRST_MS,
  BEFORE_MEETING_MS,
  crisisProtocol,
  LATE_GRACE_MS,
  type MeetingFacts,
  type PlanInput,
  type ProcessFacts,
  planOccurrences,
  tooSoon,
} from './plans.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const HEL = 'Europe/Helsinki';

const t = (iso: string) => new Date(iso);
const plus = (d: Date, ms: number) => new Date(d.getTime() + ms);
const helsinki = (local: string) => DateTime.fromFormat(local, 'yyyy-MM-dd HH:mm', { zone: HEL }).toJSDate();
const localOf = (d: Date) => DateTime.fromJSDate(d, { zone: HEL }).toFormat('yyyy-MM-dd HH:mm');

const CREATED = t('2026-02-01T08:00:00Z');

const plan = (trigger: CheckinTrigger, over: Partial<PlanInput> = {}): PlanInput => ({
  trigger,
  everyN: null,
  offsetDays: null,
  createdAt: CREATED,
  ...over,
});

const proc = (over: Partial<ProcessFacts> = {}): ProcessFacts => ({
  crisisEventAt: null,
  startAt: null,
  createdAt: t('2026-01-20T10:00:00Z'),
  completedAt: null,
  ...over,
});

const meeting = (id: string, startsAt: string | Date, status: MeetingFacts['status'] = 'planned'): MeetingFacts => ({
  id,
  startsAt: typeof startsAt === 'string' ? t(startsAt) : startsAt,
  status,
});

/** Ten weekly meetings, all after CREATED, at 10:00 UTC on Mondays from 2026-02-09. */
const weekly = (count = 10): MeetingFacts[] =>
  Array.from({ length: count }, (_, i) => meeting(`m${i + 1}`, plus(t('2026-02-09T10:00:00Z'), i * 7 * DAY)));

describe('planOccurrences: before_first', () => {
  it('is due three days before the first live meeting', () => {
    const ms = weekly(3);
    const out = planOccurrences(plan('before_first'), proc(), ms);
    expect(out).toEqual([{ anchor: 'before_first', dueAt: t('2026-02-06T10:00:00Z') }]);
    expect(BEFORE_FIRST_MS).toBe(3 * DAY);
  });

  it('uses the earliest meeting even when meetings come unsorted', () => {
    const ms = [meeting('late', '2026-03-10T10:00:00Z'), meeting('early', '2026-02-20T10:00:00Z'), meeting('mid', '2026-03-01T10:00:00Z')];
    expect(planOccurrences(plan('before_first'), proc(), ms)).toEqual([{ anchor: 'before_first', dueAt: t('2026-02-17T10:00:00Z') }]);
  });

  it('does not mutate the meetings passed in', () => {
    const ms = [meeting('b', '2026-03-10T10:00:00Z'), meeting('a', '2026-02-20T10:00:00Z')];
    const copy = ms.map((m) => ({ ...m }));
    planOccurrences(plan('before_first'), proc(), ms);
    expect(ms).toEqual(copy);
  });

  it('skips a cancelled first meeting and uses the next live one', () => {
    const ms = [meeting('x', '2026-02-10T10:00:00Z', 'cancelled'), meeting('y', '2026-02-20T10:00:00Z')];
    expect(planOccurrences(plan('before_first'), proc(), ms)).toEqual([{ anchor: 'before_first', dueAt: t('2026-02-17T10:00:00Z') }]);
  });

  it('is nothing without meetings, or when every meeting is cancelled', () => {
    expect(planOccurrences(plan('before_first'), proc(), [])).toEqual([]);
    expect(planOccurrences(plan('before_first'), proc(), [meeting('x', '2026-02-10T10:00:00Z', 'cancelled')])).toEqual([]);
  });

  it('clamps to the plan creation when the first meeting is less than three days ahead', () => {
    const ms = [meeting('soon', plus(CREATED, DAY))];
    expect(planOccurrences(plan('before_first'), proc(), ms)).toEqual([{ anchor: 'before_first', dueAt: CREATED }]);
  });

  it('is nothing when the first meeting already started before the plan was created (not moved to a later meeting)', () => {
    const ms = [meeting('past', '2026-01-25T10:00:00Z', 'held'), meeting('next', '2026-02-20T10:00:00Z')];
    expect(planOccurrences(plan('before_first'), proc(), ms)).toEqual([]);
  });

  it('is nothing when the first meeting starts exactly at the plan creation', () => {
    expect(planOccurrences(plan('before_first'), proc(), [meeting('now', CREATED)])).toEqual([]);
  });

  it('is due at creation when the first meeting starts one millisecond after it', () => {
    expect(planOccurrences(plan('before_first'), proc(), [meeting('now', plus(CREATED, 1))])).toEqual([
      { anchor: 'before_first', dueAt: CREATED },
    ]);
  });
});

describe('planOccurrences: each_meeting', () => {
  it('is due 24 hours before every live meeting, in meeting order', () => {
    const ms = weekly(4);
    const out = planOccurrences(plan('each_meeting'), proc(), ms);
    expect(BEFORE_MEETING_MS).toBe(DAY);
    expect(out).toEqual(ms.map((m) => ({ anchor: `meeting:${m.id}`, dueAt: plus(m.startsAt, -DAY) })));
  });

  it('sorts meetings by start', () => {
    const ms = [meeting('c', '2026-03-01T10:00:00Z'), meeting('a', '2026-02-10T10:00:00Z'), meeting('b', '2026-02-20T10:00:00Z')];
    expect(planOccurrences(plan('each_meeting'), proc(), ms).map((o) => o.anchor)).toEqual(['meeting:a', 'meeting:b', 'meeting:c']);
  });

  it('ignores cancelled meetings but includes held and planned ones', () => {
    const ms = [
      meeting('a', '2026-02-10T10:00:00Z', 'held'),
      meeting('b', '2026-02-20T10:00:00Z', 'cancelled'),
      meeting('c', '2026-03-01T10:00:00Z', 'planned'),
    ];
    expect(planOccurrences(plan('each_meeting'), proc(), ms).map((o) => o.anchor)).toEqual(['meeting:a', 'meeting:c']);
  });

  it('skips meetings that started before (or exactly at) the plan creation', () => {
    const ms = [
      meeting('past', '2026-01-25T10:00:00Z', 'held'),
      meeting('atCreation', CREATED, 'held'),
      meeting('future', '2026-02-10T10:00:00Z'),
    ];
    expect(planOccurrences(plan('each_meeting'), proc(), ms)).toEqual([{ anchor: 'meeting:future', dueAt: t('2026-02-09T10:00:00Z') }]);
  });

  it('clamps the due time to the plan creation for a meeting less than 24 h ahead (never in the past)', () => {
    const ms = [meeting('soon', plus(CREATED, 2 * HOUR)), meeting('later', plus(CREATED, 3 * DAY))];
    const out = planOccurrences(plan('each_meeting'), proc(), ms);
    expect(out).toEqual([
      { anchor: 'meeting:soon', dueAt: CREATED },
      { anchor: 'meeting:later', dueAt: plus(CREATED, 2 * DAY) },
    ]);
  });

  it('is due exactly at creation when the meeting is exactly 24 h after creation', () => {
    expect(planOccurrences(plan('each_meeting'), proc(), [meeting('x', plus(CREATED, DAY))])).toEqual([
      { anchor: 'meeting:x', dueAt: CREATED },
    ]);
  });

  it('is nothing without meetings', () => {
    expect(planOccurrences(plan('each_meeting'), proc(), [])).toEqual([]);
  });
});

describe('planOccurrences: every_nth', () => {
  it('with n = 2 takes the 2nd, 4th, 6th … live meeting', () => {
    const ms = weekly(7);
    const out = planOccurrences(plan('every_nth', { everyN: 2 }), proc(), ms);
    expect(out.map((o) => o.anchor)).toEqual(['meeting:m2', 'meeting:m4', 'meeting:m6']);
    expect(out[0]!.dueAt).toEqual(plus(ms[1]!.startsAt, -DAY));
  });

  it('with n = 3 takes the 3rd, 6th, 9th … live meeting', () => {
    const out = planOccurrences(plan('every_nth', { everyN: 3 }), proc(), weekly(10));
    expect(out.map((o) => o.anchor)).toEqual(['meeting:m3', 'meeting:m6', 'meeting:m9']);
    for (const o of out) {
      const m = weekly(10).find((x) => `meeting:${x.id}` === o.anchor)!;
      expect(o.dueAt.getTime()).toBe(m.startsAt.getTime() - BEFORE_MEETING_MS);
    }
  });

  it('defaults to every second meeting when n is not set', () => {
    const out = planOccurrences(plan('every_nth', { everyN: null }), proc(), weekly(4));
    expect(out.map((o) => o.anchor)).toEqual(['meeting:m2', 'meeting:m4']);
  });

  it('counts only live meetings: a cancelled meeting does not take a place in the count', () => {
    const ms = weekly(5);
    ms[1] = { ...ms[1]!, status: 'cancelled' };
    // live: m1, m3, m4, m5 → 2nd and 4th live are m3 and m5
    const out = planOccurrences(plan('every_nth', { everyN: 2 }), proc(), ms);
    expect(out.map((o) => o.anchor)).toEqual(['meeting:m3', 'meeting:m5']);
  });

  it('counts meetings held before the plan existed but does not send for them', () => {
    const ms = [
      meeting('p1', '2026-01-10T10:00:00Z', 'held'),
      meeting('p2', '2026-01-20T10:00:00Z', 'held'),
      meeting('f3', '2026-02-10T10:00:00Z'),
      meeting('f4', '2026-02-20T10:00:00Z'),
    ];
    const out = planOccurrences(plan('every_nth', { everyN: 2 }), proc(), ms);
    expect(out).toEqual([{ anchor: 'meeting:f4', dueAt: t('2026-02-19T10:00:00Z') }]);
  });

  it('sorts before counting', () => {
    const ms = weekly(4).reverse();
    expect(planOccurrences(plan('every_nth', { everyN: 2 }), proc(), ms).map((o) => o.anchor)).toEqual(['meeting:m2', 'meeting:m4']);
  });

  it('clamps to creation like each_meeting', () => {
    const ms = [meeting('a', plus(CREATED, HOUR)), meeting('b', plus(CREATED, 2 * HOUR))];
    expect(planOccurrences(plan('every_nth', { everyN: 2 }), proc(), ms)).toEqual([{ anchor: 'meeting:b', dueAt: CREATED }]);
  });

  it('is nothing with fewer than n live meetings', () => {
    expect(planOccurrences(plan('every_nth', { everyN: 3 }), proc(), weekly(2))).toEqual([]);
  });
});

describe('planOccurrences: offset_days', () => {
  const crisis = t('2026-01-28T12:00:00Z');
  const start = t('2026-01-30T00:00:00Z');
  const created = t('2026-01-26T09:00:00Z');

  it('counts from the crisis event when there is one', () => {
    const out = planOccurrences(
      plan('offset_days', { offsetDays: 28 }),
      proc({ crisisEventAt: crisis, startAt: start, createdAt: created }),
      [],
    );
    expect(out).toEqual([{ anchor: 'offset:28', dueAt: plus(crisis, 28 * DAY) }]);
  });

  it('counts from the agreed start when there is no crisis event', () => {
    const out = planOccurrences(plan('offset_days', { offsetDays: 3 }), proc({ startAt: start, createdAt: created }), []);
    expect(out).toEqual([{ anchor: 'offset:3', dueAt: plus(start, 3 * DAY) }]);
  });

  it('counts from the process creation when there is neither', () => {
    const out = planOccurrences(plan('offset_days', { offsetDays: 14 }), proc({ createdAt: created }), []);
    expect(out).toEqual([{ anchor: 'offset:14', dueAt: plus(created, 14 * DAY) }]);
  });

  it('treats a missing offset as day 0 (due at once, clamped to creation)', () => {
    const out = planOccurrences(plan('offset_days', { offsetDays: null }), proc({ crisisEventAt: crisis }), []);
    expect(out).toEqual([{ anchor: 'offset:0', dueAt: CREATED }]);
  });

  it('ignores meetings entirely', () => {
    const p = proc({ crisisEventAt: crisis });
    expect(planOccurrences(plan('offset_days', { offsetDays: 28 }), p, weekly(5))).toEqual(
      planOccurrences(plan('offset_days', { offsetDays: 28 }), p, []),
    );
  });

  it('clamps a due day that passed (within grace) to the plan creation', () => {
    // crisis 2026-01-28 12:00 + 3 days = 2026-01-31 12:00, before CREATED 2026-02-01 08:00
    const out = planOccurrences(plan('offset_days', { offsetDays: 3 }), proc({ crisisEventAt: crisis }), []);
    expect(out).toEqual([{ anchor: 'offset:3', dueAt: CREATED }]);
  });

  describe('the 7-day late grace', () => {
    it('is seven days', () => {
      expect(LATE_GRACE_MS).toBe(7 * DAY);
    });
    // The day falls due at crisis + 3 days; vary the plan creation around due + 7 days.
    const due = plus(crisis, 3 * DAY);
    const p = proc({ crisisEventAt: crisis });

    it('sends late (at creation) when the plan is created exactly 7 days after the due moment', () => {
      const createdAt = plus(due, LATE_GRACE_MS);
      expect(planOccurrences(plan('offset_days', { offsetDays: 3, createdAt }), p, [])).toEqual([{ anchor: 'offset:3', dueAt: createdAt }]);
    });

    it('sends late when the plan is created one millisecond short of the grace', () => {
      const createdAt = plus(due, LATE_GRACE_MS - 1);
      expect(planOccurrences(plan('offset_days', { offsetDays: 3, createdAt }), p, [])).toEqual([{ anchor: 'offset:3', dueAt: createdAt }]);
    });

    it('does not send when the plan is created one millisecond past the grace', () => {
      const createdAt = plus(due, LATE_GRACE_MS + 1);
      expect(planOccurrences(plan('offset_days', { offsetDays: 3, createdAt }), p, [])).toEqual([]);
    });

    it('does not send when the plan is created an hour past the grace, but sends an hour inside it', () => {
      expect(planOccurrences(plan('offset_days', { offsetDays: 3, createdAt: plus(due, LATE_GRACE_MS + HOUR) }), p, [])).toEqual([]);
      expect(planOccurrences(plan('offset_days', { offsetDays: 3, createdAt: plus(due, LATE_GRACE_MS - HOUR) }), p, [])).toHaveLength(1);
    });

    it('is due at its own time when the plan exists before it', () => {
      const createdAt = plus(due, -HOUR);
      expect(planOccurrences(plan('offset_days', { offsetDays: 3, createdAt }), p, [])).toEqual([{ anchor: 'offset:3', dueAt: due }]);
    });

    it('is due at its own time when the plan is created exactly at it', () => {
      expect(planOccurrences(plan('offset_days', { offsetDays: 3, createdAt: due }), p, [])).toEqual([{ anchor: 'offset:3', dueAt: due }]);
    });
  });
});

describe('planOccurrences: at_end', () => {
  it('is nothing while the process is not completed', () => {
    expect(planOccurrences(plan('at_end'), proc(), weekly(3))).toEqual([]);
  });

  it('is due at completion when the process completed after the plan was created', () => {
    const completedAt = t('2026-04-01T12:00:00Z');
    expect(planOccurrences(plan('at_end'), proc({ completedAt }), [])).toEqual([{ anchor: 'end', dueAt: completedAt }]);
  });

  it('is due at completion when completion and plan creation coincide', () => {
    expect(planOccurrences(plan('at_end'), proc({ completedAt: CREATED }), [])).toEqual([{ anchor: 'end', dueAt: CREATED }]);
  });

  it('is nothing when the process completed before the plan was created', () => {
    expect(planOccurrences(plan('at_end'), proc({ completedAt: plus(CREATED, -1) }), [])).toEqual([]);
    expect(planOccurrences(plan('at_end'), proc({ completedAt: t('2026-01-15T00:00:00Z') }), [])).toEqual([]);
  });
});

describe('planOccurrences: anchors', () => {
  const p = proc({ crisisEventAt: t('2026-02-05T00:00:00Z'), completedAt: t('2026-06-01T00:00:00Z') });
  const ms = [...weekly(8), meeting('gone', '2026-02-12T10:00:00Z', 'cancelled')];
  const plans: PlanInput[] = [
    plan('before_first'),
    plan('each_meeting'),
    plan('every_nth', { everyN: 2 }),
    plan('every_nth', { everyN: 3 }),
    plan('offset_days', { offsetDays: 3 }),
    plan('offset_days', { offsetDays: 90 }),
    plan('at_end'),
  ];

  it('are unique within every plan', () => {
    for (const pl of plans) {
      const anchors = planOccurrences(pl, p, ms).map((o) => o.anchor);
      expect(new Set(anchors).size).toBe(anchors.length);
    }
  });

  it('are stable: the same input gives the same anchors, whatever the order of meetings', () => {
    for (const pl of plans) {
      const a = planOccurrences(pl, p, ms);
      const b = planOccurrences(pl, p, [...ms].reverse());
      expect(b).toEqual(a);
    }
  });

  it('of a meeting do not change when another meeting is added or cancelled', () => {
    const before = planOccurrences(plan('each_meeting'), p, ms);
    const more = planOccurrences(plan('each_meeting'), p, [...ms, meeting('extra', '2026-05-01T10:00:00Z')]);
    for (const o of before) expect(more).toContainEqual(o);
    const fewer = planOccurrences(
      plan('each_meeting'),
      p,
      ms.map((m) => (m.id === 'm3' ? { ...m, status: 'cancelled' as const } : m)),
    );
    expect(fewer.map((o) => o.anchor)).not.toContain('meeting:m3');
    for (const o of fewer) expect(before).toContainEqual(o);
  });

  it('do not depend on the plan creation time once the occurrence is ahead of it', () => {
    const a = planOccurrences(plan('each_meeting', { createdAt: t('2026-01-01T00:00:00Z') }), p, ms);
    const b = planOccurrences(plan('each_meeting', { createdAt: t('2026-02-01T00:00:00Z') }), p, ms);
    expect(a).toEqual(b);
  });

  it('of offset plans name the offset', () => {
    expect(planOccurrences(plan('offset_days', { offsetDays: 90 }), p, [])[0]!.anchor).toBe('offset:90');
  });
});

describe('planOccurrences across a DST change (Europe/Helsinki)', () => {
  const created = t('2026-03-01T00:00:00Z');

  it('in spring (2026-03-29) the 24 h lead is 24 h of elapsed time, 23 h on the wall clock', () => {
    const m = meeting('spring', helsinki('2026-03-29 10:00'));
    const [o] = planOccurrences(plan('each_meeting', { createdAt: created }), proc(), [m]);
    expect(o!.dueAt.getTime()).toBe(m.startsAt.getTime() - 24 * HOUR);
    expect(localOf(o!.dueAt)).toBe('2026-03-28 09:00');
  });

  it('in autumn (2026-10-25) the 24 h lead is 24 h of elapsed time, 25 h on the wall clock', () => {
    const m = meeting('autumn', helsinki('2026-10-25 10:00'));
    const [o] = planOccurrences(plan('each_meeting', { createdAt: created }), proc(), [m]);
    expect(o!.dueAt.getTime()).toBe(m.startsAt.getTime() - 24 * HOUR);
    expect(localOf(o!.dueAt)).toBe('2026-10-24 11:00');
  });

  it('meetings on either side of the change keep exactly 24 h of lead', () => {
    const ms = [
      meeting('a', helsinki('2026-03-28 10:00')),
      meeting('b', helsinki('2026-03-30 10:00')),
      meeting('c', helsinki('2026-10-24 10:00')),
      meeting('d', helsinki('2026-10-26 10:00')),
    ];
    const out = planOccurrences(plan('each_meeting', { createdAt: created }), proc(), ms);
    expect(out).toHaveLength(4);
    out.forEach((o, i) => {
      expect(ms[i]!.startsAt.getTime() - o.dueAt.getTime()).toBe(24 * HOUR);
    });
    // Off the change day the wall clock agrees: 10:00 the day before.
    expect(localOf(out[1]!.dueAt)).toBe('2026-03-29 10:00');
    expect(localOf(out[3]!.dueAt)).toBe('2026-10-25 10:00');
  });

  it('before_first across spring forward is 72 h of elapsed time', () => {
    const m = meeting('first', helsinki('2026-03-30 10:00'));
    const [o] = planOccurrences(plan('before_first', { createdAt: created }), proc(), [m]);
    expect(m.startsAt.getTime() - o!.dueAt.getTime()).toBe(72 * HOUR);
    expect(localOf(o!.dueAt)).toBe('2026-03-27 09:00');
  });
});

describe('crisisProtocol', () => {
  it('asks who5 on day 3 and at each meeting, pcptsd5 on day 28 and day 90', () => {
    expect(crisisProtocol()).toEqual([
      { instrumentKey: 'who5', trigger: 'offset_days', offsetDays: 3 },
      { instrumentKey: 'who5', trigger: 'each_meeting' },
      { instrumentKey: 'pcptsd5', trigger: 'offset_days', offsetDays: 28 },
      { instrumentKey: 'pcptsd5', trigger: 'offset_days', offsetDays: 90 },
    ]);
  });

  it('defaults to pcptsd5 explicitly too', () => {
    expect(crisisProtocol('pcptsd5')).toEqual(crisisProtocol());
  });

  it('uses tsq as the trauma screen when asked, leaving who5 as it is', () => {
    expect(crisisProtocol('tsq')).toEqual([
      { instrumentKey: 'who5', trigger: 'offset_days', offsetDays: 3 },
      { instrumentKey: 'who5', trigger: 'each_meeting' },
      { instrumentKey: 'tsq', trigger: 'offset_days', offsetDays: 28 },
      { instrumentKey: 'tsq', trigger: 'offset_days', offsetDays: 90 },
    ]);
  });

  it('returns a fresh array each call', () => {
    const a = crisisProtocol();
    a.pop();
    expect(crisisProtocol()).toHaveLength(4);
  });

  it('plans made from it fall due on the right days after the crisis event', () => {
    const crisisEventAt = t('2026-02-02T00:00:00Z');
    const createdAt = t('2026-02-02T06:00:00Z');
    const dues = crisisProtocol()
      .filter((s) => s.trigger === 'offset_days')
      .map((s) => planOccurrences(plan(s.trigger, { offsetDays: s.offsetDays ?? null, createdAt }), proc({ crisisEventAt }), [])[0]!.dueAt);
    expect(dues).toEqual([plus(crisisEventAt, 3 * DAY), plus(crisisEventAt, 28 * DAY), plus(crisisEventAt, 90 * DAY)]);
  });
});

describe('tooSoon', () => {
  const last = t('2026-03-01T10:00:00Z');
  const min = 14;

  it('is never too soon without a previous administration', () => {
    expect(tooSoon(null, last, min)).toBe(false);
    expect(tooSoon(null, plus(last, -DAY), 365)).toBe(false);
  });

  it('is never too soon with a minimum interval of 0 days (or less)', () => {
    expect(tooSoon(last, last, 0)).toBe(false);
    expect(tooSoon(last, plus(last, 1), 0)).toBe(false);
    expect(tooSoon(last, last, -3)).toBe(false);
  });

  it('allows an hour of slack below the minimum interval', () => {
    const edge = plus(last, min * DAY - HOUR);
    expect(tooSoon(last, edge, min)).toBe(false);
    expect(tooSoon(last, plus(edge, -1), min)).toBe(true);
  });

  it('is too soon at the minimum interval minus more than an hour', () => {
    expect(tooSoon(last, plus(last, min * DAY - 2 * HOUR), min)).toBe(true);
    expect(tooSoon(last, plus(last, (min - 1) * DAY), min)).toBe(true);
    expect(tooSoon(last, last, min)).toBe(true);
  });

  it('is not too soon at the exact minimum interval or an hour after', () => {
    expect(tooSoon(last, plus(last, min * DAY), min)).toBe(false);
    expect(tooSoon(last, plus(last, min * DAY + HOUR), min)).toBe(false);
  });

  it('tolerates a DST shift: same local time 14 days later across spring forward is 13 d 23 h, not too soon', () => {
    const before = helsinki('2026-03-20 10:00');
    const after = helsinki('2026-04-03 10:00');
    expect(after.getTime() - before.getTime()).toBe(min * DAY - HOUR);
    expect(tooSoon(before, after, min)).toBe(false);
  });
});
