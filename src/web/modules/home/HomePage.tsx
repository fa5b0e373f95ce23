import { Anchor, Badge, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { home as homeRoute } from '../../../shared/home';
import type { Out } from '../../../shared/http';
import { call } from '../../app/api';
import { useFormat } from '../../app/format-hooks';
import { ErrorAlert } from '../../app/forms';
import { PageLoader } from '../../app/guards';
import { useLabels, useTranslateOr } from '../../app/labels';
import { useSession } from '../../app/session';
import { usePageTitle } from '../../app/usePageTitle';
import { HomeIntake } from '../intake/HomeIntake';
import { HomeAlerts } from '../measures/HomeAlerts';
import { SupervisionHomeCards } from '../supervision/HomeCards';
import { ProviderSwitcher } from './ProviderSwitcher';

const CARD_LINKS: Record<string, string> = {
  members: '/admin/members',
  invitations: '/admin/invitations',
  pendingInvitations: '/admin/invitations',
  organisations: '/admin/organisations',
  providers: '/platform/providers',
};

/** What each role finds in the app today, as links (labels are i18n keys, `ns:key` for a module's). */
const ROLE_LINKS: Partial<Record<string, { to: string; label: string }[]>> = {
  provider_admin: [
    { to: '/admin/members', label: 'nav.members' },
    { to: '/admin/organisations', label: 'nav.organisations' },
    { to: '/admin/services', label: 'home.links.catalogue' },
    { to: '/processes', label: 'home.links.agreements' },
    { to: '/intake', label: 'home.links.intake' },
    { to: '/admin/invoicing', label: 'home.links.invoicing' },
    { to: '/admin/audit', label: 'nav.audit' },
  ],
  practitioner: [
    { to: '/processes', label: 'supervision:nav.processes' },
    { to: '/calendar', label: 'supervision:nav.calendar' },
    { to: '/alerts', label: 'measures:nav.alerts' },
    { to: '/intake', label: 'intake:nav.queue' },
  ],
  client_contact: [
    { to: '/requests', label: 'intake:nav.requests' },
    { to: '/processes', label: 'supervision:nav.processes' },
    { to: '/follow-up', label: 'measures:nav.followUp' },
    { to: '/roi', label: 'measures:nav.roi' },
  ],
};

type HomeCard = Out<typeof homeRoute>['cards'][number];

function Card({ card }: { card: HomeCard }) {
  const { t } = useTranslation();
  const tOr = useTranslateOr();
  const format = useFormat();
  const title = tOr(`home.cards.${card.key}`, card.key);
  const link = CARD_LINKS[card.key];
  return (
    <Paper withBorder p="md">
      <Stack gap={4}>
        <Title order={3} size="h5">
          {link ? (
            <Anchor component={Link} to={link} inherit>
              {title}
            </Anchor>
          ) : (
            title
          )}
        </Title>
        <Text size="xl" fw={700}>
          {card.count === null ? '—' : format.number(card.count)}
        </Text>
        {card.count === null && (
          <Text size="xs" c="dimmed">
            {t('home.noCount')}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}

export function HomePage() {
  const { t } = useTranslation();
  const labels = useLabels();
  const tOr = useTranslateOr();
  const { data: session } = useSession();
  const home = useQuery({ queryKey: ['home', session?.providerId], queryFn: () => call(homeRoute) });
  usePageTitle(t('home.title'));
  if (!session) return null;

  const roles: string[] = session.roles.length > 0 ? session.roles : home.data?.role ? [home.data.role] : [];
  if (session.user.isPlatformAdmin && !roles.includes('platform_admin')) roles.push('platform_admin');

  return (
    <Stack gap="lg">
      <Title order={1} data-testid="home-heading">
        {t('home.greeting', { name: session.user.name })}
      </Title>
      <HomeAlerts />
      <ProviderSwitcher session={session} />
      {home.isPending && <PageLoader />}
      <ErrorAlert error={home.error} />
      {home.data?.role && (
        <Group gap="xs">
          <Text>{t('home.activeRole')}</Text>
          <Badge variant="light" size="lg" tt="none">
            {labels.role(home.data.role)}
          </Badge>
          {home.data.providerName && <Text c="dimmed">{t('home.atProvider', { provider: home.data.providerName })}</Text>}
        </Group>
      )}
      <HomeIntake session={session} />
      <SupervisionHomeCards />
      {home.data && home.data.cards.length > 0 && (
        <section aria-labelledby="home-overview">
          <Title order={2} size="h3" id="home-overview" mb="sm">
            {t('home.overview')}
          </Title>
          <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }}>
            {home.data.cards.map((card) => (
              <Card key={card.key} card={card} />
            ))}
          </SimpleGrid>
        </section>
      )}
      {roles.length > 0 && (
        <section aria-labelledby="home-coming">
          <Title order={2} size="h3" id="home-coming" mb="sm">
            {t('home.comingTitle')}
          </Title>
          <Stack gap="xs">
            {roles.map((role) => (
              <Paper key={role} withBorder p="md">
                <Title order={3} size="h5">
                  {labels.role(role)}
                </Title>
                <Text size="sm">{tOr(`home.roleIntro.${role}`, '')}</Text>
                {ROLE_LINKS[role] && (
                  <ul
                    style={{
                      listStyle: 'none',
                      margin: 'var(--mantine-spacing-xs) 0 0',
                      padding: 0,
                      display: 'flex',
                      flexWrap: 'wrap',
                      gap: 'var(--mantine-spacing-xs) var(--mantine-spacing-md)',
                    }}
                    data-testid={`home-links-${role}`}
                  >
                    {ROLE_LINKS[role].map((link) => (
                      <li key={link.to}>
                        <Anchor component={Link} to={link.to} size="sm">
                          {t(link.label)}
                        </Anchor>
                      </li>
                    ))}
                  </ul>
                )}
              </Paper>
            ))}
          </Stack>
        </section>
      )}
    </Stack>
  );
}
