import { Anchor, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ScrollTable } from '../../app/components';
import { useFormat } from '../../app/format-hooks';
import { ErrorAlert } from '../../app/forms';
import { PageLoader } from '../../app/guards';
import { usePageTitle } from '../../app/usePageTitle';
import { useIntakeLabels, useMyRequests } from './hooks';
import { KindBadge, StatusBadge } from './StatusBadge';
import { NO_WRAP } from './styles';

/** `/requests`: a client contact's own requests and what became of them. */
export function MyRequestsPage() {
  const { t } = useTranslation('intake');
  const format = useFormat();
  const labels = useIntakeLabels();
  usePageTitle(t('portal.listTitle'));
  const list = useMyRequests();
  return (
    <Stack gap="md">
      <Title order={1}>{t('portal.listTitle')}</Title>
      <Group gap="sm">
        <Button component={Link} to="/requests/new?kind=crisis" color="red">
          {t('home.requestCrisis')}
        </Button>
        <Button component={Link} to="/requests/new?kind=service" variant="default">
          {t('home.requestService')}
        </Button>
      </Group>
      {list.isPending && <PageLoader />}
      <ErrorAlert error={list.error} />
      {list.data && list.data.items.length === 0 && <Text>{t('portal.empty')}</Text>}
      {list.data && list.data.items.length > 0 && (
        <ScrollTable minWidth={720} label={t('portal.listTitle')}>
          <Table striped data-testid="my-requests-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('fields.createdAt')}</Table.Th>
                <Table.Th scope="col">{t('fields.kind')}</Table.Th>
                <Table.Th scope="col">{t('fields.subject')}</Table.Th>
                <Table.Th scope="col">{t('fields.status')}</Table.Th>
                <Table.Th scope="col">{t('fields.firstContactAt')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data.items.map((r) => (
                <Table.Tr key={r.id}>
                  <Table.Td>{format.dateTime(r.createdAt)}</Table.Td>
                  <Table.Td style={NO_WRAP}>
                    <KindBadge kind={r.kind} />
                  </Table.Td>
                  <Table.Td>
                    {r.kind === 'crisis'
                      ? labels.eventType(r.eventType)
                      : r.serviceKind
                        ? labels.serviceKind(r.serviceKind)
                        : t('fields.serviceUnspecified')}
                    {r.processId && (
                      <Text size="sm">
                        <Anchor component={Link} to={`/processes/${encodeURIComponent(r.processId)}`}>
                          {t('detail.openProcess')}
                        </Anchor>
                      </Text>
                    )}
                    {r.status === 'declined' && r.declineReason && (
                      <Text size="sm" c="dimmed">
                        {t('fields.declineReason')}: {r.declineReason}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td style={NO_WRAP}>
                    <StatusBadge status={r.status} />
                  </Table.Td>
                  <Table.Td>{r.firstContactAt ? format.dateTime(r.firstContactAt) : '—'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      )}
    </Stack>
  );
}
