import { Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, query } from '../../app/api';
import { ScrollTable } from '../../app/components';
import { useFormat } from '../../app/format-hooks';
import { ErrorAlert } from '../../app/forms';
import { PageLoader } from '../../app/guards';
import { useLabels } from '../../app/labels';
import { usePageTitle } from '../../app/usePageTitle';

const PAGE_SIZE = 100;

type GrantKind = 'invited' | 'invitation_revoked' | 'joined' | 'role_changed' | 'removed' | 'process_assigned' | 'process_unassigned';

interface SecurityView {
  holders: { membershipId: string; name: string; email: string; role: string; since: string }[];
  events: {
    id: string;
    at: string;
    kind: GrantKind;
    actorName: string | null;
    subjectName: string | null;
    role: string | null;
    previousRole: string | null;
    processTitle: string | null;
  }[];
  hasMore: boolean;
}

/**
 * Who holds a staff role and every grant of a role or a place on a process, with who made it:
 * every provider admin sees what the others granted (issue 7, finding 3). Names, never ids.
 */
export function SecurityPage() {
  const { t } = useTranslation();
  const labels = useLabels();
  const format = useFormat();
  usePageTitle(t('security.title'));
  const [page, setPage] = useState(1);
  const view = useQuery({
    queryKey: ['security', 'grants', page],
    queryFn: () => api.get<SecurityView>(`/api/security/grants${query({ page, pageSize: PAGE_SIZE })}`),
    placeholderData: keepPreviousData,
  });
  const roleName = (role: string | null) => (role ? labels.role(role) : t('security.unknown'));

  return (
    <Stack gap="md">
      <Title order={1}>{t('security.title')}</Title>
      <Text>{t('security.intro')}</Text>
      <ErrorAlert error={view.error} />
      {view.isPending && <PageLoader />}
      {view.data && (
        <>
          <Title order={2}>{t('security.holdersTitle')}</Title>
          <ScrollTable minWidth={560} label={t('security.holdersCaption')}>
            <Table data-testid="security-holders" striped>
              <Table.Caption>{t('security.holdersCaption')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('security.name')}</Table.Th>
                  <Table.Th scope="col">{t('security.email')}</Table.Th>
                  <Table.Th scope="col">{t('security.role')}</Table.Th>
                  <Table.Th scope="col">{t('security.since')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {view.data.holders.map((h) => (
                  <Table.Tr key={h.membershipId}>
                    <Table.Td>{h.name}</Table.Td>
                    <Table.Td>{h.email}</Table.Td>
                    <Table.Td>{labels.role(h.role)}</Table.Td>
                    <Table.Td>
                      <time dateTime={h.since}>{format.date(h.since)}</time>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollTable>

          <Title order={2}>{t('security.eventsTitle')}</Title>
          <Text size="sm" c="dimmed">
            {t('audit.timeZoneNote', { zone: format.timeZone })}
          </Text>
          <ScrollTable minWidth={760} label={t('security.eventsCaption')}>
            <Table data-testid="security-events" striped>
              <Table.Caption>{t('security.eventsCaption')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('security.at')}</Table.Th>
                  <Table.Th scope="col">{t('security.what')}</Table.Th>
                  <Table.Th scope="col">{t('security.subject')}</Table.Th>
                  <Table.Th scope="col">{t('security.process')}</Table.Th>
                  <Table.Th scope="col">{t('security.actor')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {view.data.events.map((e) => (
                  <Table.Tr key={e.id}>
                    <Table.Td>
                      <time dateTime={e.at}>{format.dateTime(e.at, { dateStyle: 'short', timeStyle: 'short' })}</time>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{t(`security.kind.${e.kind}`, { role: roleName(e.role) })}</Text>
                      {e.previousRole && (
                        <Text size="xs" c="dimmed">
                          {t('security.previousRole', { role: roleName(e.previousRole) })}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>{e.subjectName ?? t('security.unknown')}</Table.Td>
                    <Table.Td>{e.processTitle ?? '—'}</Table.Td>
                    <Table.Td>{e.actorName ?? t('security.system')}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollTable>
          {view.data.events.length === 0 && <Text>{t('security.empty')}</Text>}
          {(page > 1 || view.data.hasMore) && (
            <Group gap="sm">
              <Button variant="default" size="xs" disabled={page === 1} onClick={() => setPage((p) => p - 1)}>
                {t('common.page_previous')}
              </Button>
              <Button variant="default" size="xs" disabled={!view.data.hasMore} onClick={() => setPage((p) => p + 1)}>
                {t('common.page_next')}
              </Button>
            </Group>
          )}
        </>
      )}
    </Stack>
  );
}
