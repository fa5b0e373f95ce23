import { keepPreviousData, useQuery } from '@tanstack/react-query';
import {
  type AlertFilter,
  alertRoutes,
  checkinRoutes,
  instrumentRoutes,
  measureSettingsRoutes,
  reportRoutes,
  resultRoutes,
} from '../../../shared/measures';
import { call } from '../../app/api';

export const enc = encodeURIComponent;

export const keys = {
  all: ['measures'] as const,
  instruments: ['measures', 'instruments'] as const,
  instrument: (key: string) => ['measures', 'instrument', key] as const,
  translations: (key: string) => ['measures', 'translations', key] as const,
  settings: ['measures', 'settings'] as const,
  checkins: (processId: string) => ['measures', 'checkins', processId] as const,
  alerts: (status: string) => ['measures', 'alerts', status] as const,
  alertsAll: ['measures', 'alerts'] as const,
  alert: (id: string) => ['measures', 'alert', id] as const,
  person: (id: string) => ['measures', 'person', id] as const,
  mine: ['measures', 'mine'] as const,
  response: (id: string) => ['measures', 'response', id] as const,
  aggregates: (params: { processId?: string; organisationId?: string }) => ['measures', 'aggregates', params] as const,
  roi: (params: Record<string, string | number>) => ['measures', 'roi', params] as const,
  respond: (token: string, locale: string) => ['measures', 'respond', token, locale] as const,
};

export const paths = {
  alerts: '/alerts',
  alert: (id: string) => `/alerts/${enc(id)}`,
  person: (id: string) => `/people/${enc(id)}/measures`,
  response: (id: string) => `/responses/${enc(id)}`,
  myResults: '/my-results',
  followUp: '/follow-up',
  roi: '/roi',
  instruments: '/admin/instruments',
  newInstrument: '/admin/instruments/new',
  editInstrument: (key: string) => `/admin/instruments/${enc(key)}/edit`,
  instrument: (key: string) => `/admin/instruments/${enc(key)}`,
  translations: (key: string) => `/admin/instruments/${enc(key)}/translations`,
  settings: '/admin/measure-settings',
};

export function useInstruments(enabled = true) {
  return useQuery({
    queryKey: keys.instruments,
    queryFn: () => call(instrumentRoutes.list),
    staleTime: 60_000,
    enabled,
  });
}

export function useInstrument(key: string | null | undefined) {
  return useQuery({
    queryKey: keys.instrument(key ?? ''),
    queryFn: () => call(instrumentRoutes.get, { params: { key: key ?? '' } }),
    enabled: Boolean(key),
  });
}

export function useMeasureSettings(enabled = true) {
  return useQuery({
    queryKey: keys.settings,
    queryFn: () => call(measureSettingsRoutes.get),
    enabled,
  });
}

export function useCheckins(processId: string, enabled = true) {
  return useQuery({
    queryKey: keys.checkins(processId),
    queryFn: () => call(checkinRoutes.ofProcess, { params: { id: processId } }),
    enabled: Boolean(processId) && enabled,
  });
}

export function useAlerts(status: AlertFilter, enabled = true) {
  return useQuery({
    queryKey: keys.alerts(status),
    queryFn: () => call(alertRoutes.list, { query: { status } }),
    placeholderData: keepPreviousData,
    refetchInterval: 60_000,
    enabled,
  });
}

export function useAlert(id: string) {
  return useQuery({
    queryKey: keys.alert(id),
    queryFn: () => call(alertRoutes.get, { params: { id } }),
    enabled: Boolean(id),
    // Reading an alert may read its referral note, which is audited: fetched once per view, not
    // again on every re-mount or focus (issue 9). Changes replace it through setQueryData.
    staleTime: 5 * 60_000,
    refetchOnWindowFocus: false,
  });
}

export function usePersonMeasures(id: string) {
  return useQuery({
    queryKey: keys.person(id),
    queryFn: () => call(resultRoutes.person, { params: { id } }),
    enabled: Boolean(id),
  });
}

export function useMyMeasures() {
  return useQuery({ queryKey: keys.mine, queryFn: () => call(resultRoutes.mine) });
}

export function useResponse(id: string) {
  return useQuery({
    queryKey: keys.response(id),
    queryFn: () => call(resultRoutes.response, { params: { id } }),
    enabled: Boolean(id),
  });
}

export function useAggregates(params: { processId?: string; organisationId?: string }, enabled = true) {
  const clean = Object.fromEntries(Object.entries(params).filter(([, v]) => v)) as { processId?: string; organisationId?: string };
  return useQuery({
    queryKey: keys.aggregates(clean),
    queryFn: () => call(reportRoutes.aggregates, { query: clean }),
    enabled: enabled && Object.keys(clean).length > 0,
  });
}

export function useRoi(params: { organisationId: string; from: string; to: string; sickDayCostCents: number | null }) {
  const clean = {
    organisationId: params.organisationId,
    from: params.from,
    to: params.to,
    ...(params.sickDayCostCents !== null ? { sickDayCostCents: params.sickDayCostCents } : {}),
  };
  return useQuery({
    queryKey: keys.roi(clean),
    queryFn: () => call(reportRoutes.roi, { query: clean }),
    placeholderData: keepPreviousData,
    enabled: Boolean(params.organisationId && params.from && params.to && params.from <= params.to),
  });
}
