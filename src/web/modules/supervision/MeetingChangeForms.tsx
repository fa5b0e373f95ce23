import { Alert, Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Meeting, schedulingLimits, schedulingRoutes } from '../../../shared/scheduling';
import { call, isApiError } from '../../app/api';
import { ErrorAlert } from '../../app/forms';
import { notifySuccess } from '../../app/notify';
import { timeZoneLabel, zonedParts, zonedToIso } from '../../app/time';
import { DateTimeFields } from './DateTimeFields';
import { useSupervisionError, useSupervisionFormat } from './hooks';
import { useRefreshMeeting } from './meetingCache';
import { Section } from './Section';

/** Move a planned meeting, keeping its length; the reason goes to everyone invited. */
/** Why a meeting moves: told to everyone invited, the same field whether moved in the editor or by dragging. */
export function RescheduleReason({ value, onChange, autoFocus }: { value: string; onChange: (v: string) => void; autoFocus?: boolean }) {
  const { t } = useTranslation('supervision');
  return (
    <Textarea
      withAsterisk={false}
      label={t('reschedule.reason')}
      required
      autosize
      minRows={2}
      maxLength={schedulingLimits.reasonMax}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      data-autofocus={autoFocus || undefined}
    />
  );
}

export function RescheduleForm({ meeting }: { meeting: Meeting }) {
  const { t } = useTranslation('supervision');
  const format = useSupervisionFormat();
  const errorText = useSupervisionError();
  const refresh = useRefreshMeeting(meeting);
  const start = zonedParts(meeting.startsAt, format.timeZone);
  const minutes = Math.round((Date.parse(meeting.endsAt) - Date.parse(meeting.startsAt)) / 60_000);
  const [date, setDate] = useState(start.date);
  const [time, setTime] = useState(start.time);
  const [reason, setReason] = useState('');
  const startsAt = zonedToIso(date, time, format.timeZone);
  const move = useMutation({
    mutationFn: () => {
      if (!startsAt) throw new Error('incomplete');
      return call(schedulingRoutes.reschedule, {
        params: { id: meeting.id },
        body: { startsAt, endsAt: new Date(Date.parse(startsAt) + minutes * 60_000).toISOString(), reason: reason.trim() },
      });
    },
    onSuccess: (updated) => {
      notifySuccess(t('reschedule.done'));
      setReason('');
      refresh(updated);
    },
  });
  return (
    <Section id="meeting-reschedule" title={t('reschedule.title')}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          move.mutate();
        }}
      >
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            {t('reschedule.intro', { zone: timeZoneLabel(format.timeZone, format.locale) })}
          </Text>
          <Group gap="sm" align="flex-end" wrap="wrap">
            <DateTimeFields
              dateLabel={t('reschedule.date')}
              timeLabel={t('reschedule.time')}
              date={date}
              time={time}
              onDate={setDate}
              onTime={setTime}
              step={300}
            />
            <Text size="sm" pb={8}>
              {t('planner.duration', { minutes })}
            </Text>
          </Group>
          <RescheduleReason value={reason} onChange={setReason} />
          <ErrorAlert error={move.error} message={errorText(move.error)} />
          <Button type="submit" loading={move.isPending} disabled={!startsAt || !reason.trim()} w="fit-content">
            {t('reschedule.submit')}
          </Button>
        </Stack>
      </form>
    </Section>
  );
}

/** Cancel a meeting (a practitioner), or cancel or withdraw from it (a participant, within the provider's hours). */
export function CancelForm({
  meeting,
  asParticipant,
  onCancelled,
}: {
  meeting: Meeting;
  asParticipant: boolean;
  onCancelled?: () => void;
}) {
  const { t } = useTranslation('supervision');
  const errorText = useSupervisionError();
  const refresh = useRefreshMeeting(meeting);
  const [reason, setReason] = useState('');
  const cancel = useMutation({
    mutationFn: () => call(schedulingRoutes.cancel, { params: { id: meeting.id }, body: { reason: reason.trim() } }),
    onSuccess: (updated) => {
      notifySuccess(asParticipant ? t('cancel.doneParticipant') : t('cancel.done'));
      setReason('');
      refresh(updated);
      onCancelled?.();
    },
  });
  const tooLate = isApiError(cancel.error) && cancel.error.code === 'too_late_to_cancel';
  return (
    <Section id="meeting-cancel" title={asParticipant ? t('cancel.titleParticipant') : t('cancel.title')}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          cancel.mutate();
        }}
      >
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            {asParticipant ? t('cancel.introParticipant') : t('cancel.intro')}
          </Text>
          <Textarea
            withAsterisk={false}
            label={t('cancel.reason')}
            required
            autosize
            minRows={2}
            maxLength={schedulingLimits.reasonMax}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
          />
          {tooLate ? (
            <Alert color="orange" variant="light" role="alert" title={t('cancel.tooLateTitle')}>
              {t('errors.too_late_to_cancel')}
            </Alert>
          ) : (
            <ErrorAlert error={cancel.error} message={errorText(cancel.error)} />
          )}
          <Button type="submit" color="red" loading={cancel.isPending} disabled={!reason.trim()} w="fit-content">
            {asParticipant ? t('cancel.submitParticipant') : t('cancel.submit')}
          </Button>
        </Stack>
      </form>
    </Section>
  );
}
