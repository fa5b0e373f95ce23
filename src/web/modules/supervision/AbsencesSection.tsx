import { Button, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Absence, intervalProblem, schedulingLimits, schedulingRoutes } from '../../../shared/scheduling';
import { call } from '../../app/api';
import { ErrorAlert } from '../../app/forms';
import { notifySuccess } from '../../app/notify';
import { timeZoneLabel, todayIn, zonedToIso } from '../../app/time';
import { DateTimeFields } from './DateTimeFields';
import { useSupervisionError, useSupervisionFormat } from './hooks';
import { keys } from './queries';

/** The practitioner's absences to come, and a form to add one (in their profile's time zone). */
export function AbsencesSection({ absences }: { absences: Absence[] }) {
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
  // An absence has no length limit: only "ends after it starts".
  const endBeforeStart = Boolean(startsAt && endsAt && intervalProblem(startsAt, endsAt, Number.POSITIVE_INFINITY));
  const invalid = !startsAt || !endsAt || endBeforeStart;
  const refresh = () => void queryClient.invalidateQueries({ queryKey: keys.availability });
  const add = useMutation({
    mutationFn: () => {
      if (!startsAt || !endsAt) throw new Error('incomplete');
      return call(schedulingRoutes.addAbsence, { body: { startsAt, endsAt, ...(note.trim() ? { note: note.trim() } : {}) } });
    },
    onSuccess: () => {
      notifySuccess(t('absences.added'));
      setNote('');
      refresh();
    },
  });
  const remove = useMutation({
    mutationFn: (id: string) => call(schedulingRoutes.removeAbsence, { params: { id } }),
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
                {t('absences.zoneNote', { zone: timeZoneLabel(format.timeZone, format.locale) })}
              </Text>
              <Group gap="sm" align="flex-end" wrap="wrap">
                <DateTimeFields
                  dateLabel={t('absences.fromDate')}
                  timeLabel={t('absences.fromTime')}
                  date={fromDate}
                  time={fromTime}
                  onDate={setFromDate}
                  onTime={setFromTime}
                />
                <DateTimeFields
                  dateLabel={t('absences.toDate')}
                  timeLabel={t('absences.toTime')}
                  date={toDate}
                  time={toTime}
                  onDate={setToDate}
                  onTime={setToTime}
                />
              </Group>
              <TextInput
                label={t('absences.note')}
                description={t('absences.noteHelp')}
                value={note}
                maxLength={schedulingLimits.absenceNoteMax}
                onChange={(e) => setNote(e.currentTarget.value)}
                maw={480}
              />
              {endBeforeStart && (
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
