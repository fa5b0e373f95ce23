import type { ColumnType, Generated } from 'kysely';
import type { CreatedAt, Timestamp } from '../../kernel/db/schema.js';
import { defineTable, type TableDeclaration } from '../../kernel/module.js';
import type { Place } from '../processes/tables.js';
import { keptWithProcess } from '../processes/tables.js';

// The scheduling module's tables: their Kysely types (joined to the kernel's `Database` by declaration
// merging) and their run-time declaration (columns, checked against the migrated database by
// kernel/db/schema.int.test.ts, and what each holds about a person).

export interface AvailabilityTable {
  id: Generated<string>;
  provider_id: string;
  user_id: string;
  weekday: number;
  start_time: string;
  end_time: string;
  time_zone: string;
}

export interface AbsencesTable {
  id: Generated<string>;
  provider_id: string;
  user_id: string;
  starts_at: Timestamp;
  ends_at: Timestamp;
  note: string | null;
}

export interface MeetingsTable {
  id: Generated<string>;
  provider_id: string;
  process_id: string;
  organisation_id: string;
  starts_at: Timestamp;
  ends_at: Timestamp;
  time_zone: string;
  place: Place;
  location: string | null;
  video_link: string | null;
  status: Generated<'planned' | 'held' | 'cancelled'>;
  cancelled_at: Timestamp | null;
  cancel_reason: string | null;
  cancelled_by_role: 'provider' | 'client' | 'participant' | null;
  late_cancellation: Generated<boolean>;
  price_cents: number;
  currency: Generated<string>;
  sequence: Generated<number>;
  reminder_sent_at: Timestamp | null;
  created_by: string | null;
  created_at: CreatedAt;
}

export interface MeetingPractitionersTable {
  id: Generated<string>;
  provider_id: string;
  meeting_id: string;
  process_id: string;
  user_id: string;
  starts_at: Timestamp;
  ends_at: Timestamp;
}

export interface MeetingAttendanceTable {
  id: Generated<string>;
  provider_id: string;
  meeting_id: string;
  process_id: string;
  person_id: string;
  status: Generated<'invited' | 'present' | 'absent' | 'cancelled'>;
}

export interface MeetingNotesTable {
  id: Generated<string>;
  provider_id: string;
  meeting_id: string;
  process_id: string;
  author_user_id: string;
  ciphertext: string;
  created_at: CreatedAt;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface MeetingSummariesTable {
  id: Generated<string>;
  provider_id: string;
  meeting_id: string;
  process_id: string;
  text: string;
  author_user_id: string | null;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface ScalingScoresTable {
  id: Generated<string>;
  provider_id: string;
  meeting_id: string;
  process_id: string;
  goal_id: string;
  person_id: string | null;
  value: number;
  recorded_by: string | null;
  created_at: CreatedAt;
}

export interface CalendarFeedsTable {
  id: Generated<string>;
  provider_id: string;
  user_id: string;
  token_hash: string;
  created_at: CreatedAt;
  revoked_at: Timestamp | null;
  /** When a calendar app last read the feed, recorded at most once per feedFetchRecordMinutes. */
  last_fetched_at: Timestamp | null;
}

declare module '../../kernel/db/schema.js' {
  interface Database {
    availability: AvailabilityTable;
    absences: AbsencesTable;
    meetings: MeetingsTable;
    meeting_practitioners: MeetingPractitionersTable;
    meeting_attendance: MeetingAttendanceTable;
    meeting_notes: MeetingNotesTable;
    meeting_summaries: MeetingSummariesTable;
    scaling_scores: ScalingScoresTable;
    calendar_feeds: CalendarFeedsTable;
  }
}

export const schedulingTables: readonly TableDeclaration[] = [
  defineTable('availability', {
    tenant: true,
    columns: {
      id: 'uuid',
      provider_id: 'uuid',
      user_id: 'uuid',
      weekday: 'int4',
      start_time: 'time',
      end_time: 'time',
      time_zone: 'text',
    },
    personal: {
      category: 'ordinary',
      what: "a practitioner's working hours",
      retention: { rule: 'As long as the practitioner works for the provider.' },
      find: { subject: 'user', column: 'user_id' },
      export: 'the weekly hours',
      erase: { how: 'delete', detail: 'the rows of the user' },
    },
  }),
  defineTable('absences', {
    tenant: true,
    columns: {
      id: 'uuid',
      provider_id: 'uuid',
      user_id: 'uuid',
      starts_at: 'timestamptz',
      ends_at: 'timestamptz',
      note: 'text?',
    },
    personal: {
      category: 'ordinary',
      what: "a practitioner's absences (with a note)",
      retention: { rule: 'As long as the practitioner works for the provider.' },
      find: { subject: 'user', column: 'user_id' },
      export: 'the absences',
      erase: { how: 'delete', detail: 'the rows of the user' },
    },
  }),
  defineTable('meetings', {
    tenant: true,
    columns: {
      id: 'uuid',
      provider_id: 'uuid',
      process_id: 'uuid',
      organisation_id: 'uuid',
      starts_at: 'timestamptz',
      ends_at: 'timestamptz',
      time_zone: 'text',
      place: 'text',
      location: 'text?',
      video_link: 'text?',
      status: 'text',
      cancelled_at: 'timestamptz?',
      cancel_reason: 'text?',
      cancelled_by_role: 'text?',
      late_cancellation: 'bool',
      price_cents: 'int4',
      currency: 'text',
      sequence: 'int4',
      reminder_sent_at: 'timestamptz?',
      created_by: 'uuid?',
      created_at: 'timestamptz',
    },
    personal: {
      category: 'special',
      what: 'meetings of a process (a cancellation reason may be health-related)',
      retention: keptWithProcess,
      find: { subject: 'person', column: 'id', via: 'meeting_attendance.person_id' },
      export: 'the meetings the person attended',
      erase: { how: 'keep', detail: "the provider's record of services delivered (invoicing); the cancel reason is cleared" },
    },
  }),
  defineTable('meeting_practitioners', {
    tenant: true,
    columns: {
      id: 'uuid',
      provider_id: 'uuid',
      meeting_id: 'uuid',
      process_id: 'uuid',
      user_id: 'uuid',
      starts_at: 'timestamptz',
      ends_at: 'timestamptz',
    },
    personal: {
      category: 'ordinary',
      what: 'which practitioner held a meeting',
      retention: { rule: 'Kept with the meeting.' },
      find: { subject: 'user', column: 'user_id' },
      export: 'the meetings the practitioner held',
      erase: { how: 'keep', detail: "the provider's record of who delivered the service" },
    },
  }),
  defineTable('meeting_attendance', {
    tenant: true,
    columns: {
      id: 'uuid',
      provider_id: 'uuid',
      meeting_id: 'uuid',
      process_id: 'uuid',
      person_id: 'uuid',
      status: 'text',
    },
    personal: {
      category: 'special',
      what: 'that a person attended (or missed) a meeting',
      retention: {
        rule: "Kept with the meeting: As long as the provider keeps the client relationship, then as the provider's record-keeping rules say (not enforced yet).",
      },
      find: { subject: 'person', column: 'person_id' },
      export: 'attendance per meeting',
      erase: { how: 'delete', detail: 'the attendance rows of the person' },
    },
  }),
  defineTable('meeting_notes', {
    tenant: true,
    columns: {
      id: 'uuid',
      provider_id: 'uuid',
      meeting_id: 'uuid',
      process_id: 'uuid',
      author_user_id: 'uuid',
      ciphertext: 'text',
      created_at: 'timestamptz',
      updated_at: 'timestamptz',
    },
    personal: {
      category: 'confidential',
      what: "a practitioner's private notes (sealed)",
      retention: { rule: 'As long as the practitioner needs them for the process; never shown to anyone else.' },
      find: { subject: 'user', column: 'author_user_id' },
      export: "only to their author (the notes are theirs, not the client's record)",
      erase: { how: 'delete', detail: "the author's notes go with the author's account or the process" },
    },
  }),
  defineTable('meeting_summaries', {
    tenant: true,
    columns: {
      id: 'uuid',
      provider_id: 'uuid',
      meeting_id: 'uuid',
      process_id: 'uuid',
      text: 'text',
      author_user_id: 'uuid?',
      updated_at: 'timestamptz',
    },
    personal: {
      category: 'special',
      what: 'a summary of a meeting shared with its participants',
      retention: keptWithProcess,
      find: { subject: 'person', column: 'meeting_id', via: 'meeting_attendance.person_id' },
      export: 'the summaries of the meetings the person attended',
      erase: { how: 'keep', detail: 'a summary belongs to the whole meeting (a group shares it); erased with the process' },
    },
  }),
  defineTable('scaling_scores', {
    tenant: true,
    columns: {
      id: 'uuid',
      provider_id: 'uuid',
      meeting_id: 'uuid',
      process_id: 'uuid',
      goal_id: 'uuid',
      person_id: 'uuid?',
      value: 'int4',
      recorded_by: 'uuid?',
      created_at: 'timestamptz',
    },
    personal: {
      category: 'special',
      what: "a person's scaling answers (how far towards a goal)",
      retention: keptWithProcess,
      find: { subject: 'person', column: 'person_id' },
      export: 'the scores',
      erase: { how: 'delete', detail: "the person's rows" },
    },
  }),
  defineTable('calendar_feeds', {
    tenant: true,
    columns: {
      id: 'uuid',
      provider_id: 'uuid',
      user_id: 'uuid',
      token_hash: 'text',
      created_at: 'timestamptz',
      revoked_at: 'timestamptz?',
      last_fetched_at: 'timestamptz?',
    },
    personal: {
      category: 'ordinary',
      what: "a practitioner's calendar feed link (hash) and when a calendar app last read it",
      retention: { rule: 'Until revoked.' },
      find: { subject: 'user', column: 'user_id' },
      export: 'that a feed exists, when made and when last read',
      erase: { how: 'delete', detail: 'the rows of the user' },
    },
  }),
];
