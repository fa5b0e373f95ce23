import './measures.css';
import { Anchor, Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useFormat } from '../../app/format-hooks';
import { useRoles } from '../../app/session';
import { useInstrumentLookup } from './hooks';
import { paths, useAlerts } from './queries';

function UrgentAlerts() {
  const { t } = useTranslation('measures');
  const format = useFormat();
  const alerts = useAlerts('open');
  const lookup = useInstrumentLookup();
  const open = (alerts.data?.items ?? []).filter((a) => !a.closedAt);
  const urgent = open.filter((a) => a.level === 'urgent');
  if (urgent.length === 0) {
    if (open.length === 0) return null;
    return (
      <Text data-testid="home-open-alerts">
        <Anchor component={Link} to={paths.alerts}>
          {t('home.openAlerts', { count: open.length })}
        </Anchor>
      </Text>
    );
  }
  return (
    <Paper
      component="section"
      aria-labelledby="home-urgent-alerts"
      withBorder
      p="md"
      style={{ borderColor: 'var(--mantine-color-red-9)', borderWidth: 2 }}
      data-testid="home-urgent-alerts"
    >
      <Stack gap="xs">
        <Title order={2} size="h3" id="home-urgent-alerts" c="red.9">
          {t('home.urgentTitle', { count: urgent.length })}
        </Title>
        <Text size="sm">{t('home.urgentIntro')}</Text>
        <ul className="plain-list">
          {urgent.map((a) => (
            <li key={a.id} data-testid={`home-urgent-alert-${a.id}`}>
              <Group gap="xs" wrap="wrap">
                <Anchor component={Link} to={paths.alert(a.id)} fw={600}>
                  {t('home.urgentItem', { name: a.personName, instrument: lookup.name(a.instrumentKey) })}
                </Anchor>
                <Text span size="sm">
                  {a.processTitle} · <time dateTime={a.createdAt}>{format.dateTime(a.createdAt)}</time>
                </Text>
                {a.acknowledgedAt ? (
                  <Badge variant="light" color="blue" tt="none">
                    {t('home.acknowledged')}
                  </Badge>
                ) : (
                  <Badge variant="filled" color="red.9" tt="none">
                    {t('home.notAcknowledged')}
                  </Badge>
                )}
              </Group>
            </li>
          ))}
        </ul>
        <Anchor component={Link} to={paths.alerts} size="sm">
          {t('home.allAlerts')}
        </Anchor>
      </Stack>
    </Paper>
  );
}

/** On the practitioner's home, above everything else: open urgent alerts until they are handled. */
export function HomeAlerts() {
  const { isPractitioner } = useRoles();
  if (!isPractitioner) return null;
  return <UrgentAlerts />;
}
