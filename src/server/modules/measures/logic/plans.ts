// When a check-in plan tied to a process is due: a pure function of the plan, the process and its
// meetings, so the job that sends check-ins only stores and mails what this decides.
import type { CheckinTrigger } from '../../../kernel/db/schema.js';

export interface PlanInput {
  trigger: CheckinTrigger;
  everyN: number | null;
  offsetDays: number | null;
  createdAt: Date;
}

export interface ProcessFacts {
  crisisEventAt: Date | null;
  /** The agreed start, at the start of its day in the provider's zone. */
  startAt: Date | null;
  createdAt: Date;
  /** When the process became completed, if it has. */
  completedAt: Date | null;
}

export interface MeetingFacts {
  id: string;
  startsAt: Date;
  status: 'planned' | 'held' | 'cancelled';
}

export interface Occurrence {
  /** Stable per plan and person, so a plan never sends the same occurrence twice. */
  anchor: string;
  dueAt: Date;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** Sent this long before a meeting, so the answer is there when the meeting starts. */
export const BEFORE_MEETING_MS = 24 * HOUR;
/** Sent this long before the first meeting ("before the first session"). */
export const BEFORE_FIRST_MS = 3 * DAY;
/** An offset check-in whose day passed more than this before the plan existed is not sent late. */
export const LATE_GRACE_MS = 7 * DAY;

/**
 * The occurrences of a plan, each due at its time (or at once when its moment has come but not
 * passed: a meeting still ahead, an offset within the grace). Occurrences whose moment passed
 * before the plan existed are not invented after the fact.
 */
export function planOccurrences(plan: PlanInput, process: ProcessFacts, meetings: readonly MeetingFacts[]): Occurrence[] {
  const created = plan.createdAt.getTime();
  const live = meetings.filter((m) => m.status !== 'cancelled').sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  const beforeMeeting = (m: MeetingFacts, lead: number, anchor: string): Occurrence | null => {
    if (m.startsAt.getTime() <= created) return null;
    return { anchor, dueAt: new Date(Math.max(created, m.startsAt.getTime() - lead)) };
  };
  switch (plan.trigger) {
    case 'before_first': {
      const first = live[0];
      const o = first ? beforeMeeting(first, BEFORE_FIRST_MS, 'before_first') : null;
      return o ? [o] : [];
    }
    case 'each_meeting':
      return live.flatMap((m) => beforeMeeting(m, BEFORE_MEETING_MS, `meeting:${m.id}`) ?? []);
    case 'every_nth': {
      const n = plan.everyN ?? 2;
      return live.flatMap((m, i) => ((i + 1) % n === 0 ? (beforeMeeting(m, BEFORE_MEETING_MS, `meeting:${m.id}`) ?? []) : []));
    }
    case 'offset_days': {
      const from = process.crisisEventAt ?? process.startAt ?? process.createdAt;
      const due = from.getTime() + (plan.offsetDays ?? 0) * DAY;
      if (due < created - LATE_GRACE_MS) return [];
      return [{ anchor: `offset:${plan.offsetDays ?? 0}`, dueAt: new Date(Math.max(due, created)) }];
    }
    case 'at_end': {
      if (!process.completedAt || process.completedAt.getTime() < created) return [];
      return [{ anchor: 'end', dueAt: process.completedAt }];
    }
  }
}

export interface ProtocolStep {
  instrumentKey: string;
  trigger: CheckinTrigger;
  offsetDays?: number;
}

/**
 * The crisis follow-up protocol of INSTRUMENTS.md: a short well-being check-in around day 3 and at
 * each crisis meeting; a trauma screen about 4 weeks after the event and again at about 3 months.
 */
export function crisisProtocol(traumaScreen: 'pcptsd5' | 'tsq' = 'pcptsd5'): ProtocolStep[] {
  return [
    { instrumentKey: 'who5', trigger: 'offset_days', offsetDays: 3 },
    { instrumentKey: 'who5', trigger: 'each_meeting' },
    { instrumentKey: traumaScreen, trigger: 'offset_days', offsetDays: 28 },
    { instrumentKey: traumaScreen, trigger: 'offset_days', offsetDays: 90 },
  ];
}

/** Whether an earlier administration is too recent for another (the instrument's minimum interval). */
export function tooSoon(lastAt: Date | null, dueAt: Date, minIntervalDays: number): boolean {
  if (!lastAt || minIntervalDays <= 0) return false;
  return dueAt.getTime() - lastAt.getTime() < minIntervalDays * DAY - HOUR;
}
