import type { ColumnType, Generated } from 'kysely';
import type { CreatedAt, Timestamp } from '../../kernel/db/schema.js';
import { defineTable, type TableDeclaration } from '../../kernel/module.js';
import { keptWithProcess } from '../processes/tables.js';
import type { TranslationTexts } from './logic/translation.js';

// The measures module's tables: their Kysely types (joined to the kernel's `Database` by declaration
// merging) and their run-time declaration (columns, checked against the migrated database by
// kernel/db/schema.int.test.ts, and what each holds about a person).

export type CheckinTrigger = 'before_first' | 'each_meeting' | 'every_nth' | 'offset_days' | 'at_end';
export type AlertOutcome = 'referred' | 'support_offered' | 'no_action_needed' | 'could_not_reach' | 'other';

export interface MeasureSettingsTable {
  id: Generated<string>;
  provider_id: string;
  pcptsd5_cutoff: Generated<number>;
  tsq_licence_confirmed_at: Timestamp | null;
  tsq_licence_confirmed_by: string | null;
  escalation_minutes: Generated<number>;
  link_valid_days: Generated<number>;
  reminder_after_hours: Generated<number>;
  /** Locale → the provider's own text on where to get help. */
  guidance: ColumnType<Record<string, string> | null, string | null | undefined, string | null>;
  sick_day_cost_cents: number | null;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface CustomInstrumentsTable {
  id: Generated<string>;
  provider_id: string;
  key: string;
  version: number;
  definition: ColumnType<unknown, string, string>;
  active: Generated<boolean>;
  created_by: string | null;
  created_at: CreatedAt;
}

export interface InstrumentTranslationsTable {
  id: Generated<string>;
  provider_id: string;
  instrument_key: string;
  locale: 'fi' | 'sv' | 'nb' | 'en';
  version: number;
  texts: ColumnType<TranslationTexts, string, string>;
  source: string;
  licence_note: ColumnType<string, string | undefined, string>;
  created_by: string | null;
  created_at: CreatedAt;
  withdrawn_at: Timestamp | null;
  withdrawn_by: string | null;
}

export interface CheckinPlansTable {
  id: Generated<string>;
  provider_id: string;
  process_id: string;
  instrument_key: string;
  trigger: CheckinTrigger;
  every_n: number | null;
  offset_days: number | null;
  created_by: string | null;
  created_at: CreatedAt;
}

export interface CheckinsTable {
  id: Generated<string>;
  provider_id: string;
  process_id: string;
  organisation_id: string;
  person_id: string;
  plan_id: string | null;
  anchor: string | null;
  instrument_key: string;
  instrument_version: number;
  locale: 'fi' | 'sv' | 'nb' | 'en';
  status: Generated<'scheduled' | 'sent' | 'answered' | 'cancelled'>;
  due_at: Timestamp;
  sent_at: Timestamp | null;
  /** The address the link went to; the reminder goes there too, whatever people.email says later. */
  sent_to: ColumnType<string | null, string | null | undefined, string | null>;
  token_hash: string | null;
  /** The reminder's own link (a fresh token, hash only): no column holds a link that can be rebuilt. */
  reminder_token_hash: ColumnType<string | null, string | null | undefined, string | null>;
  expires_at: Timestamp | null;
  reminded_at: Timestamp | null;
  /** Legacy plain draft, emptied at start (kernel/db/seal-legacy.ts); new drafts go to draft_sealed. */
  draft: ColumnType<Record<string, number | string> | null, string | null | undefined, string | null>;
  draft_sealed: ColumnType<string | null, string | null | undefined, string | null>;
  draft_saved_at: Timestamp | null;
  answered_at: Timestamp | null;
  sent_by: string | null;
  created_at: CreatedAt;
}

export interface ResponsesTable {
  id: Generated<string>;
  provider_id: string;
  process_id: string;
  organisation_id: string;
  person_id: string;
  checkin_id: string;
  instrument_key: string;
  instrument_version: number;
  answers: ColumnType<Record<string, number>, string, string>;
  free_text_sealed: string | null;
  score: number;
  band: string;
  severity: string;
  flags: ColumnType<string[], string | undefined, string>;
  guidance: Generated<boolean>;
  submitted_at: CreatedAt;
  /** The language the questionnaire was shown in (null: answered before this was recorded). */
  form_locale: ColumnType<'fi' | 'sv' | 'nb' | 'en' | null, 'fi' | 'sv' | 'nb' | 'en' | null | undefined, never>;
  /** The provider's translation version shown, when the language was one the provider entered. */
  translation_version: ColumnType<number | null, number | null | undefined, never>;
}

export interface MeasureAlertsTable {
  id: Generated<string>;
  provider_id: string;
  process_id: string;
  person_id: string;
  checkin_id: string;
  response_id: string;
  instrument_key: string;
  reasons: ColumnType<string[], string, string>;
  level: 'normal' | 'urgent';
  status: Generated<'open' | 'acknowledged' | 'closed'>;
  created_at: CreatedAt;
  acknowledged_at: Timestamp | null;
  acknowledged_by: string | null;
  contacted_at: Timestamp | null;
  contacted_by: string | null;
  referral_at: Timestamp | null;
  referral_by: string | null;
  referral_note_sealed: string | null;
  closed_at: Timestamp | null;
  closed_by: string | null;
  outcome: AlertOutcome | null;
  escalated_at: Timestamp | null;
}

declare module '../../kernel/db/schema.js' {
  interface Database {
    measure_settings: MeasureSettingsTable;
    custom_instruments: CustomInstrumentsTable;
    instrument_translations: InstrumentTranslationsTable;
    checkin_plans: CheckinPlansTable;
    checkins: CheckinsTable;
    responses: ResponsesTable;
    measure_alerts: MeasureAlertsTable;
  }
}

export const measuresTables: readonly TableDeclaration[] = [
  defineTable('measure_settings', {
    tenant: true,
    columns: {
      id: 'uuid',
      provider_id: 'uuid',
      pcptsd5_cutoff: 'int4',
      tsq_licence_confirmed_at: 'timestamptz?',
      tsq_licence_confirmed_by: 'uuid?',
      escalation_minutes: 'int4',
      link_valid_days: 'int4',
      reminder_after_hours: 'int4',
      guidance: 'jsonb?',
      sick_day_cost_cents: 'int4?',
      updated_at: 'timestamptz',
    },
    personal: { category: 'none', why: 'Cut-offs, guidance and cost estimates of a provider.' },
  }),
  defineTable('custom_instruments', {
    tenant: true,
    columns: {
      id: 'uuid',
      provider_id: 'uuid',
      key: 'text',
      version: 'int4',
      definition: 'jsonb',
      active: 'bool',
      created_by: 'uuid?',
      created_at: 'timestamptz',
    },
    personal: { category: 'none', why: 'Questionnaire definitions.' },
  }),
  defineTable('instrument_translations', {
    tenant: true,
    columns: {
      id: 'uuid',
      provider_id: 'uuid',
      instrument_key: 'text',
      locale: 'text',
      version: 'int4',
      texts: 'jsonb',
      source: 'text',
      licence_note: 'text',
      created_by: 'uuid?',
      created_at: 'timestamptz',
      withdrawn_at: 'timestamptz?',
      withdrawn_by: 'uuid?',
    },
    // created_by/withdrawn_by name a staff user as the author of a provider's text, like custom_instruments.created_by.
    personal: { category: 'none', why: 'Official wordings of questionnaires a provider entered; names no person answering.' },
  }),
  defineTable('checkin_plans', {
    tenant: true,
    columns: {
      id: 'uuid',
      provider_id: 'uuid',
      process_id: 'uuid',
      instrument_key: 'text',
      trigger: 'text',
      every_n: 'int4?',
      offset_days: 'int4?',
      created_by: 'uuid?',
      created_at: 'timestamptz',
    },
    personal: { category: 'none', why: 'When a process sends questionnaires; names no person.' },
  }),
  defineTable('checkins', {
    tenant: true,
    columns: {
      id: 'uuid',
      provider_id: 'uuid',
      process_id: 'uuid',
      organisation_id: 'uuid',
      person_id: 'uuid',
      plan_id: 'uuid?',
      anchor: 'text?',
      instrument_key: 'text',
      instrument_version: 'int4',
      locale: 'text',
      status: 'text',
      due_at: 'timestamptz',
      sent_at: 'timestamptz?',
      token_hash: 'text?',
      expires_at: 'timestamptz?',
      reminded_at: 'timestamptz?',
      draft: 'jsonb?',
      draft_saved_at: 'timestamptz?',
      answered_at: 'timestamptz?',
      sent_by: 'uuid?',
      created_at: 'timestamptz',
      draft_sealed: 'text?',
      reminder_token_hash: 'text?',
      sent_to: 'text?',
    },
    personal: {
      category: 'special',
      what: 'questionnaires sent to a person: address, due and answered dates, sealed drafts',
      retention: keptWithProcess,
      find: { subject: 'person', column: 'person_id' },
      export: 'the check-ins (drafts unsealed)',
      erase: { how: 'delete', detail: "the person's rows (their responses and alerts go first)" },
    },
  }),
  defineTable('responses', {
    tenant: true,
    columns: {
      id: 'uuid',
      provider_id: 'uuid',
      process_id: 'uuid',
      organisation_id: 'uuid',
      person_id: 'uuid',
      checkin_id: 'uuid',
      instrument_key: 'text',
      instrument_version: 'int4',
      answers: 'jsonb',
      free_text_sealed: 'text?',
      score: 'float8',
      band: 'text',
      severity: 'text',
      flags: 'jsonb',
      guidance: 'bool',
      submitted_at: 'timestamptz',
      form_locale: 'text?',
      translation_version: 'int4?',
    },
    personal: {
      category: 'special',
      what: "a person's questionnaire answers and scores (health data)",
      retention: keptWithProcess,
      find: { subject: 'person', column: 'person_id' },
      export: 'answers, scores, free text unsealed',
      erase: { how: 'delete', detail: "the person's rows (their alerts go first)" },
    },
  }),
  defineTable('measure_alerts', {
    tenant: true,
    columns: {
      id: 'uuid',
      provider_id: 'uuid',
      process_id: 'uuid',
      person_id: 'uuid',
      checkin_id: 'uuid',
      response_id: 'uuid',
      instrument_key: 'text',
      reasons: 'jsonb',
      level: 'text',
      status: 'text',
      created_at: 'timestamptz',
      acknowledged_at: 'timestamptz?',
      acknowledged_by: 'uuid?',
      contacted_at: 'timestamptz?',
      contacted_by: 'uuid?',
      referral_at: 'timestamptz?',
      referral_by: 'uuid?',
      referral_note_sealed: 'text?',
      closed_at: 'timestamptz?',
      closed_by: 'uuid?',
      outcome: 'text?',
      escalated_at: 'timestamptz?',
    },
    personal: {
      category: 'special',
      what: "an alert raised by a person's answers and how it was followed up",
      retention: keptWithProcess,
      find: { subject: 'person', column: 'person_id' },
      export: 'the alerts and their follow-up (referral note unsealed)',
      erase: { how: 'delete', detail: "the person's rows" },
    },
  }),
];
