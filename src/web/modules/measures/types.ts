/** Types of the measures HTTP API (docs/api-measures.md). */
import type { Locale } from '../../app/types';

/** Text in the languages an instrument exists in. Some answers carry it already resolved to a string. */
export type LocalText = Partial<Record<Locale, string>>;
export type Text = LocalText | string;

export type Severity = 'none' | 'mild' | 'moderate' | 'severe';
export type AlertLevel = 'normal' | 'urgent';

export interface BandSummary {
  id: string;
  min: number;
  max: number;
  label: Text;
  severity: Severity;
  alert?: AlertLevel | null;
}

export interface InstrumentSummary {
  key: string;
  version: number;
  name: Text;
  languages: Locale[];
  sources: Partial<Record<Locale, string>>;
  licence: string;
  requiresLicence: boolean;
  available: boolean;
  custom: boolean;
  active: boolean;
  itemCount: number;
  min: number;
  max: number;
  higherIsBetter: boolean;
  bands: BandSummary[];
}

export interface DefinitionItem {
  id: string;
  type: 'choice' | 'text';
  text: LocalText;
  options?: string;
  scored?: boolean;
  maxLength?: number;
}

export interface InstrumentDefinition {
  key: string;
  version: number;
  name: LocalText;
  instructions: LocalText;
  languages: Partial<Record<Locale, { source: string }>>;
  optionSets: Record<string, { value: number; label: LocalText }[]>;
  items: DefinitionItem[];
  scoring: { method: 'sum' | 'mean'; multiplier?: number; min: number; max: number; decimals?: number };
  bands: (BandSummary & { label: LocalText })[];
  higherIsBetter: boolean;
}

export interface InstrumentDetail extends InstrumentSummary {
  definition?: InstrumentDefinition;
}

export interface CustomInstrumentBody {
  name: LocalText;
  instructions: LocalText;
  languages: Locale[];
  options: { value: number; label: LocalText }[];
  items: { text: LocalText }[];
  scoring: 'sum' | 'mean';
  higherIsBetter: boolean;
  bands: { min: number; max: number; label: LocalText; severity: Severity; alert?: AlertLevel }[];
}

export interface CrisisLine {
  name: string;
  phone: string;
  hours: string;
}

export interface MeasureSettings {
  pcptsd5Cutoff: 3 | 4;
  tsqLicensed: boolean;
  tsqLicenceConfirmedAt: string | null;
  escalationMinutes: number;
  linkValidDays: number;
  reminderAfterHours: number;
  guidance: LocalText;
  sickDayCostCents: number | null;
  defaultSickDayCostCents: number | null;
  currency: string;
  country: string;
  crisisLines: CrisisLine[];
}

export const TRIGGERS = ['before_first', 'each_meeting', 'every_nth', 'offset_days', 'at_end'] as const;
export type Trigger = (typeof TRIGGERS)[number];

export interface Plan {
  id: string;
  instrumentKey: string;
  trigger: Trigger;
  everyN: number | null;
  offsetDays: number | null;
  createdAt: string;
}

export type CheckinStatus = 'scheduled' | 'sent' | 'answered' | 'cancelled';

export interface Checkin {
  id: string;
  personId: string;
  personName: string;
  instrumentKey: string;
  status: CheckinStatus;
  dueAt: string | null;
  sentAt: string | null;
  expiresAt: string | null;
  remindedAt: string | null;
  answeredAt: string | null;
  anchor: string | null;
  planId: string | null;
  responseId: string | null;
  score: number | null;
  bandId: string | null;
  alertLevel: AlertLevel | null;
}

export interface ProcessCheckins {
  plans: Plan[];
  checkins: Checkin[];
  protocolApplied: boolean;
}

export interface SendResult {
  items: Checkin[];
  skipped: { personId: string; reason: 'no_email' | 'too_soon' }[];
}

export type Answers = Record<string, number | string>;

export interface RespondItem {
  id: string;
  type: 'choice' | 'text';
  text: Text;
  options?: { value: number; label: Text }[];
  maxLength?: number;
}

export interface RespondForm {
  providerName: string;
  locale: Locale;
  availableLocales: Locale[];
  expiresAt: string;
  draft: Answers | null;
  instrument: {
    key: string;
    version: number;
    name: Text;
    instructions: Text;
    items: RespondItem[];
    gate: { item: string; closesWith: number[] } | null;
  };
}

export interface RespondResult {
  result: {
    score: number;
    min: number;
    max: number;
    band: { id: string; label: Text; severity: Severity };
    higherIsBetter: boolean;
    explanation: Text;
    guidance: { show: boolean; text: Text; crisisLines: CrisisLine[] };
  };
}

export interface SeriesPoint {
  responseId: string;
  at: string;
  score: number;
  bandId: string | null;
  processId: string | null;
}

export interface Series {
  instrumentKey: string;
  name: Text;
  min: number;
  max: number;
  higherIsBetter: boolean;
  bands: BandSummary[];
  points: SeriesPoint[];
}

export interface PersonMeasures {
  /** null for a participant with no person record yet (GET /api/me/measures). */
  person: { id: string; name: string } | null;
  series: Series[];
}

export interface ResponseDetail {
  id: string;
  personId: string;
  personName: string;
  processId: string;
  instrumentKey: string;
  submittedAt: string;
  score: number;
  band: { id: string; label: Text; severity: Severity } | string | null;
  flags: (string | { id: string; label?: Text })[];
  items: { id: string; text: Text; answer: number | null; answerLabel: Text | null }[];
  freeText: Record<string, string>;
}

export const OUTCOMES = ['referred', 'support_offered', 'no_action_needed', 'could_not_reach', 'other'] as const;
export type Outcome = (typeof OUTCOMES)[number];

export type AlertStatus = 'open' | 'acknowledged' | 'contacted' | 'referred' | 'closed' | string;

export interface Alert {
  id: string;
  processId: string;
  processTitle: string;
  personId: string;
  personName: string;
  instrumentKey: string;
  reasons: string[];
  level: AlertLevel;
  status: AlertStatus;
  score: number | null;
  bandId: string | null;
  createdAt: string;
  acknowledgedAt: string | null;
  contactedAt: string | null;
  referralAt: string | null;
  closedAt: string | null;
  outcome: Outcome | null;
  escalatedAt: string | null;
  responseId: string | null;
}

export interface AlertDetail extends Alert {
  referralNote: string | null;
}

export interface AggregateMonth {
  month: string;
  shown: boolean;
  reason: 'too_few' | 'month_open' | null;
  respondents?: number;
  mean?: number;
  bandCounts?: Record<string, number>;
}

export interface Aggregate {
  instrumentKey: string;
  name: Text;
  min: number;
  max: number;
  higherIsBetter: boolean;
  bands: { id: string; label: Text; severity: Severity }[];
  months: AggregateMonth[];
}

export interface Aggregates {
  minGroupSize: number;
  items: Aggregate[];
}

export interface Roi {
  organisationId: string;
  from: string;
  to: string;
  currency: string;
  supportCostCents: number;
  heldSessions: number;
  sickDayCostCents: number;
  sickDayCostSource: 'query' | 'setting' | 'default';
  breakEvenDays: number;
  scenario: true;
}
