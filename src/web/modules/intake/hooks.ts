import { useQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { intakeApi } from '../../../shared/intake';
import { serviceRoutes } from '../../../shared/processes';
import { call } from '../../app/api';
import { durationParts } from './time';

/** The current time, refreshed every `intervalMs` (a live clock). */
export function useNow(intervalMs = 15_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), intervalMs);
    return () => window.clearInterval(timer);
  }, [intervalMs]);
  return now;
}

/** Labels of the intake enumerations; an unknown value renders as is. */
export function useIntakeLabels() {
  const { t, i18n } = useTranslation('intake');
  const label = useCallback(
    (group: string, value: string | null | undefined) => {
      if (!value) return '—';
      const key = `${group}.${value}`;
      return typeof i18n.getResource('en', 'intake', key) === 'string' ? t(key) : value;
    },
    [t, i18n],
  );
  return {
    eventType: (value: string | null | undefined) => label('eventTypes', value),
    serviceKind: (value: string | null | undefined) => label('serviceKinds', value),
    status: (value: string | null | undefined) => label('statuses', value),
    cadence: (value: string | null | undefined) => label('cadences', value),
    place: (value: string | null | undefined) => label('places', value),
    language: (value: string | null | undefined) => label('languages', value),
    kind: (value: string | null | undefined) => label('kinds', value),
  };
}

/** "2 h 14 min" in the active language, from a number of minutes. */
export function useDuration() {
  const { t } = useTranslation('intake');
  return useCallback(
    (totalMinutes: number) => {
      const { days, hours, minutes } = durationParts(totalMinutes);
      if (days > 0) return hours > 0 ? t('duration.daysHours', { days, hours }) : t('duration.days', { days });
      if (hours > 0) return minutes > 0 ? t('duration.hoursMinutes', { hours, minutes }) : t('duration.hours', { hours });
      return t('duration.minutes', { minutes });
    },
    [t],
  );
}

/** The provider's service catalogue. */
export function useServices() {
  return useQuery({
    queryKey: ['services'],
    queryFn: () => call(serviceRoutes.list),
    staleTime: 30_000,
  });
}

export const REQUESTS_KEY = ['intake', 'requests'] as const;

/** The intake queue, polled every 30 s. */
export function useRequestQueue(status: 'open' | 'all', enabled = true) {
  return useQuery({
    queryKey: [...REQUESTS_KEY, 'list', status],
    queryFn: () => call(intakeApi.queue, { query: { status } }),
    refetchInterval: 30_000,
    enabled,
  });
}

/** A client contact's own requests (with the provider's first-contact target). */
export function useMyRequests() {
  return useQuery({
    queryKey: [...REQUESTS_KEY, 'mine'],
    queryFn: () => call(intakeApi.mine),
    refetchInterval: 60_000,
  });
}
