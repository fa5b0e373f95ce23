import { Anchor, Button, Group, NativeSelect, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { ScrollTable } from '../../app/components';
import { ErrorAlert } from '../../app/forms';
import { PageLoader } from '../../app/guards';
import { useRoles } from '../../app/session';
import { usePageTitle } from '../../app/usePageTitle';
import { useSupervisionFormat } from './hooks';
import { StatusBadge, useEnumLabels } from './labels';
import { paths, useProcesses } from './queries';
import { PROCESS_STATUSES } from './types';

export function ProcessesPage() {
  const { t } = useTranslation('supervision');
  const labels = useEnumLabels();
  const format = useSupervisionFormat();
  const { isStaff, isAdmin, isClientContact, isParticipant } = useRoles();
  usePageTitle(t('processes.title'));
  const [params, setParams] = useSearchParams();
  const status = params.get('status') ?? '';
  const setStatus = (value: string) => setParams(value ? { status: value } : {}, { replace: true });
  const processes = useProcesses({ status });
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
        {PROCESS_STATUSES.map((s) => (
          <option key={s} value={s}>
            {labels.status(s)}
          </option>
        ))}
      </NativeSelect>
      <ErrorAlert error={processes.error} />
      {processes.isPending && <PageLoader />}
      {processes.data && (
        <>
          <ScrollTable minWidth={820} label={t('processes.caption')}>
            <Table data-testid="processes-table" striped highlightOnHover>
              <Table.Caption>{t('processes.caption')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('processes.titleColumn')}</Table.Th>
                  <Table.Th scope="col">{t('process.organisation')}</Table.Th>
                  <Table.Th scope="col">{t('process.service')}</Table.Th>
                  <Table.Th scope="col">{t('process.status')}</Table.Th>
                  <Table.Th scope="col">{t('process.practitioners')}</Table.Th>
                  <Table.Th scope="col">{t('processes.participantCount')}</Table.Th>
                  <Table.Th scope="col">{t('processes.nextMeeting')}</Table.Th>
                  <Table.Th scope="col">{t('processes.lastMeeting')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((p) => (
                  <Table.Tr key={p.id}>
                    <Table.Td>
                      <Anchor component={Link} to={paths.process(p.id)}>
                        {p.title}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{p.organisationName}</Table.Td>
                    <Table.Td>{p.serviceName}</Table.Td>
                    <Table.Td>
                      <StatusBadge status={p.status} />
                    </Table.Td>
                    <Table.Td>{p.practitionerNames.join(', ') || '—'}</Table.Td>
                    <Table.Td>{format.number(p.participantCount)}</Table.Td>
                    <Table.Td>
                      {p.nextMeetingAt ? <time dateTime={p.nextMeetingAt}>{format.dateTime(p.nextMeetingAt)}</time> : '—'}
                    </Table.Td>
                    <Table.Td>
                      {p.lastMeetingAt ? <time dateTime={p.lastMeetingAt}>{format.dateTime(p.lastMeetingAt)}</time> : '—'}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollTable>
          {items.length === 0 && <Text>{status ? t('processes.emptyFiltered') : t('processes.empty')}</Text>}
        </>
      )}
    </Stack>
  );
}
