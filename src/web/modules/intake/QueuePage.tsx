import { Anchor, Group, Radio, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { IntakeRequest } from '../../../shared/intake';
import { DataTable } from '../../app/DataTable';
import { useFormat } from '../../app/format-hooks';
import { ErrorAlert } from '../../app/forms';
import { PageLoader } from '../../app/guards';
import { usePageTitle } from '../../app/usePageTitle';
import { useDuration, useIntakeLabels, useNow, useRequestQueue } from './hooks';
import { KindBadge, StatusBadge } from './StatusBadge';
import { isOpen, isOverdue, WaitingClock } from './WaitingClock';

const CLOSED = 3;

/**
 * Crisis requests still waiting for a first contact first, then other open crisis requests, then
 * other open ones (oldest first within each), then the rest (newest first).
 */
export function sortQueue(items: IntakeRequest[]): IntakeRequest[] {
  const rank = (r: IntakeRequest) => {
    if (!isOpen(r)) return CLOSED;
    if (r.kind === 'crisis') return r.firstContactAt ? 1 : 0;
    return 2;
  };
  return [...items].sort((a, b) => {
    const byRank = rank(a) - rank(b);
    if (byRank !== 0) return byRank;
    const byTime = Date.parse(a.createdAt) - Date.parse(b.createdAt);
    return rank(a) === CLOSED ? -byTime : byTime;
  });
}

export function requestSubject(request: IntakeRequest, labels: ReturnType<typeof useIntakeLabels>, unspecified: string): string {
  if (request.kind === 'crisis') return labels.eventType(request.eventType);
  return request.serviceKind ? labels.serviceKind(request.serviceKind) : unspecified;
}

/** `/intake`: the provider's incoming requests, crisis first, with a live clock since arrival. */
export function QueuePage() {
  const { t } = useTranslation('intake');
  const format = useFormat();
  const labels = useIntakeLabels();
  const duration = useDuration();
  const now = useNow(15_000);
  usePageTitle(t('queue.title'));
  const [status, setStatus] = useState<'open' | 'all'>('open');
  const list = useRequestQueue(status);
  const items = list.data ? sortQueue(list.data.items) : [];
  const overdueCount = items.filter((r) => isOverdue(r, now)).length;

  return (
    <Stack gap="md">
      <Title order={1}>{t('queue.title')}</Title>
      <Group justify="space-between" align="flex-end" gap="sm">
        <Radio.Group label={t('queue.show')} value={status} onChange={(v) => setStatus(v === 'all' ? 'all' : 'open')}>
          <Group gap="md" mt={4}>
            <Radio value="open" label={t('queue.showOpen')} />
            <Radio value="all" label={t('queue.showAll')} />
          </Group>
        </Radio.Group>
        {list.data && (
          <Stack gap={0} align="flex-end">
            <Text size="sm">{t('queue.target', { duration: duration(list.data.targetMinutes) })}</Text>
            <Text size="xs" c="dimmed">
              {t('queue.updated', {
                time: new Intl.DateTimeFormat(format.locale, { timeZone: format.timeZone, timeStyle: 'short' }).format(list.dataUpdatedAt),
              })}
            </Text>
          </Stack>
        )}
      </Group>
      {list.isPending && <PageLoader />}
      <ErrorAlert error={list.error} />
      {list.data && overdueCount > 0 && (
        <Text fw={700} c="red.9" role="status">
          {t('queue.overdueCount', { count: overdueCount })}
        </Text>
      )}
      {list.data && items.length === 0 && <Text>{status === 'open' ? t('queue.emptyOpen') : t('queue.empty')}</Text>}
      {items.length > 0 && (
        <DataTable
          rows={items}
          rowKey={(r) => r.id}
          label={t('queue.title')}
          caption={t('queue.caption')}
          minWidth={820}
          testId="intake-queue"
          rowStyle={(r) => (r.kind === 'crisis' && isOpen(r) ? { boxShadow: 'inset 4px 0 0 var(--mantine-color-red-8)' } : undefined)}
          columns={[
            { key: 'kind', header: t('fields.kind'), nowrap: true, cell: (r) => <KindBadge kind={r.kind} /> },
            {
              key: 'organisation',
              header: t('fields.organisation'),
              primary: true,
              cell: (r) => (
                <>
                  <Anchor component={Link} to={`/intake/${encodeURIComponent(r.id)}`} fw={600}>
                    {r.organisationName}
                  </Anchor>
                  <Text size="xs" c="dimmed">
                    {r.contactName}
                  </Text>
                </>
              ),
            },
            {
              key: 'subject',
              header: t('fields.subject'),
              cell: (r) => (
                <>
                  {requestSubject(r, labels, t('fields.serviceUnspecified'))}
                  {r.kind === 'crisis' && r.affectedCount !== null && (
                    <Text size="xs" c="dimmed">
                      {t('fields.affectedCountShort', { count: r.affectedCount })}
                    </Text>
                  )}
                </>
              ),
            },
            { key: 'created', header: t('fields.createdAt'), cell: (r) => format.dateTime(r.createdAt) },
            { key: 'firstContact', header: t('fields.firstContact'), cell: (r) => <WaitingClock request={r} now={now} /> },
            { key: 'status', header: t('fields.status'), nowrap: true, cell: (r) => <StatusBadge status={r.status} /> },
          ]}
        />
      )}
    </Stack>
  );
}
