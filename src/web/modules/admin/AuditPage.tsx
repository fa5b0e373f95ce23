import { Group, NativeSelect, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type AuditEvent, auditRoutes } from '../../../shared/audit';
import { call } from '../../app/api';
import { TablePagination } from '../../app/components';
import { DataTable } from '../../app/DataTable';
import { useFormat } from '../../app/format-hooks';
import { ErrorAlert } from '../../app/forms';
import { PageLoader } from '../../app/guards';
import { useLabels } from '../../app/labels';
import { localDateToIso } from '../../app/time';
import { usePageTitle } from '../../app/usePageTitle';

const PAGE_SIZE = 50;

function Actor({ entry }: { entry: AuditEvent }) {
  const { t } = useTranslation();
  if (!entry.actorId) return <Text size="sm">{t('audit.system')}</Text>;
  return (
    <div>
      <Text size="sm">{entry.actorName ?? entry.actorEmail ?? entry.actorId}</Text>
      {entry.actorName && entry.actorEmail && (
        <Text size="xs" c="dimmed">
          {entry.actorEmail}
        </Text>
      )}
    </div>
  );
}

export function AuditPage() {
  const { t } = useTranslation();
  const labels = useLabels();
  const format = useFormat();
  usePageTitle(t('audit.title'));
  const [action, setAction] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [actor, setActor] = useState('');
  const [actorId] = useDebouncedValue(actor.trim(), 400);
  const [page, setPage] = useState(1);

  const actions = useQuery({
    queryKey: ['audit', 'actions'],
    queryFn: () => call(auditRoutes.actions),
    staleTime: 60_000,
  });

  const dateOrUndefined = (value: string, endOfDay: boolean) => {
    try {
      return value ? localDateToIso(value, format.timeZone, endOfDay) : undefined;
    } catch {
      return undefined;
    }
  };
  const params = {
    action: action || undefined,
    actorId: actorId || undefined,
    from: dateOrUndefined(from, false),
    to: dateOrUndefined(to, true),
    page,
    pageSize: PAGE_SIZE,
  };
  const log = useQuery({
    queryKey: ['audit', 'log', params],
    queryFn: () => call(auditRoutes.list, { query: params }),
    placeholderData: keepPreviousData,
  });

  const filter = (setter: (v: string) => void) => (value: string) => {
    setter(value);
    setPage(1);
  };
  const actionOptions = [...(actions.data?.items ?? [])]
    .map((value) => ({ value, label: labels.action(value) }))
    .sort((a, b) => a.label.localeCompare(b.label));

  return (
    <Stack gap="md">
      <Title order={1}>{t('audit.title')}</Title>
      <Group align="flex-end" gap="sm" wrap="wrap">
        <NativeSelect
          label={t('audit.action')}
          value={action}
          onChange={(e) => filter(setAction)(e.currentTarget.value)}
          w={{ base: '100%', xs: 260 }}
        >
          <option value="">{t('audit.allActions')}</option>
          {actionOptions.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </NativeSelect>
        <TextInput
          label={t('audit.from')}
          type="date"
          value={from}
          max={to || undefined}
          onChange={(e) => filter(setFrom)(e.currentTarget.value)}
          w={{ base: '100%', xs: 170 }}
        />
        <TextInput
          label={t('audit.to')}
          type="date"
          value={to}
          min={from || undefined}
          onChange={(e) => filter(setTo)(e.currentTarget.value)}
          w={{ base: '100%', xs: 170 }}
        />
        <TextInput
          label={t('audit.actorId')}
          value={actor}
          onChange={(e) => filter(setActor)(e.currentTarget.value)}
          autoComplete="off"
          spellCheck={false}
          w={{ base: '100%', xs: 300 }}
        />
      </Group>
      <Text size="sm" c="dimmed">
        {t('audit.timeZoneNote', { zone: format.timeZone })}
      </Text>
      <ErrorAlert error={log.error ?? actions.error} />
      {log.isPending && <PageLoader />}
      {log.data && (
        <>
          <DataTable
            rows={log.data.items}
            rowKey={(entry) => entry.id}
            label={t('audit.caption')}
            caption={t('audit.caption')}
            minWidth={760}
            testId="audit-table"
            columns={[
              {
                key: 'at',
                header: t('audit.at'),
                cell: (entry) => <time dateTime={entry.at}>{format.dateTime(entry.at, { dateStyle: 'short', timeStyle: 'medium' })}</time>,
              },
              { key: 'actor', header: t('audit.actor'), cell: (entry) => <Actor entry={entry} /> },
              {
                key: 'action',
                header: t('audit.action'),
                primary: true,
                cell: (entry) => (
                  <>
                    <Text size="sm">{labels.action(entry.action)}</Text>
                    <Text size="xs" c="dimmed" ff="monospace">
                      {entry.action}
                    </Text>
                  </>
                ),
              },
              {
                key: 'entity',
                header: t('audit.entity'),
                cell: (entry) =>
                  entry.entityType ? (
                    <Text size="sm">
                      {entry.entityType}
                      {entry.entityId && (
                        <Text span size="xs" c="dimmed" ff="monospace" display="block">
                          {entry.entityId}
                        </Text>
                      )}
                    </Text>
                  ) : (
                    '—'
                  ),
              },
              { key: 'ip', header: t('audit.ip'), cell: (entry) => entry.ip ?? '—' },
            ]}
          />
          {log.data.items.length === 0 && <Text>{t('audit.empty')}</Text>}
          <TablePagination page={page} pageSize={PAGE_SIZE} total={log.data.total} onChange={setPage} />
        </>
      )}
    </Stack>
  );
}
