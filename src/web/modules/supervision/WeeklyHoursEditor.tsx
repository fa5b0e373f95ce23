import { ActionIcon, Button, Group, NativeSelect, Paper, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Availability, schedulingLimits, schedulingRoutes, type WeeklyEntry, weeklyEntry } from '../../../shared/scheduling';
import { call } from '../../app/api';
import { ErrorAlert } from '../../app/forms';
import { notifySuccess } from '../../app/notify';
import { addDays, timeZoneOptions } from '../../app/time';
import { useSupervisionError, useSupervisionFormat } from './hooks';
import { keys } from './queries';

const A_MONDAY = '2024-01-01';

interface HourRow extends WeeklyEntry {
  key: number;
}

const endBeforeStart = (row: WeeklyEntry) => Boolean(row.start && row.end && row.end <= row.start);

/** The practitioner's weekly hours and their zone, replaced as a whole on save. */
export function WeeklyHoursEditor({ availability }: { availability: Availability }) {
  const { t } = useTranslation('supervision');
  const format = useSupervisionFormat();
  const errorText = useSupervisionError();
  const queryClient = useQueryClient();
  const zones = useMemo(
    () => timeZoneOptions([availability.timeZone, format.timeZone], format.locale),
    [availability.timeZone, format.timeZone, format.locale],
  );
  const [timeZone, setTimeZone] = useState(availability.timeZone || format.timeZone);
  const [rows, setRows] = useState<HourRow[]>(() =>
    [...availability.weekly].sort((a, b) => a.weekday - b.weekday || a.start.localeCompare(b.start)).map((w, key) => ({ ...w, key })),
  );
  const [nextKey, setNextKey] = useState(rows.length);
  const weekly = rows.map(({ weekday, start, end }) => ({ weekday, start, end }));
  // The server's own rule for a row: a weekday, HH:MM times, the end after the start.
  const invalid = weekly.some((w) => !weeklyEntry.safeParse(w).success);
  const full = rows.length >= schedulingLimits.weeklyEntriesMax;
  const save = useMutation({
    mutationFn: () => call(schedulingRoutes.putAvailability, { body: { timeZone, weekly } }),
    onSuccess: () => {
      notifySuccess(t('availability.saved'));
      void queryClient.invalidateQueries({ queryKey: keys.availability });
    },
  });
  const update = (key: number, patch: Partial<HourRow>) => setRows((old) => old.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  const weekdays = [1, 2, 3, 4, 5, 6, 7].map((d) => ({ value: String(d), label: format.weekdayLong(addDays(A_MONDAY, d - 1)) }));
  const addRow = () => {
    const last = rows[rows.length - 1];
    setRows((old) => [...old, { key: nextKey, weekday: last ? Math.min(7, last.weekday + 1) : 1, start: '09:00', end: '16:00' }]);
    setNextKey((k) => k + 1);
  };
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
                      error={endBeforeStart(row) ? t('availability.endAfterStart') : undefined}
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
            <Button type="button" variant="default" onClick={addRow} disabled={full}>
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
