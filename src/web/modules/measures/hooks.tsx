import { Badge } from '@mantine/core';
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Locale } from '../../../shared/locales';
import type { AlertLevel, AlertStatus, BandSummary, CheckinStatus, InstrumentSummary, Severity } from '../../../shared/measures';
import { toLocale } from '../../app/i18n';
import { useModuleError } from '../../app/labels';
import { pickText, severityColor, type Text } from './logic';
import { useInstruments } from './queries';

/** The active interface language. */
export function useLocale(): Locale {
  const { i18n } = useTranslation();
  return toLocale(i18n.resolvedLanguage ?? i18n.language) ?? 'en';
}

/** Pick an instrument text (LocalText) in the active language, falling back per `languages`. */
export function useLocalText() {
  const locale = useLocale();
  return useCallback((text: Text | null | undefined, languages: readonly Locale[] = []) => pickText(text, locale, languages), [locale]);
}

const OWN_ERRORS = [
  'link_unknown',
  'link_expired',
  'already_answered',
  'invalid_definition',
  'not_a_crisis',
  'invalid_plan',
  'invalid_range',
  'built_in',
  'instrument_unavailable',
  'no_participants',
  'invalid_translation',
  'built_in_only',
  'already_withdrawn',
];

/** Error text: this module's own codes first, then the app's general ones. */
export function useMeasuresError() {
  return useModuleError('measures', OWN_ERRORS);
}

/** Translated labels of the module's enumerations; unknown values render raw. */
export function useMeasureLabels() {
  const { t } = useTranslation('measures');
  return useMemo(() => {
    const pick = (group: string) => (value: string | null | undefined) => (value ? t(`${group}.${value}`, { defaultValue: value }) : '—');
    return {
      trigger: pick('trigger'),
      checkinStatus: pick('checkinStatus'),
      alertStatus: pick('alertStatus'),
      outcome: pick('outcome'),
      severity: pick('severity'),
      level: pick('level'),
      skipped: pick('skipped'),
      monthReason: pick('monthReason'),
    };
  }, [t]);
}

/** Instrument names and bands by key, from the library (staff only; others get the key back). */
export function useInstrumentLookup(enabled = true) {
  const instruments = useInstruments(enabled);
  const text = useLocalText();
  return useMemo(() => {
    const byKey = new Map<string, InstrumentSummary>();
    for (const i of instruments.data?.items ?? []) byKey.set(i.key, i);
    return {
      isPending: instruments.isPending,
      items: instruments.data?.items ?? [],
      get: (key: string) => byKey.get(key),
      name: (key: string) => {
        const found = byKey.get(key);
        return found ? text(found.name, found.languages) : key;
      },
      band: (key: string, bandId: string | null | undefined): BandSummary | undefined =>
        bandId ? byKey.get(key)?.bands.find((b) => b.id === bandId) : undefined,
    };
  }, [instruments.data, instruments.isPending, text]);
}

/** A readable alert reason: the band's label, the flag's id, or "a drop since the last answer". */
export function SeverityBadge({ severity, label }: { severity: Severity | string | null | undefined; label: string }) {
  return (
    <Badge variant="light" color={severityColor(severity)} tt="none">
      {label}
    </Badge>
  );
}

export function LevelBadge({ level }: { level: AlertLevel | null | undefined }) {
  const labels = useMeasureLabels();
  if (!level) return null;
  return (
    <Badge variant={level === 'urgent' ? 'filled' : 'light'} color={level === 'urgent' ? 'red.9' : 'orange'} tt="none">
      {labels.level(level)}
    </Badge>
  );
}

const CHECKIN_COLORS: Record<CheckinStatus, string> = { scheduled: 'gray', sent: 'blue', answered: 'green', cancelled: 'red' };

export function CheckinStatusBadge({ status }: { status: CheckinStatus }) {
  const labels = useMeasureLabels();
  return (
    <Badge variant="light" color={CHECKIN_COLORS[status] ?? 'gray'} tt="none">
      {labels.checkinStatus(status)}
    </Badge>
  );
}

export function AlertStatusBadge({ status }: { status: AlertStatus }) {
  const labels = useMeasureLabels();
  const color = status === 'closed' ? 'gray' : status === 'open' ? 'red' : 'blue';
  return (
    <Badge variant="light" color={color} tt="none">
      {labels.alertStatus(status)}
    </Badge>
  );
}
