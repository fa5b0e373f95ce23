import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, query } from '../../app/api';
import type { Items } from '../../app/types';
import type {
  Aggregates,
  AlertDetail,
  Alert as AlertItem,
  InstrumentDetail,
  InstrumentSummary,
  MeasureSettings,
  PersonMeasures,
  ProcessCheckins,
  ResponseDetail,
  Roi,
} from './types';

export const enc = encodeURIComponent;

export const keys = {
  all: ['measures'] as const,
  instruments: ['measures', 'instruments'] as const,
  instrument: (key: string) => ['measures', 'instrument', key] as const,
  settings: ['measures', 'settings'] as const,
  checkins: (processId: string) => ['measures', 'checkins', processId] as const,
  alerts: (status: string) => ['measures', 'alerts', status] as const,
  alertsAll: ['measures', 'alerts'] as const,
  alert: (id: string) => ['measures', 'alert', id] as const,
  person: (id: string) => ['measures', 'person', id] as const,
  mine: ['measures', 'mine'] as const,
  response: (id: string) => ['measures', 'response', id] as const,
  aggregates: (params: Record<string, string>) => ['measures', 'aggregates', params] as const,
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
  settings: '/admin/measure-settings',
};

export function useInstruments(enabled = true) {
  return useQuery({
    queryKey: keys.instruments,
    queryFn: () => api.get<Items<InstrumentSummary>>('/api/instruments'),
    staleTime: 60_000,
    enabled,
  });
}

export function useInstrument(key: string | null | undefined) {
  return useQuery({
    queryKey: keys.instrument(key ?? ''),
    queryFn: () => api.get<InstrumentDetail>(`/api/instruments/${enc(key ?? '')}`),
    enabled: Boolean(key),
  });
}

export function useMeasureSettings(enabled = true) {
  return useQuery({
    queryKey: keys.settings,
    queryFn: () => api.get<MeasureSettings>('/api/measures/settings'),
    enabled,
  });
}

export function useCheckins(processId: string, enabled = true) {
  return useQuery({
    queryKey: keys.checkins(processId),
    queryFn: () => api.get<ProcessCheckins>(`/api/processes/${enc(processId)}/checkins`),
    enabled: Boolean(processId) && enabled,
  });
}

export function useAlerts(status: 'open' | 'all', enabled = true) {
  return useQuery({
    queryKey: keys.alerts(status),
    queryFn: () => api.get<Items<AlertItem>>(`/api/alerts${query({ status })}`),
    placeholderData: keepPreviousData,
    refetchInterval: 60_000,
    enabled,
  });
}

export function useAlert(id: string) {
  return useQuery({
    queryKey: keys.alert(id),
    queryFn: () => api.get<AlertDetail>(`/api/alerts/${enc(id)}`),
    enabled: Boolean(id),
  });
}

export function usePersonMeasures(id: string) {
  return useQuery({
    queryKey: keys.person(id),
    queryFn: () => api.get<PersonMeasures>(`/api/people/${enc(id)}/measures`),
    enabled: Boolean(id),
  });
}

export function useMyMeasures() {
  return useQuery({ queryKey: keys.mine, queryFn: () => api.get<PersonMeasures>('/api/me/measures') });
}

export function useResponse(id: string) {
  return useQuery({
    queryKey: keys.response(id),
    queryFn: () => api.get<ResponseDetail>(`/api/responses/${enc(id)}`),
    enabled: Boolean(id),
  });
}

export function useAggregates(params: { processId?: string; organisationId?: string }, enabled = true) {
  const clean = Object.fromEntries(Object.entries(params).filter(([, v]) => v)) as Record<string, string>;
  return useQuery({
    queryKey: keys.aggregates(clean),
    queryFn: () => api.get<Aggregates>(`/api/measures/aggregates${query(clean)}`),
    enabled: enabled && Object.keys(clean).length > 0,
  });
}

export function useRoi(params: { organisationId: string; from: string; to: string; sickDayCostCents: number | null }) {
  const clean: Record<string, string | number> = { organisationId: params.organisationId, from: params.from, to: params.to };
  if (params.sickDayCostCents !== null) clean.sickDayCostCents = params.sickDayCostCents;
  return useQuery({
    queryKey: keys.roi(clean),
    queryFn: () => api.get<Roi>(`/api/measures/roi${query(clean)}`),
    placeholderData: keepPreviousData,
    enabled: Boolean(params.organisationId && params.from && params.to && params.from <= params.to),
  });
}
