import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { securityRoutes } from '../../../shared/tenancy';
import { call } from '../../app/api';
import { DataTable } from '../../app/DataTable';
import { useFormat } from '../../app/format-hooks';
import { ErrorAlert } from '../../app/forms';
import { PageLoader } from '../../app/guards';
import { useLabels } from '../../app/labels';
import { timeZoneLabel } from '../../app/time';
import { usePageTitle } from '../../app/usePageTitle';

const PAGE_SIZE = 100;

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
    queryFn: () => call(securityRoutes.grants, { query: { page, pageSize: PAGE_SIZE } }),
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
          <DataTable
            rows={view.data.holders}
            rowKey={(h) => h.membershipId}
            label={t('security.holdersCaption')}
            caption={t('security.holdersCaption')}
            testId="security-holders"
            columns={[
              { key: 'name', header: t('security.name'), primary: true, cell: (h) => h.name },
              { key: 'email', header: t('security.email'), cell: (h) => h.email },
              { key: 'role', header: t('security.role'), cell: (h) => labels.role(h.role) },
              { key: 'since', header: t('security.since'), cell: (h) => <time dateTime={h.since}>{format.date(h.since)}</time> },
            ]}
          />

          <Title order={2}>{t('security.eventsTitle')}</Title>
          <Text size="sm" c="dimmed">
            {t('audit.timeZoneNote', { zone: timeZoneLabel(format.timeZone, format.locale) })}
          </Text>
          <DataTable
            rows={view.data.events}
            rowKey={(e) => e.id}
            label={t('security.eventsCaption')}
            caption={t('security.eventsCaption')}
            minWidth={760}
            testId="security-events"
            columns={[
              {
                key: 'at',
                header: t('security.at'),
                cell: (e) => <time dateTime={e.at}>{format.dateTime(e.at, { dateStyle: 'short', timeStyle: 'short' })}</time>,
              },
              {
                key: 'what',
                header: t('security.what'),
                primary: true,
                cell: (e) => (
                  <>
                    <Text size="sm">{t(`security.kind.${e.kind}`, { role: roleName(e.role) })}</Text>
                    {e.previousRole && (
                      <Text size="xs" c="dimmed">
                        {t('security.previousRole', { role: roleName(e.previousRole) })}
                      </Text>
                    )}
                  </>
                ),
              },
              { key: 'subject', header: t('security.subject'), cell: (e) => e.subjectName ?? t('security.unknown') },
              { key: 'process', header: t('security.process'), cell: (e) => e.processTitle ?? '—' },
              { key: 'actor', header: t('security.actor'), cell: (e) => e.actorName ?? t('security.system') },
            ]}
          />
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
