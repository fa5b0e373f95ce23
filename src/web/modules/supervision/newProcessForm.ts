import type { Locale } from '../../../shared/locales';
import {
  agreedSessions,
  type Cadence,
  cents,
  minutes,
  type Place,
  type ProcessBody,
  processLimits,
  type Service,
  videoLink,
} from '../../../shared/processes';

/** The values of the new-process form, as its inputs hold them (numbers may still be ''). */
export interface NewProcessValues {
  organisationId: string;
  serviceId: string;
  title: string;
  cadence: Cadence | '';
  sessionMinutes: number | string;
  place: Place | '';
  location: string;
  videoLink: string;
  price: number | string;
  agreedSessions: number | string;
  startDate: string;
  reviewDate: string;
  language: Locale;
  participantIds: string[];
  practitionerIds: string[];
}

export const emptyNewProcess = (language: Locale): NewProcessValues => ({
  organisationId: '',
  serviceId: '',
  title: '',
  cadence: '',
  sessionMinutes: '',
  place: '',
  location: '',
  videoLink: '',
  price: '',
  agreedSessions: '',
  startDate: '',
  reviewDate: '',
  language,
  participantIds: [],
  practitionerIds: [],
});

const num = (v: number | string) => (v === '' || v === null ? undefined : Number(v));
/** A price typed in major units (240,50) as cents. */
const toCents = (v: number | string) => {
  const n = num(v);
  return n === undefined ? undefined : Math.round(n * 100);
};

type Translate = (key: string, options?: Record<string, unknown>) => string;

/**
 * The form's checks: the very schema pieces the server validates with (src/shared/processes.ts),
 * so a limit changed there changes the form too.
 */
export function newProcessRules(t: Translate, { needsPractitioner }: { needsPractitioner: boolean }) {
  const L = processLimits;
  return {
    organisationId: (v: string) => (v ? null : t('validation.required')),
    serviceId: (v: string) => (v ? null : t('validation.required')),
    title: (v: string) => (v.trim() ? null : t('validation.required')),
    practitionerIds: (v: string[]) => (needsPractitioner && v.length === 0 ? t('newProcess.choosePractitioner') : null),
    reviewDate: (v: string, values: NewProcessValues) =>
      v && values.startDate && v < values.startDate ? t('validation.reviewAfterStart') : null,
    sessionMinutes: (v: number | string) =>
      v === '' || minutes.safeParse(Number(v)).success ? null : t('validation.wholeBetween', { min: L.minutesMin, max: L.minutesMax }),
    agreedSessions: (v: number | string) =>
      v === '' || agreedSessions.safeParse(Number(v)).success
        ? null
        : t('validation.wholeBetween', { min: L.agreedSessionsMin, max: L.agreedSessionsMax }),
    price: (v: number | string) =>
      v === '' || cents.safeParse(toCents(v)).success
        ? null
        : t('validation.amountBetween', { min: L.centsMin / 100, max: L.centsMax / 100 }),
    videoLink: (v: string, values: NewProcessValues) =>
      values.place !== 'video' || !v.trim() || videoLink.safeParse(v).success ? null : t('validation.httpsLink'),
  };
}

/** The request body of POST /api/processes: what the form holds, empty fields left to the service's defaults. */
export function toProcessBody(values: NewProcessValues, service: Service | undefined): ProcessBody {
  const sessionMinutes = num(values.sessionMinutes);
  const priceCents = toCents(values.price);
  const sessions = num(values.agreedSessions);
  return {
    organisationId: values.organisationId,
    serviceId: values.serviceId,
    title: values.title.trim(),
    ...(service ? { kind: service.kind } : {}),
    ...(values.cadence ? { cadence: values.cadence } : {}),
    ...(sessionMinutes !== undefined ? { sessionMinutes } : {}),
    ...(values.place ? { place: values.place } : {}),
    ...(values.location.trim() && values.place !== 'video' ? { location: values.location.trim() } : {}),
    ...(values.videoLink.trim() && values.place === 'video' ? { videoLink: values.videoLink.trim() } : {}),
    ...(priceCents !== undefined ? { priceCents } : {}),
    ...(sessions !== undefined ? { agreedSessions: sessions } : {}),
    language: values.language,
    ...(values.startDate ? { startDate: values.startDate } : {}),
    ...(values.reviewDate ? { reviewDate: values.reviewDate } : {}),
    participantIds: values.participantIds,
    ...(values.practitionerIds.length > 0 ? { practitionerIds: values.practitionerIds } : {}),
  };
}
