/** Types of the intake and service-catalogue API (docs/api-supervision.md, modules intake and processes). */

export const EVENT_TYPES = [
  'accident',
  'violence_or_threat',
  'death',
  'organisational_change',
  'community_crisis',
  'reputational_crisis',
  'other',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

export const SERVICE_KINDS = ['individual', 'group', 'work_community', 'leader', 'crisis_individual', 'crisis_group'] as const;
export type ServiceKind = (typeof SERVICE_KINDS)[number];

/** The kinds a requester can ask for outside a crisis. */
export const REQUESTABLE_SERVICE_KINDS = ['individual', 'group', 'work_community', 'leader'] as const satisfies readonly ServiceKind[];

export const CADENCES = ['crisis', 'weekly', 'biweekly', 'monthly'] as const;
export type Cadence = (typeof CADENCES)[number];

export const PLACES = ['on_site', 'office', 'video'] as const;
export type Place = (typeof PLACES)[number];

export const CURRENCIES = ['EUR', 'SEK', 'NOK'] as const;

export type RequestKind = 'crisis' | 'service';
export type RequestStatus = 'new' | 'contacted' | 'triaged' | 'declined';

export interface PublicProvider {
  name: string;
  slug: string;
  country: 'FI' | 'SE' | 'NO';
  defaultLocale: string;
  privacyNoticeVersion: string;
  /** Not in the contract yet: used for "we contact you within N hours" when the server sends it. */
  firstContactTargetMinutes?: number;
}

export interface IntakeRequest {
  id: string;
  kind: RequestKind;
  serviceKind: ServiceKind | null;
  status: RequestStatus;
  source: 'public' | 'portal';
  organisationName: string;
  organisationId: string | null;
  contactName: string;
  contactEmail: string;
  contactPhone: string | null;
  eventType: EventType | null;
  eventAt: string | null;
  affectedCount: number | null;
  location: string | null;
  preferredLocale: string;
  message: string | null;
  createdAt: string;
  firstContactAt: string | null;
  firstContactDueAt: string;
  minutesToFirstContact: number | null;
  overdue: boolean;
  processId: string | null;
  declineReason: string | null;
  /** Not in the contract; shown when the server sends it. */
  firstContactNote?: string | null;
  firstContactByName?: string | null;
}

export interface RequestList {
  items: IntakeRequest[];
  /** The provider's first-contact target (minutes). */
  targetMinutes: number;
}

export interface Service {
  id: string;
  kind: ServiceKind;
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
  locale: string | null;
  unitId: string | null;
}

export interface ProviderSettings {
  firstContactTargetMinutes: number;
  lateCancellationHours: number;
  lateCancellationChargePercent: number;
  participantCancellationHours: number;
  /** Not in the contract; used for the embed snippet when the server sends it. */
  slug?: string;
  name?: string;
}

export interface OnCallEntry {
  membershipId: string;
  userId: string;
  name: string;
  email: string;
  onCall: boolean;
}

export interface TriageResult {
  organisationId: string;
  processId: string;
}
