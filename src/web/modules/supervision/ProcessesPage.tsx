import { Anchor, Button, Group, NativeSelect, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { processQuery, processStatuses } from '../../../shared/processes';
import { DataTable } from '../../app/DataTable';
import { ErrorAlert } from '../../app/forms';
import { PageLoader } from '../../app/guards';
import { useServiceName } from '../../app/service-name';
import { useRoles } from '../../app/session';
import { usePageTitle } from '../../app/usePageTitle';
import { useSupervisionFormat } from './hooks';
import { StatusBadge, useEnumLabels } from './labels';
import { paths, useProcesses } from './queries';

export function ProcessesPage() {
  const { t } = useTranslation('supervision');
  const serviceName = useServiceName();
  const labels = useEnumLabels();
  const format = useSupervisionFormat();
  const { isStaff, isAdmin, isClientContact, isParticipant } = useRoles();
  usePageTitle(t('processes.title'));
  const [params, setParams] = useSearchParams();
  // A status in the address that the contract does not know lists every process.
  const status = processQuery.shape.status.safeParse(params.get('status') ?? undefined).data ?? '';
  const setStatus = (value: string) => setParams(value ? { status: value } : {}, { replace: true });
  const processes = useProcesses(status ? { status } : {});
  const items = processes.data?.items ?? [];

  const intro = isAdmin
    ? t('processes.introAdmin')
    : isStaff
      ? t('processes.introPractitioner')
      : isClientContact
        ? t('processes.introClient')
        : isParticipant
          ? t('processes.introParticipant')
          : '';

  return (
    <Stack gap="md">
      <Group justify="space-between" align="center">
        <Title order={1}>{t('processes.title')}</Title>
        {isStaff && (
          <Button component={Link} to="/processes/new">
            {t('processes.new')}
          </Button>
        )}
      </Group>
      {intro && <Text c="dimmed">{intro}</Text>}
      <NativeSelect
        label={t('processes.filterStatus')}
        value={status}
        onChange={(e) => setStatus(e.currentTarget.value)}
        w={{ base: '100%', xs: 240 }}
      >
        <option value="">{t('processes.allStatuses')}</option>
        <option value="open">{t('processes.openStatuses')}</option>
        {processStatuses.map((s) => (
          <option key={s} value={s}>
            {labels.status(s)}
          </option>
        ))}
      </NativeSelect>
      <ErrorAlert error={processes.error} />
      {processes.isPending && <PageLoader />}
      {processes.data && (
        <>
          <DataTable
            rows={items}
            rowKey={(p) => p.id}
            label={t('processes.caption')}
            caption={t('processes.caption')}
            minWidth={820}
            testId="processes-table"
            columns={[
              {
                key: 'title',
                header: t('processes.titleColumn'),
                primary: true,
                cell: (p) => (
                  <Anchor component={Link} to={paths.process(p.id)}>
                    {p.title}
                  </Anchor>
                ),
              },
              { key: 'organisation', header: t('process.organisation'), cell: (p) => p.organisationName },
              { key: 'service', header: t('process.service'), cell: (p) => serviceName(p.serviceNames) },
              { key: 'status', header: t('process.status'), cell: (p) => <StatusBadge status={p.status} /> },
              { key: 'practitioners', header: t('process.practitioners'), cell: (p) => p.practitionerNames.join(', ') || '—' },
              ...(isParticipant
                ? []
                : [
                    {
                      key: 'participants',
                      header: t('processes.participantCount'),
                      cell: (p: (typeof items)[number]) => (p.participantCount === null ? '—' : format.number(p.participantCount)),
                    },
                  ]),
              {
                key: 'next',
                header: t('processes.nextMeeting'),
                cell: (p) => (p.nextMeetingAt ? <time dateTime={p.nextMeetingAt}>{format.dateTime(p.nextMeetingAt)}</time> : '—'),
              },
              {
                key: 'last',
                header: t('processes.lastMeeting'),
                cell: (p) => (p.lastMeetingAt ? <time dateTime={p.lastMeetingAt}>{format.dateTime(p.lastMeetingAt)}</time> : '—'),
              },
            ]}
          />
          {items.length === 0 && <Text>{status ? t('processes.emptyFiltered') : t('processes.empty')}</Text>}
        </>
      )}
    </Stack>
  );
}
