import { Group, NativeSelect, Stack, Text, TextInput, Title } from '@mantine/core';
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
import { localDateToIso, timeZoneLabel } from '../../app/time';
import { usePageTitle } from '../../app/usePageTitle';

const PAGE_SIZE = 50;

/** The record an event is about: named where the reader may see it, else its kind ("A process"). */
function Target({ entry }: { entry: AuditEvent }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  if (!entry.entityType) return <>—</>;
  // A sign-in or a profile change is about the actor's own account: "a user" would hide that.
  if (entry.entityType === 'user' && entry.entityId && entry.entityId === entry.actorId)
    return <Text size="sm">{t('audit.targetSelf')}</Text>;
  const kindKey = `audit.targets.${entry.entityType}`;
  const kind = i18n.exists(kindKey) ? t(kindKey) : t('audit.targets.other');
  if (!entry.targetName) return <Text size="sm">{kind}</Text>;
  const name = entry.targetAt
    ? t('audit.targetAt', { name: entry.targetName, date: format.dateTime(entry.targetAt, { dateStyle: 'short', timeStyle: 'short' }) })
    : entry.targetName;
  return (
    <div>
      <Text size="sm">{name}</Text>
      <Text size="xs" c="dimmed">
        {kind}
      </Text>
    </div>
  );
}

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
  const [actorId, setActorId] = useState('');
  const [page, setPage] = useState(1);

  const actions = useQuery({
    queryKey: ['audit', 'actions'],
    queryFn: () => call(auditRoutes.actions),
    staleTime: 60_000,
  });
  const actors = useQuery({
    queryKey: ['audit', 'actors'],
    queryFn: () => call(auditRoutes.actors),
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
        <NativeSelect
          label={t('audit.actor')}
          value={actorId}
          onChange={(e) => filter(setActorId)(e.currentTarget.value)}
          w={{ base: '100%', xs: 300 }}
          data-testid="audit-actor"
        >
          <option value="">{t('audit.actorAll')}</option>
          {(actors.data?.items ?? []).map((a, _, all) => (
            <option key={a.id} value={a.id}>
              {/* A name reads best; the e-mail only tells apart two people of one name (or names the unnamed). */}
              {!a.name ? a.email : all.filter((b) => b.name === a.name).length > 1 ? `${a.name} (${a.email})` : a.name}
            </option>
          ))}
        </NativeSelect>
      </Group>
      <Text size="sm" c="dimmed">
        {t('audit.timeZoneNote', { zone: timeZoneLabel(format.timeZone, format.locale) })}
      </Text>
      <ErrorAlert error={log.error ?? actions.error ?? actors.error} />
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
                nowrap: true,
                cell: (entry) => (
                  <Text size="sm" component="time" dateTime={entry.at}>
                    {format.dateTime(entry.at, { dateStyle: 'short', timeStyle: 'medium' })}
                  </Text>
                ),
              },
              { key: 'actor', header: t('audit.actor'), cell: (entry) => <Actor entry={entry} /> },
              {
                key: 'action',
                header: t('audit.action'),
                primary: true,
                cell: (entry) => <Text size="sm">{labels.action(entry.action)}</Text>,
              },
              {
                key: 'entity',
                header: t('audit.entity'),
                cell: (entry) => <Target entry={entry} />,
              },
              { key: 'ip', header: t('audit.ip'), nowrap: true, cell: (entry) => <Text size="sm">{entry.ip ?? '—'}</Text> },
            ]}
          />
          {log.data.items.length === 0 && <Text>{t('audit.empty')}</Text>}
          <TablePagination page={page} pageSize={PAGE_SIZE} total={log.data.total} onChange={setPage} />
        </>
      )}
    </Stack>
  );
}
