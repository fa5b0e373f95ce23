import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { schedulingRoutes } from '../../../shared/scheduling';
import { call } from '../../app/api';
import { notifySuccess } from '../../app/notify';
import type { PendingMove } from './CalendarGrid';
import { entryTitle } from './calendar-label';
import { useSupervisionFormat } from './hooks';
import { RescheduleReason } from './MeetingChangeForms';
import { keys } from './queries';

/**
 * Confirms a meeting dropped at a new time: the reason goes to everyone invited, through the same
 * route (and so the same rules and mails) as the meeting page's reschedule form. Closing puts the
 * meeting back; a refusal puts it back and is told to `onRefused`.
 */
export function MoveMeetingDialog({
  move,
  onDone,
  onRefused,
}: {
  move: PendingMove;
  onDone: () => void;
  onRefused: (error: unknown) => void;
}) {
  const { t } = useTranslation('supervision');
  const { t: tc } = useTranslation();
  const format = useSupervisionFormat();
  const queryClient = useQueryClient();
  const [reason, setReason] = useState('');
  const { item } = move;
  const save = useMutation({
    mutationFn: () =>
      call(schedulingRoutes.reschedule, {
        params: { id: item.id },
        body: { startsAt: move.startsAt, endsAt: move.endsAt, reason: reason.trim() },
      }),
    onSuccess: (updated) => {
      notifySuccess(t('reschedule.done'));
      queryClient.setQueryData(keys.meeting(item.id), updated);
      void queryClient.invalidateQueries({ queryKey: keys.process(item.processId) });
      void queryClient.invalidateQueries({ queryKey: keys.calendarAll });
      onDone();
    },
    onError: (error) => {
      move.revert();
      void queryClient.invalidateQueries({ queryKey: keys.calendarAll });
      onRefused(error);
    },
  });
  const keep = () => {
    if (save.isPending) return;
    move.revert();
    onDone();
  };
  return (
    <Modal
      opened
      onClose={keep}
      title={t('calendar.moveTitle')}
      centered
      // No fade: the dialog is fully legible the moment it is shown (also for accessibility scans).
      transitionProps={{ duration: 0 }}
      closeButtonProps={{ 'aria-label': tc('common.close') }}
    >
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (reason.trim()) save.mutate();
        }}
      >
        <Stack gap="sm">
          <Text fw={600}>{entryTitle(item.processTitle, item.organisationName)}</Text>
          <div>
            <Text size="sm">{t('calendar.moveFrom', { when: format.meetingWhen(item.startsAt, item.endsAt) })}</Text>
            <Text size="sm" fw={600}>
              {t('calendar.moveTo', { when: format.meetingWhen(move.startsAt, move.endsAt) })}
            </Text>
          </div>
          <RescheduleReason value={reason} onChange={setReason} autoFocus />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={keep} disabled={save.isPending}>
              {t('calendar.moveKeep')}
            </Button>
            <Button type="submit" loading={save.isPending} disabled={!reason.trim()}>
              {t('reschedule.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
