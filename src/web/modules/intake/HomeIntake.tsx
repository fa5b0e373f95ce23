import { Anchor, Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { Session } from '../../../shared/auth';
import { useFormat } from '../../app/format-hooks';
import { useNow, useRequestQueue } from './hooks';
import { isOverdue, WarningIcon } from './WaitingClock';

function OpenRequestsCard() {
  const { t } = useTranslation('intake');
  const format = useFormat();
  const now = useNow(30_000);
  const queue = useRequestQueue('open');
  const items = queue.data?.items ?? [];
  const crisis = items.filter((r) => r.kind === 'crisis').length;
  const overdue = items.filter((r) => isOverdue(r, now)).length;
  return (
    <Paper withBorder p="md" data-testid="home-open-requests">
      <Stack gap={4}>
        <Title order={3} size="h5">
          <Anchor component={Link} to="/intake" inherit>
            {t('home.openRequests')}
          </Anchor>
        </Title>
        {queue.isError ? (
          <Text size="sm">{t('home.unavailable')}</Text>
        ) : (
          <>
            <Text size="xl" fw={700}>
              {queue.data ? t('home.crisisCount', { count: crisis, formatted: format.number(crisis) }) : '—'}
            </Text>
            {queue.data && <Text size="sm">{t('home.openCount', { count: items.length, formatted: format.number(items.length) })}</Text>}
            {overdue > 0 && (
              <Group gap={4} wrap="nowrap" c="red.9">
                <WarningIcon />
                <Text size="sm" fw={700} c="red.9">
                  {t('home.overdueCount', { count: overdue })}
                </Text>
              </Group>
            )}
          </>
        )}
      </Stack>
    </Paper>
  );
}

function RequestSupportCard() {
  const { t } = useTranslation('intake');
  return (
    <Paper withBorder p="md" data-testid="home-request-support">
      <Stack gap="sm">
        <Title order={3} size="h5">
          {t('home.requestTitle')}
        </Title>
        <Text size="sm">{t('home.requestIntro')}</Text>
        <Group gap="sm">
          <Button component={Link} to="/requests/new?kind=crisis" color="red">
            {t('home.requestCrisis')}
          </Button>
          <Button component={Link} to="/requests/new?kind=service" variant="default">
            {t('home.requestService')}
          </Button>
        </Group>
        <Anchor component={Link} to="/requests" size="sm">
          {t('home.myRequests')}
        </Anchor>
      </Stack>
    </Paper>
  );
}

/** The intake cards on the home page, by role: the open queue for staff, asking for support for client contacts. */
export function HomeIntake({ session }: { session: Session }) {
  const { t } = useTranslation('intake');
  const staff = session.roles.includes('provider_admin') || session.roles.includes('practitioner');
  const client = session.roles.includes('client_contact');
  if (!staff && !client) return null;
  return (
    <section aria-labelledby="home-intake">
      <Title order={2} size="h3" id="home-intake" mb="sm">
        {staff ? t('home.staffTitle') : t('home.clientTitle')}
      </Title>
      <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }}>
        {staff && <OpenRequestsCard />}
        {client && <RequestSupportCard />}
      </SimpleGrid>
    </section>
  );
}
