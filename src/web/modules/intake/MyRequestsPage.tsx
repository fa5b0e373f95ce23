import { Anchor, Button, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { DataTable } from '../../app/DataTable';
import { useFormat } from '../../app/format-hooks';
import { ErrorAlert } from '../../app/forms';
import { PageLoader } from '../../app/guards';
import { usePageTitle } from '../../app/usePageTitle';
import { useIntakeLabels, useMyRequests } from './hooks';
import { KindBadge, StatusBadge } from './StatusBadge';

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
        <DataTable
          rows={list.data.items}
          rowKey={(r) => r.id}
          label={t('portal.listTitle')}
          minWidth={720}
          testId="my-requests-table"
          columns={[
            { key: 'created', header: t('fields.createdAt'), cell: (r) => format.dateTime(r.createdAt) },
            { key: 'kind', header: t('fields.kind'), nowrap: true, cell: (r) => <KindBadge kind={r.kind} /> },
            {
              key: 'subject',
              header: t('fields.subject'),
              primary: true,
              cell: (r) => (
                <>
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
                </>
              ),
            },
            { key: 'status', header: t('fields.status'), nowrap: true, cell: (r) => <StatusBadge status={r.status} /> },
            {
              key: 'firstContact',
              header: t('fields.firstContactAt'),
              cell: (r) => (r.firstContactAt ? format.dateTime(r.firstContactAt) : '—'),
            },
          ]}
        />
      )}
    </Stack>
  );
}
