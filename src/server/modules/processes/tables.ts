import type { ColumnType, Generated } from 'kysely';
import type { CreatedAt, DateColumn, Timestamp } from '../../kernel/db/schema.js';
import { defineTable, type TableDeclaration } from '../../kernel/module.js';

/** The retention of everything that belongs to a process (its meetings, records, check-ins). */
export const keptWithProcess = {
  rule: "Kept with the process: As long as the provider keeps the client relationship, then as the provider's record-keeping rules say (not enforced yet).",
};

// The processes module's tables: their Kysely types (joined to the kernel's `Database` by declaration
// merging) and their run-time declaration (columns, checked against the migrated database by
// kernel/db/schema.int.test.ts, and what each holds about a person).

export type ServiceKind = 'individual' | 'group' | 'work_community' | 'leader' | 'crisis_individual' | 'crisis_group';
export type Cadence = 'crisis' | 'weekly' | 'biweekly' | 'monthly';
export type Place = 'on_site' | 'office' | 'video';
export type ProcessStatus = 'proposed' | 'agreed' | 'active' | 'paused' | 'completed' | 'cancelled';

export interface PeopleTable {
  id: Generated<string>;
  provider_id: string;
  organisation_id: string;
  unit_id: string | null;
  user_id: string | null;
  name: string;
  email: string | null;
  phone: string | null;
  locale: string | null;
  created_at: CreatedAt;
}

export interface ServicesTable {
  id: Generated<string>;
  provider_id: string;
  kind: ServiceKind;
  /** `{ fi?, sv?, nb?, en? }`, at least one; written as JSON text. */
  names: ColumnType<Partial<Record<'fi' | 'sv' | 'nb' | 'en', string>>, string, string>;
  default_minutes: number;
  default_cadence: Cadence;
  default_place: Place;
  price_cents: number;
  currency: Generated<string>;
  active: Generated<boolean>;
  vat_treatment: Generated<'taxable' | 'exempt'>;
  /** Hundredths of a percent (2550 = 25.5 %); null when exempt. */
  vat_rate_bp: number | null;
  /** The legal ground printed on the basis; null when taxable. */
  vat_exempt_ground: string | null;
  created_at: CreatedAt;
}

export interface ProcessesTable {
  id: Generated<string>;
  provider_id: string;
  organisation_id: string;
  service_id: string;
  kind: ServiceKind;
  title: string;
  status: Generated<ProcessStatus>;
  agreed_sessions: number | null;
  cadence: Cadence;
  session_minutes: number;
  place: Place;
  location: string | null;
  video_link: string | null;
  price_cents: number;
  currency: Generated<string>;
  language: Generated<string>;
  start_date: DateColumn | null;
  review_date: DateColumn | null;
  crisis_event_at: Timestamp | null;
  continued_from_id: string | null;
  request_id: string | null;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface ProcessPractitionersTable {
  id: Generated<string>;
  provider_id: string;
  process_id: string;
  user_id: string;
  created_at: CreatedAt;
}

export interface ProcessParticipantsTable {
  id: Generated<string>;
  provider_id: string;
  process_id: string;
  person_id: string;
  created_at: CreatedAt;
}

export interface ProcessStatusChangesTable {
  id: Generated<string>;
  provider_id: string;
  process_id: string;
  from_status: ProcessStatus | null;
  to_status: ProcessStatus;
  reason: string | null;
  changed_by: string | null;
  at: CreatedAt;
}

export interface GoalsTable {
  id: Generated<string>;
  provider_id: string;
  process_id: string;
  title: string;
  position: Generated<number>;
  closed_at: Timestamp | null;
  created_at: CreatedAt;
}

export interface WhatWorksTable {
  id: Generated<string>;
  provider_id: string;
  process_id: string;
  meeting_id: string | null;
  text: string;
  created_by: string | null;
  created_at: CreatedAt;
}

declare module '../../kernel/db/schema.js' {
  interface Database {
    people: PeopleTable;
    services: ServicesTable;
    processes: ProcessesTable;
    process_practitioners: ProcessPractitionersTable;
    process_participants: ProcessParticipantsTable;
    process_status_changes: ProcessStatusChangesTable;
    goals: GoalsTable;
    what_works: WhatWorksTable;
  }
}

export const processesTables: readonly TableDeclaration[] = [
  defineTable('people', {
    tenant: true,
    columns: {
      id: 'uuid',
      provider_id: 'uuid',
      organisation_id: 'uuid',
      unit_id: 'uuid?',
      user_id: 'uuid?',
      name: 'text',
      email: 'text?',
      phone: 'text?',
      locale: 'text?',
      created_at: 'timestamptz',
    },
    personal: {
      category: 'ordinary',
      what: "a client's person: name, e-mail, phone, language",
      retention: {
        rule: "As long as the provider keeps the client relationship, then as the provider's record-keeping rules say (not enforced yet).",
      },
      find: { subject: 'person', column: 'id' },
      export: "the person's record",
      erase: { how: 'anonymise', detail: 'name, e-mail and phone replaced; the row stays while a process refers to it' },
    },
  }),
  defineTable('services', {
    tenant: true,
    columns: {
      id: 'uuid',
      provider_id: 'uuid',
      kind: 'text',
      names: 'jsonb',
      default_minutes: 'int4',
      default_cadence: 'text',
      default_place: 'text',
      price_cents: 'int4',
      currency: 'text',
      active: 'bool',
      vat_treatment: 'text',
      vat_rate_bp: 'int4?',
      vat_exempt_ground: 'text?',
      created_at: 'timestamptz',
    },
    personal: { category: 'none', why: "The provider's service catalogue." },
  }),
  defineTable('processes', {
    tenant: true,
    columns: {
      id: 'uuid',
      provider_id: 'uuid',
      organisation_id: 'uuid',
      service_id: 'uuid',
      kind: 'text',
      title: 'text',
      status: 'text',
      agreed_sessions: 'int4?',
      cadence: 'text',
      session_minutes: 'int4',
      place: 'text',
      location: 'text?',
      video_link: 'text?',
      price_cents: 'int4',
      currency: 'text',
      language: 'text',
      start_date: 'date?',
      review_date: 'date?',
      crisis_event_at: 'timestamptz?',
      continued_from_id: 'uuid?',
      request_id: 'uuid?',
      created_by: 'uuid?',
      created_at: 'timestamptz',
      updated_at: 'timestamptz',
    },
    personal: {
      category: 'none',
      why: 'A contract with a client organisation: terms and dates; who takes part is in process_participants.',
    },
  }),
  defineTable('process_practitioners', {
    tenant: true,
    columns: {
      id: 'uuid',
      provider_id: 'uuid',
      process_id: 'uuid',
      user_id: 'uuid',
      created_at: 'timestamptz',
    },
    personal: {
      category: 'ordinary',
      what: 'which practitioner works on a process',
      retention: { rule: 'Kept with the process (not enforced yet).' },
      find: { subject: 'user', column: 'user_id' },
      export: 'the processes a practitioner worked on',
      erase: { how: 'keep', detail: "the provider's record of who delivered the service (invoicing, supervision record)" },
    },
  }),
  defineTable('process_participants', {
    tenant: true,
    columns: {
      id: 'uuid',
      provider_id: 'uuid',
      process_id: 'uuid',
      person_id: 'uuid',
      created_at: 'timestamptz',
    },
    personal: {
      category: 'special',
      what: 'that a person takes part in a supervision or crisis process',
      retention: keptWithProcess,
      find: { subject: 'person', column: 'person_id' },
      export: 'the processes the person takes part in',
      erase: { how: 'delete', detail: 'the participation rows of the person' },
    },
  }),
  defineTable('process_status_changes', {
    tenant: true,
    columns: {
      id: 'uuid',
      provider_id: 'uuid',
      process_id: 'uuid',
      from_status: 'text?',
      to_status: 'text',
      reason: 'text?',
      changed_by: 'uuid?',
      at: 'timestamptz',
    },
    personal: {
      category: 'ordinary',
      what: "who changed a process's status and why",
      retention: { rule: 'Kept with the process.' },
      find: { subject: 'user', column: 'changed_by' },
      export: 'the changes the user made',
      erase: { how: 'anonymise', detail: 'changed_by set to null; the history stays' },
    },
  }),
  defineTable('goals', {
    tenant: true,
    columns: {
      id: 'uuid',
      provider_id: 'uuid',
      process_id: 'uuid',
      title: 'text',
      position: 'int4',
      closed_at: 'timestamptz?',
      created_at: 'timestamptz',
    },
    personal: {
      category: 'special',
      what: "goals of a supervision process (may name a person's situation)",
      retention: keptWithProcess,
      find: { subject: 'person', column: 'process_id', via: 'process_participants.person_id' },
      export: "the goals of the person's processes",
      erase: { how: 'keep', detail: 'goals belong to the whole process (a group shares them); erased with the process' },
    },
  }),
  defineTable('what_works', {
    tenant: true,
    columns: {
      id: 'uuid',
      provider_id: 'uuid',
      process_id: 'uuid',
      meeting_id: 'uuid?',
      text: 'text',
      created_by: 'uuid?',
      created_at: 'timestamptz',
    },
    personal: {
      category: 'special',
      what: 'notes on what works in a process',
      retention: keptWithProcess,
      find: { subject: 'person', column: 'process_id', via: 'process_participants.person_id' },
      export: "the entries of the person's processes",
      erase: { how: 'keep', detail: 'they belong to the whole process; erased with the process' },
    },
  }),
];
