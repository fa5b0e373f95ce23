import './supervision.css';
import { ActionIcon, Alert, Button, CopyButton, Group, NativeSelect, Paper, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api';
import { ConfirmModal } from '../../app/components';
import { ErrorAlert } from '../../app/forms';
import { PageLoader } from '../../app/guards';
import { notifySuccess } from '../../app/notify';
import { usePageTitle } from '../../app/usePageTitle';
import { timeZoneOptions } from '../profile/timeZones';
import { useSupervisionError, useSupervisionFormat } from './hooks';
import { keys, useAvailability } from './queries';
import { addDays, todayIn, zonedToIso } from './time';
import type { Absence, Availability, WeeklyHours } from './types';

const A_MONDAY = '2024-01-01';

interface HourRow extends WeeklyHours {
  key: number;
}

function WeeklyEditor({ availability }: { availability: Availability }) {
  const { t } = useTranslation('supervision');
  const format = useSupervisionFormat();
  const errorText = useSupervisionError();
  const queryClient = useQueryClient();
  const zones = useMemo(() => timeZoneOptions([availability.timeZone, format.timeZone]), [availability.timeZone, format.timeZone]);
  const [timeZone, setTimeZone] = useState(availability.timeZone || format.timeZone);
  const [rows, setRows] = useState<HourRow[]>(() =>
    [...availability.weekly].sort((a, b) => a.weekday - b.weekday || a.start.localeCompare(b.start)).map((w, key) => ({ ...w, key })),
  );
  const [nextKey, setNextKey] = useState(rows.length);
  const invalid = rows.some((r) => !r.start || !r.end || r.end <= r.start);
  const save = useMutation({
    mutationFn: () =>
      api.put<Availability>('/api/me/availability', {
        timeZone,
        weekly: rows.map(({ weekday, start, end }) => ({ weekday, start, end })),
      }),
    onSuccess: () => {
      notifySuccess(t('availability.saved'));
      void queryClient.invalidateQueries({ queryKey: keys.availability });
    },
  });
  const update = (key: number, patch: Partial<HourRow>) => setRows((old) => old.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  const weekdays = [1, 2, 3, 4, 5, 6, 7].map((d) => ({ value: String(d), label: format.weekdayLong(addDays(A_MONDAY, d - 1)) }));
  return (
    <Paper component="section" withBorder p="md" aria-labelledby="availability-weekly">
      <Title order={2} size="h3" id="availability-weekly" mb="sm">
        {t('availability.weekly')}
      </Title>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (!invalid) save.mutate();
        }}
      >
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            {t('availability.weeklyIntro')}
          </Text>
          <Select
            label={t('availability.timeZone')}
            description={t('availability.timeZoneHelp')}
            data={zones}
            searchable
            allowDeselect={false}
            nothingFoundMessage={t('common.nothingFound')}
            maxDropdownHeight={280}
            value={timeZone}
            onChange={(v) => v && setTimeZone(v)}
            maw={360}
            required
          />
          {rows.length === 0 && <Text>{t('availability.noHours')}</Text>}
          <ol className="plain-list stack-list" aria-label={t('availability.weekly')}>
            {rows.map((row, index) => {
              const n = index + 1;
              return (
                <li key={row.key}>
                  <Group gap="sm" align="flex-end" wrap="wrap">
                    <NativeSelect
                      label={t('availability.weekday', { n })}
                      data={weekdays}
                      value={String(row.weekday)}
                      onChange={(e) => update(row.key, { weekday: Number(e.currentTarget.value) })}
                      w={180}
                    />
                    <TextInput
                      label={t('availability.start', { n })}
                      type="time"
                      step={900}
                      required
                      value={row.start}
                      onChange={(e) => update(row.key, { start: e.currentTarget.value })}
                      w={130}
                    />
                    <TextInput
                      label={t('availability.end', { n })}
                      type="time"
                      step={900}
                      required
                      value={row.end}
                      error={row.start && row.end && row.end <= row.start ? t('availability.endAfterStart') : undefined}
                      onChange={(e) => update(row.key, { end: e.currentTarget.value })}
                      w={130}
                    />
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      size="lg"
                      aria-label={t('availability.removeRow', { n })}
                      onClick={() => setRows((old) => old.filter((r) => r.key !== row.key))}
                      mb={4}
                    >
                      <span aria-hidden="true">×</span>
                    </ActionIcon>
                  </Group>
                </li>
              );
            })}
          </ol>
          <Group gap="sm">
            <Button
              type="button"
              variant="default"
              onClick={() => {
                const last = rows[rows.length - 1];
                setRows((old) => [
                  ...old,
                  { key: nextKey, weekday: last ? Math.min(7, last.weekday + 1) : 1, start: '09:00', end: '16:00' },
                ]);
                setNextKey((k) => k + 1);
              }}
            >
              {t('availability.addRow')}
            </Button>
            <Button type="submit" loading={save.isPending} disabled={invalid}>
              {t('availability.save')}
            </Button>
          </Group>
          <ErrorAlert error={save.error} message={errorText(save.error)} />
        </Stack>
      </form>
    </Paper>
  );
}

function Absences({ absences }: { absences: Absence[] }) {
  const { t } = useTranslation('supervision');
  const format = useSupervisionFormat();
  const errorText = useSupervisionError();
  const queryClient = useQueryClient();
  const today = todayIn(format.timeZone);
  const [fromDate, setFromDate] = useState(today);
  const [fromTime, setFromTime] = useState('00:00');
  const [toDate, setToDate] = useState(today);
  const [toTime, setToTime] = useState('23:59');
  const [note, setNote] = useState('');
  const startsAt = zonedToIso(fromDate, fromTime, format.timeZone);
  const endsAt = zonedToIso(toDate, toTime, format.timeZone);
  const invalid = !startsAt || !endsAt || endsAt <= startsAt;
  const refresh = () => void queryClient.invalidateQueries({ queryKey: keys.availability });
  const add = useMutation({
    mutationFn: () => api.post<Absence>('/api/me/absences', { startsAt, endsAt, ...(note.trim() ? { note: note.trim() } : {}) }),
    onSuccess: () => {
      notifySuccess(t('absences.added'));
      setNote('');
      refresh();
    },
  });
  const remove = useMutation({
    mutationFn: (id: string) => api.delete(`/api/me/absences/${encodeURIComponent(id)}`),
    onSuccess: () => {
      notifySuccess(t('absences.removed'));
      refresh();
    },
  });
  const sorted = [...absences].sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  return (
    <Paper component="section" withBorder p="md" aria-labelledby="availability-absences">
      <Title order={2} size="h3" id="availability-absences" mb="sm">
        {t('absences.title')}
      </Title>
      <Stack gap="sm">
        {sorted.length === 0 ? (
          <Text>{t('absences.empty')}</Text>
        ) : (
          <ul className="stack-list">
            {sorted.map((a) => {
              const when = `${format.dateTime(a.startsAt)} – ${format.dateTime(a.endsAt)}`;
              return (
                <li key={a.id}>
                  <Group gap="xs" justify="space-between" wrap="nowrap">
                    <Text>
                      {when}
                      {a.note ? ` · ${a.note}` : ''}
                    </Text>
                    <Button
                      size="xs"
                      variant="subtle"
                      color="red"
                      aria-label={`${t('absences.remove')}: ${when}`}
                      loading={remove.isPending && remove.variables === a.id}
                      onClick={() => remove.mutate(a.id)}
                    >
                      {t('absences.remove')}
                    </Button>
                  </Group>
                </li>
              );
            })}
          </ul>
        )}
        <ErrorAlert error={remove.error} />
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (!invalid) add.mutate();
          }}
        >
          <fieldset className="plain-fieldset">
            <legend>
              <Text fw={600} size="sm">
                {t('absences.add')}
              </Text>
            </legend>
            <Stack gap="sm">
              <Text size="sm" c="dimmed">
                {t('absences.zoneNote', { zone: format.timeZone })}
              </Text>
              <Group gap="sm" align="flex-end" wrap="wrap">
                <TextInput
                  label={t('absences.fromDate')}
                  type="date"
                  required
                  value={fromDate}
                  onChange={(e) => setFromDate(e.currentTarget.value)}
                  w={170}
                />
                <TextInput
                  label={t('absences.fromTime')}
                  type="time"
                  required
                  value={fromTime}
                  onChange={(e) => setFromTime(e.currentTarget.value)}
                  w={130}
                />
                <TextInput
                  label={t('absences.toDate')}
                  type="date"
                  required
                  value={toDate}
                  onChange={(e) => setToDate(e.currentTarget.value)}
                  w={170}
                />
                <TextInput
                  label={t('absences.toTime')}
                  type="time"
                  required
                  value={toTime}
                  onChange={(e) => setToTime(e.currentTarget.value)}
                  w={130}
                />
              </Group>
              <TextInput
                label={t('absences.note')}
                description={t('absences.noteHelp')}
                value={note}
                onChange={(e) => setNote(e.currentTarget.value)}
                maw={480}
              />
              {invalid && startsAt && endsAt && (
                <Text size="sm" c="red.8">
                  {t('absences.endAfterStart')}
                </Text>
              )}
              <ErrorAlert error={add.error} message={errorText(add.error)} />
              <Button type="submit" loading={add.isPending} disabled={invalid} w="fit-content">
                {t('absences.addButton')}
              </Button>
            </Stack>
          </fieldset>
        </form>
      </Stack>
    </Paper>
  );
}

function CalendarFeed() {
  const { t } = useTranslation('supervision');
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const feed = useQuery({ queryKey: keys.feed, queryFn: () => api.get<{ url: string | null }>('/api/me/calendar-feed') });
  const create = useMutation({
    mutationFn: () => api.post<{ url: string }>('/api/me/calendar-feed'),
    onSuccess: (result) => {
      notifySuccess(t('feed.created'));
      queryClient.setQueryData(keys.feed, result);
    },
  });
  const revoke = useMutation({
    mutationFn: () => api.delete('/api/me/calendar-feed'),
    onSuccess: () => {
      notifySuccess(t('feed.revoked'));
      setConfirming(false);
      queryClient.setQueryData(keys.feed, { url: null });
    },
  });
  const url = feed.data?.url ? new URL(feed.data.url, window.location.origin).toString() : null;
  return (
    <Paper component="section" withBorder p="md" aria-labelledby="availability-feed">
      <Title order={2} size="h3" id="availability-feed" mb="sm">
        {t('feed.title')}
      </Title>
      <Stack gap="sm">
        <Text size="sm">{t('feed.intro')}</Text>
        {feed.isPending && <PageLoader />}
        <ErrorAlert error={feed.error ?? create.error} />
        {feed.data && !url && <Text>{t('feed.none')}</Text>}
        {url && (
          <>
            <Group gap="sm" align="flex-end" wrap="wrap">
              <TextInput
                label={t('feed.url')}
                value={url}
                readOnly
                miw={280}
                style={{ flex: 1 }}
                onFocus={(e) => e.currentTarget.select()}
              />
              <CopyButton value={url}>
                {({ copied, copy }) => (
                  <Button variant={copied ? 'light' : 'default'} color={copied ? 'green' : undefined} onClick={copy}>
                    {copied ? t('feed.copied') : t('feed.copy')}
                  </Button>
                )}
              </CopyButton>
            </Group>
            <Alert color="yellow" variant="light">
              {t('feed.secret')}
            </Alert>
          </>
        )}
        {feed.data && (
          <Group gap="sm">
            <Button variant={url ? 'default' : 'filled'} onClick={() => create.mutate()} loading={create.isPending}>
              {url ? t('feed.rotate') : t('feed.create')}
            </Button>
            {url && (
              <Button variant="subtle" color="red" onClick={() => setConfirming(true)}>
                {t('feed.revoke')}
              </Button>
            )}
          </Group>
        )}
      </Stack>
      <ConfirmModal
        opened={confirming}
        title={t('feed.revokeTitle')}
        confirmLabel={t('feed.revoke')}
        loading={revoke.isPending}
        onClose={() => {
          setConfirming(false);
          revoke.reset();
        }}
        onConfirm={() => revoke.mutate()}
      >
        <Text>{t('feed.revokeConfirm')}</Text>
        <ErrorAlert error={revoke.error} />
      </ConfirmModal>
    </Paper>
  );
}

export function AvailabilityPage() {
  const { t } = useTranslation('supervision');
  usePageTitle(t('availability.title'));
  const availability = useAvailability();
  return (
    <Stack gap="lg">
      <Title order={1}>{t('availability.title')}</Title>
      <Text c="dimmed">{t('availability.intro')}</Text>
      {availability.isPending && <PageLoader />}
      <ErrorAlert error={availability.error} />
      {availability.data && (
        <>
          <WeeklyEditor
            key={`${availability.data.timeZone}|${JSON.stringify(availability.data.weekly)}`}
            availability={availability.data}
          />
          <Absences absences={availability.data.absences} />
        </>
      )}
      <CalendarFeed />
    </Stack>
  );
}
