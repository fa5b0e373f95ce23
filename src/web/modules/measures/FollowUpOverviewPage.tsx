import { Anchor, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { PageLoader } from '../../app/guards';
import { usePageTitle } from '../../app/usePageTitle';
import { StatusBadge } from '../supervision/labels';
import { useProcesses } from '../supervision/queries';
import { AggregateView } from './AggregateView';
import { OrganisationSelect, useOrganisationParam } from './OrganisationChoice';

/** `/follow-up`: the organisation's check-in aggregates, and its processes (client contact, provider admin). */
export function FollowUpOverviewPage() {
  const { t } = useTranslation('measures');
  const { organisationId, own, canChoose, setOrganisationId } = useOrganisationParam();
  const processes = useProcesses({ organisationId }, Boolean(organisationId));
  usePageTitle(t('overview.title'));
  const list = (processes.data?.items ?? []).filter((p) => p.organisationId === organisationId);
  return (
    <Stack gap="lg">
      <Title order={1}>{t('overview.title')}</Title>
      <Text>{t('overview.intro')}</Text>
      {canChoose && <OrganisationSelect value={organisationId} onChange={setOrganisationId} />}
      {!canChoose && own?.name && <Text fw={600}>{own.name}</Text>}
      {!organisationId ? (
        <Text>{canChoose ? t('overview.chooseOrganisation') : t('overview.noOrganisation')}</Text>
      ) : (
        <>
          <Paper withBorder p="md" component="section" aria-labelledby="overview-aggregates">
            <Title order={2} size="h3" id="overview-aggregates" mb="sm">
              {t('overview.aggregates')}
            </Title>
            <AggregateView organisationId={organisationId} />
          </Paper>
          <Paper withBorder p="md" component="section" aria-labelledby="overview-processes">
            <Title order={2} size="h3" id="overview-processes" mb="sm">
              {t('overview.processes')}
            </Title>
            {processes.isPending && <PageLoader />}
            {processes.data && list.length === 0 && <Text>{t('overview.noProcesses')}</Text>}
            <ul className="plain-list">
              {list.map((p) => (
                <li key={p.id}>
                  <Anchor component={Link} to={`/processes/${encodeURIComponent(p.id)}#process-follow-up`}>
                    {p.title}
                  </Anchor>{' '}
                  <StatusBadge status={p.status} />
                </li>
              ))}
            </ul>
          </Paper>
        </>
      )}
    </Stack>
  );
}
