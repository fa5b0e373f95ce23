import { Badge, type BadgeProps } from '@mantine/core';
import { useCallback } from 'react';
import type { AlertLevel, AlertStatus } from '../../../shared/measures';
import { parseReason } from '../../../shared/measures-logic';
import { reasonText } from '../../../shared/measures-reasons';
import { useInstrumentLookup, useLocale, useMeasureLabels } from './hooks';

/**
 * Alerts as a person reads them: the reason in words in the interface language (never a raw key,
 * never an English band name in a Finnish page) and level and status badges shown whole.
 */
export function useAlertReason() {
  const locale = useLocale();
  const lookup = useInstrumentLookup();
  return useCallback(
    (instrumentKey: string, reason: string) => {
      const parsed = parseReason(reason);
      const own = parsed.kind === 'band' ? lookup.band(instrumentKey, parsed.id)?.label : undefined;
      return reasonText(locale, instrumentKey, reason, own);
    },
    [locale, lookup],
  );
}

/** A badge that never cuts its text ("Kiireellinen hälytys", not "Kiire…"): it wraps instead. */
export const whole: BadgeProps['styles'] = {
  root: { height: 'auto', maxWidth: 'none', flexShrink: 0, paddingBlock: 2, overflow: 'visible' },
  label: { overflow: 'visible', textOverflow: 'clip', whiteSpace: 'normal', lineHeight: 1.3 },
};

export function AlertLevelBadge({ level }: { level: AlertLevel }) {
  const labels = useMeasureLabels();
  return (
    <Badge variant={level === 'urgent' ? 'filled' : 'light'} color={level === 'urgent' ? 'red.9' : 'orange'} tt="none" styles={whole}>
      {labels.level(level)}
    </Badge>
  );
}

export function AlertStateBadge({ status }: { status: AlertStatus }) {
  const labels = useMeasureLabels();
  const color = status === 'closed' ? 'gray' : status === 'open' ? 'red' : 'blue';
  return (
    <Badge variant="light" color={color} tt="none" styles={whole}>
      {labels.alertStatus(status)}
    </Badge>
  );
}
