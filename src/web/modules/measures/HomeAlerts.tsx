import './measures.css';
import { Anchor, Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { Alert } from '../../../shared/measures';
import { useFormat } from '../../app/format-hooks';
import { useRoles } from '../../app/session';
import { relativeAge } from '../../app/time';
import { AlertLevelBadge, useAlertReason } from './alert-view';
import { useInstrumentLookup } from './hooks';
import { paths, useAlerts } from './queries';

/** How many open alerts the home card lists before "all alerts". */
const SHOWN = 5;

/** The current time, refreshed every minute, so "2 hours ago" stays true on a page left open. */
function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 60_000);
    return () => window.clearInterval(timer);
  }, []);
  return now;
}

function AlertLine({ alert, now }: { alert: Alert; now: number }) {
  const { t } = useTranslation('measures');
  const format = useFormat();
  const lookup = useInstrumentLookup();
  const reason = useAlertReason();
  return (
    <li data-testid={alert.level === 'urgent' ? `home-urgent-alert-${alert.id}` : `home-alert-${alert.id}`}>
      <Stack gap={2}>
        <Group gap="xs" wrap="wrap" align="center">
          <Anchor component={Link} to={paths.alert(alert.id)} fw={700}>
            {t('home.urgentItem', { name: alert.personName, instrument: lookup.name(alert.instrumentKey) })}
          </Anchor>
          <AlertLevelBadge level={alert.level} />
          {alert.acknowledgedAt ? (
            <Badge variant="light" color="blue" tt="none" styles={{ root: { height: 'auto' }, label: { whiteSpace: 'normal' } }}>
              {t('home.acknowledged')}
            </Badge>
          ) : (
            <Badge variant="outline" color="red.9" tt="none" styles={{ root: { height: 'auto' }, label: { whiteSpace: 'normal' } }}>
              {t('home.notAcknowledged')}
            </Badge>
          )}
        </Group>
        {/* Each reason is a sentence of its own: joined with ";" they read as one run-on line. */}
        {alert.reasons.length === 1 ? (
          <Text size="sm">{reason(alert.instrumentKey, alert.reasons[0] ?? '')}</Text>
        ) : (
          <ul className="alert-reasons">
            {alert.reasons.map((r) => (
              <Text component="li" size="sm" key={r}>
                {reason(alert.instrumentKey, r)}
              </Text>
            ))}
          </ul>
        )}
        <Text size="sm" c="dimmed">
          {alert.processTitle} ·{' '}
          <time dateTime={alert.createdAt} title={format.dateTime(alert.createdAt)}>
            {relativeAge(alert.createdAt, now, format.locale)}
          </time>
        </Text>
      </Stack>
    </li>
  );
}

function AlertCard() {
  const { t } = useTranslation('measures');
  const alerts = useAlerts('open');
  const now = useNow();
  const open = (alerts.data?.items ?? []).filter((a) => !a.closedAt);
  if (open.length === 0) return null;
  // The list answers urgent open ones first, then the newest; keep that order.
  const urgent = open.filter((a) => a.level === 'urgent');
  const shown = open.slice(0, SHOWN);
  const isUrgent = urgent.length > 0;
  return (
    <Paper
      component="section"
      aria-labelledby="home-alerts"
      withBorder
      p="md"
      style={{ borderColor: isUrgent ? 'var(--mantine-color-red-9)' : 'var(--mantine-color-orange-7)', borderWidth: 2 }}
      data-testid={isUrgent ? 'home-urgent-alerts' : 'home-open-alerts'}
    >
      <Stack gap="sm">
        <Title order={2} size="h3" id="home-alerts" c={isUrgent ? 'red.9' : undefined}>
          {isUrgent ? t('home.urgentTitle', { count: urgent.length }) : t('home.openAlerts', { count: open.length })}
        </Title>
        <Text size="sm">{t('home.urgentIntro')}</Text>
        <ul className="plain-list home-alerts">
          {shown.map((a) => (
            <AlertLine key={a.id} alert={a} now={now} />
          ))}
        </ul>
        <Anchor component={Link} to={paths.alerts} size="sm">
          {open.length > shown.length ? t('home.moreAlerts', { count: open.length }) : t('home.allAlerts')}
        </Anchor>
      </Stack>
    </Paper>
  );
}

/** On the practitioner's home, above everything else: open alerts (urgent first) until they are handled. */
export function HomeAlerts() {
  const { isPractitioner } = useRoles();
  if (!isPractitioner) return null;
  return <AlertCard />;
}
