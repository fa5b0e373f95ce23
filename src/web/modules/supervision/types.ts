/** Types of the supervision HTTP API (docs/api-supervision.md, modules `processes` and `scheduling`). */

export const PROCESS_KINDS = ['individual', 'group', 'work_community', 'leader', 'crisis_individual', 'crisis_group'] as const;
export type ProcessKind = (typeof PROCESS_KINDS)[number];
export const CONTINUE_KINDS = ['individual', 'group', 'work_community'] as const;
export type ContinueKind = (typeof CONTINUE_KINDS)[number];

export const CADENCES = ['crisis', 'weekly', 'biweekly', 'monthly'] as const;
export type Cadence = (typeof CADENCES)[number];

export const PLACES = ['on_site', 'office', 'video'] as const;
export type Place = (typeof PLACES)[number];

export const PROCESS_STATUSES = ['proposed', 'agreed', 'active', 'paused', 'completed', 'cancelled'] as const;
export type ProcessStatus = (typeof PROCESS_STATUSES)[number];

/** Allowed status transitions (docs/api-supervision.md). */
export const TRANSITIONS: Record<ProcessStatus, ProcessStatus[]> = {
  proposed: ['agreed', 'cancelled'],
  agreed: ['active', 'cancelled'],
  active: ['paused', 'completed', 'cancelled'],
  paused: ['active', 'completed', 'cancelled'],
  completed: [],
  cancelled: [],
};

export type MeetingStatus = 'planned' | 'held' | 'cancelled';
export type AttendanceStatus = 'invited' | 'present' | 'absent' | 'cancelled';

export const LANGUAGES = ['fi', 'sv', 'nb', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export interface Service {
  id: string;
  kind: ProcessKind;
  name: string;
  defaultMinutes: number;
  defaultCadence: Cadence;
  defaultPlace: Place;
  priceCents: number;
  currency: string;
  active: boolean;
}

export interface Person {
  id: string;
  organisationId: string;
  name: string;
  email: string | null;
  phone: string | null;
  locale: Language | null;
  unitId: string | null;
}

export interface ProcessSummary {
  id: string;
  title: string;
  kind: ProcessKind;
  status: ProcessStatus;
  organisationId: string;
  organisationName: string;
  serviceName: string;
  cadence: Cadence;
  practitionerNames: string[];
  participantCount: number;
  nextMeetingAt: string | null;
  lastMeetingAt: string | null;
  continuedFromId: string | null;
}

export interface Goal {
  id: string;
  title: string;
  closedAt: string | null;
}

export interface WhatWorksItem {
  id: string;
  text: string;
  meetingId: string | null;
  createdAt: string;
}

export interface HistoryEntry {
  fromStatus: ProcessStatus | null;
  toStatus: ProcessStatus;
  reason: string | null;
  at: string;
  byName: string | null;
}

export interface MeetingRef {
  id: string;
  startsAt: string;
  endsAt: string;
  status: MeetingStatus;
}

export interface ProcessDetail extends ProcessSummary {
  serviceId: string;
  sessionMinutes: number;
  place: Place;
  location: string | null;
  videoLink: string | null;
  priceCents: number;
  currency: string;
  agreedSessions: number | null;
  language: Language;
  startDate: string | null;
  reviewDate: string | null;
  crisisEventAt: string | null;
  requestId: string | null;
  practitioners: { userId: string; name: string; email: string | null }[];
  participants: { personId: string; name: string; email: string | null }[];
  goals: Goal[];
  whatWorks?: WhatWorksItem[];
  history?: HistoryEntry[];
  continuedAsId: string | null;
  meetings?: MeetingRef[];
}

export interface ScalingPoint {
  meetingId: string;
  startsAt: string;
  personId: string | null;
  value: number;
}

export interface Scaling {
  goals: { goalId: string; title: string; points: ScalingPoint[] }[];
}

export interface Invoicing {
  organisation: { id: string; name: string } | string;
  month: string;
  currency: string;
  rows: {
    meetingId: string;
    date: string;
    processTitle: string;
    serviceName: string;
    status: MeetingStatus;
    lateCancellation: boolean;
    priceCents: number;
    chargedCents: number;
  }[];
  totalCents: number;
}

export interface WeeklyHours {
  weekday: number;
  start: string;
  end: string;
}

export interface Absence {
  id: string;
  startsAt: string;
  endsAt: string;
  note: string | null;
}

export interface Availability {
  timeZone: string;
  weekly: WeeklyHours[];
  absences: Absence[];
}

export type ProposalReason = 'first-asap' | 'acute-phase' | 'lengthened' | 'regular';

export type ShiftReason = 'holiday' | 'unavailable' | 'busy' | 'absence';

export interface Proposal {
  startsAt: string;
  endsAt: string;
  reason: ProposalReason | string;
  /** YYYY-MM-DD the rule aimed at. */
  target?: string;
  shiftedBecause?: (ShiftReason | string)[];
  /** No slot fitted the wanted window; the practitioner should check it. */
  late?: boolean;
}

export interface Plan {
  timeZone: string;
  proposals: Proposal[];
}

export interface CalendarItem {
  id: string;
  processId: string;
  processTitle: string;
  organisationName: string;
  startsAt: string;
  endsAt: string;
  timeZone: string;
  place: Place;
  location: string | null;
  videoLink: string | null;
  status: MeetingStatus;
  participantCount: number;
}

export interface Meeting extends CalendarItem {
  attendance?: { personId: string; name: string; status: AttendanceStatus }[];
  summary?: string | null;
  hasMyNote?: boolean;
  scaling?: { goalId: string; personId: string | null; value: number }[];
  cancelReason: string | null;
  lateCancellation: boolean;
  canCancel: boolean;
}

export interface Note {
  text: string;
  updatedAt: string | null;
}

export interface MailAttachment {
  filename: string;
  contentType: string;
  content: string;
}

export function isCrisis(process: { kind: string; cadence: string }): boolean {
  return process.kind.startsWith('crisis') || process.cadence === 'crisis';
}
