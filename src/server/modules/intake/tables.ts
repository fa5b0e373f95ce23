import type { ColumnType, Generated } from 'kysely';
import type { CreatedAt, Timestamp } from '../../kernel/db/schema.js';
import { defineTable, type TableDeclaration } from '../../kernel/module.js';
import type { ServiceKind } from '../processes/tables.js';

// The intake module's tables: their Kysely types (joined to the kernel's `Database` by declaration
// merging) and their run-time declaration (columns, checked against the migrated database by
// kernel/db/schema.int.test.ts, and what each holds about a person).

export type EventType =
  | 'accident'
  | 'violence_or_threat'
  | 'death'
  | 'organisational_change'
  | 'community_crisis'
  | 'reputational_crisis'
  | 'other';

export interface RequestsTable {
  id: Generated<string>;
  provider_id: string;
  source: 'public' | 'portal';
  kind: 'crisis' | 'service';
  service_kind: ServiceKind | null;
  organisation_name: string;
  organisation_id: string | null;
  contact_name: string;
  contact_phone: string | null;
  contact_email: string;
  event_type: EventType | null;
  event_at: Timestamp | null;
  affected_count: number | null;
  location: string | null;
  preferred_locale: Generated<string>;
  /** Legacy plain message, emptied at start (kernel/db/seal-legacy.ts); new messages go to message_sealed. */
  message: ColumnType<string | null, string | null | undefined, string | null>;
  message_sealed: ColumnType<string | null, string | null | undefined, string | null>;
  consent_at: Timestamp;
  privacy_notice_version: string;
  status: Generated<'new' | 'contacted' | 'triaged' | 'declined'>;
  first_contact_at: Timestamp | null;
  first_contact_by: string | null;
  first_contact_note: string | null;
  triaged_at: Timestamp | null;
  triaged_by: string | null;
  process_id: string | null;
  decline_reason: string | null;
  submitted_by: string | null;
  created_at: CreatedAt;
}

declare module '../../kernel/db/schema.js' {
  interface Database {
    requests: RequestsTable;
  }
}

export const intakeTables: readonly TableDeclaration[] = [
  defineTable('requests', {
    tenant: true,
    columns: {
      id: 'uuid',
      provider_id: 'uuid',
      source: 'text',
      kind: 'text',
      service_kind: 'text?',
      organisation_name: 'text',
      organisation_id: 'uuid?',
      contact_name: 'text',
      contact_phone: 'text?',
      contact_email: 'text',
      event_type: 'text?',
      event_at: 'timestamptz?',
      affected_count: 'int4?',
      location: 'text?',
      preferred_locale: 'text',
      message: 'text?',
      consent_at: 'timestamptz',
      privacy_notice_version: 'text',
      status: 'text',
      first_contact_at: 'timestamptz?',
      first_contact_by: 'uuid?',
      first_contact_note: 'text?',
      triaged_at: 'timestamptz?',
      triaged_by: 'uuid?',
      process_id: 'uuid?',
      decline_reason: 'text?',
      submitted_by: 'uuid?',
      created_at: 'timestamptz',
      message_sealed: 'text?',
    },
    personal: {
      category: 'special',
      what: 'a request for help: contact name, phone, e-mail, what happened (sealed message)',
      retention: {
        rule: 'A request that led to no process: one year (privacy notice); a triaged one with its process.',
        enforcedBy: 'job intake-retention (modules/intake/jobs.ts)',
      },
      find: { subject: 'contact', column: 'contact_email' },
      export: 'the request as submitted (the message unsealed)',
      erase: { how: 'delete', detail: 'the requests of the address' },
    },
  }),
];
