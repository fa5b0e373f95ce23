import type { CalendarItem, Meeting, MeetingStatus } from '../../../../shared/scheduling.js';
import type { Repository } from '../../../kernel/access/repository.js';
import type { Place, ServiceKind } from '../../../kernel/db/schema.js';
import { notFound } from '../../../kernel/errors.js';
import type { MeetingForMail } from '../notify.js';
import type { MeetingRow, ProviderSettings } from '../queries.js';

// What the scheduling use cases share. Every use case works through the caller's repository
// (scoped, field-checked and audited there), writes in one transaction together with the mail it
// sends, and answers with what the route returns.

export const HOUR = 3600_000;
export const DAY = 24 * HOUR;

/** What the routes answer is the contract's (src/shared/scheduling.ts). */
export type MeetingOut = Meeting;

export interface Interval {
  startsAt: Date;
  endsAt: Date;
}

export const iso = (d: Date | string) => new Date(d).toISOString();
export const field = (path: string, message: string) => [{ path, message }];

/** Kysely types `Generated<Timestamp>` columns awkwardly for updates; a Date is what they take. */
export const stamp = <T>(at: Date) => at as unknown as T;

/** Group kinds: a participant who cancels withdraws from the meeting instead of cancelling it for everyone. */
export const groupKinds: ReadonlySet<ServiceKind> = new Set(['group', 'work_community', 'crisis_group']);
export const isCrisis = (p: { kind: ServiceKind; cadence: string }) => p.kind.startsWith('crisis') || p.cadence === 'crisis';
export const isClosed = (status: string) => status === 'completed' || status === 'cancelled';

export function userIdOf(repo: Repository): string {
  if (!repo.caller.userId) throw notFound();
  return repo.caller.userId;
}

export function provider(repo: Repository): Promise<ProviderSettings> {
  return repo.provider();
}

export function toItem(row: {
  id: string;
  process_id: string;
  process_title: string;
  organisation_name: string;
  starts_at: Date;
  ends_at: Date;
  time_zone: string;
  place: Place;
  location: string | null;
  video_link: string | null;
  status: MeetingStatus;
  participant_count: number | string | null;
}): CalendarItem {
  return {
    id: row.id,
    processId: row.process_id,
    processTitle: row.process_title,
    organisationName: row.organisation_name,
    startsAt: iso(row.starts_at),
    endsAt: iso(row.ends_at),
    timeZone: row.time_zone,
    place: row.place,
    location: row.location,
    videoLink: row.video_link,
    status: row.status,
    participantCount: Number(row.participant_count),
  };
}

export function forMail(row: MeetingRow, overrides: Partial<MeetingForMail> = {}): MeetingForMail {
  return {
    id: row.id,
    startsAt: new Date(row.starts_at),
    endsAt: new Date(row.ends_at),
    timeZone: row.time_zone,
    place: row.place,
    location: row.location,
    videoLink: row.video_link,
    sequence: row.sequence,
    title: row.process_title,
    organisationName: row.organisation_name,
    createdBy: row.created_by,
    processLanguage: row.process_language,
    crisis: isCrisis({ kind: row.process_kind, cadence: row.process_cadence }),
    ...overrides,
  };
}
