import { Alert, Button, Group, Radio, SegmentedControl, Stack, Table, Text, Textarea, TextInput, VisuallyHidden } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, isApiError } from '../../app/api';
import { ScrollTable } from '../../app/components';
import { ErrorAlert } from '../../app/forms';
import { PageLoader } from '../../app/guards';
import { notifySuccess } from '../../app/notify';
import { useSupervisionError, useSupervisionFormat } from './hooks';
import { AttendanceBadge } from './labels';
import { Section } from './ProcessSections';
import { enc, keys } from './queries';
import { zonedParts, zonedToIso } from './time';
import type { AttendanceStatus, Meeting, Note, ProcessDetail } from './types';

function useRefreshMeeting(meeting: Meeting) {
  const queryClient = useQueryClient();
  return (updated?: Meeting) => {
    if (updated?.id) queryClient.setQueryData(keys.meeting(meeting.id), updated);
    void queryClient.invalidateQueries({ queryKey: keys.meeting(meeting.id) });
    void queryClient.invalidateQueries({ queryKey: keys.process(meeting.processId) });
    void queryClient.invalidateQueries({ queryKey: keys.calendarAll });
  };
}

export function AttendanceEditor({ meeting, canEdit }: { meeting: Meeting; canEdit: boolean }) {
  const { t } = useTranslation('supervision');
  const refresh = useRefreshMeeting(meeting);
  const attendance = meeting.attendance ?? [];
  const [values, setValues] = useState<Record<string, AttendanceStatus>>(() =>
    Object.fromEntries(attendance.map((a) => [a.personId, a.status])),
  );
  const save = useMutation({
    mutationFn: () =>
      api.put(`/api/meetings/${enc(meeting.id)}/attendance`, {
        items: attendance
          .filter((a) => a.status !== 'cancelled')
          .map((a) => ({ personId: a.personId, status: values[a.personId] ?? a.status })),
      }),
    onSuccess: () => {
      notifySuccess(t('attendance.saved'));
      refresh();
    },
  });
  const editable = canEdit && meeting.status !== 'cancelled';
  return (
    <Section id="meeting-attendance" title={t('attendance.title')}>
      <Stack gap="sm">
        {attendance.length === 0 ? (
          <Text>{t('attendance.empty')}</Text>
        ) : (
          <ScrollTable minWidth={420} label={t('attendance.table')}>
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('attendance.person')}</Table.Th>
                  <Table.Th scope="col">{t('attendance.status')}</Table.Th>
                  {editable && (
                    <Table.Th scope="col">
                      <VisuallyHidden>{t('attendance.mark')}</VisuallyHidden>
                    </Table.Th>
                  )}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {attendance.map((a) => (
                  <Table.Tr key={a.personId}>
                    <Table.Th scope="row" fw={400}>
                      {a.name}
                    </Table.Th>
                    <Table.Td>
                      <AttendanceBadge status={a.status} />
                    </Table.Td>
                    {editable && (
                      <Table.Td>
                        {a.status === 'cancelled' ? (
                          <Text size="sm">{t('attendance.cancelledThemselves')}</Text>
                        ) : (
                          <Radio.Group
                            aria-label={t('attendance.markFor', { name: a.name })}
                            value={values[a.personId] === 'present' || values[a.personId] === 'absent' ? values[a.personId] : ''}
                            onChange={(v) => setValues((old) => ({ ...old, [a.personId]: v as AttendanceStatus }))}
                          >
                            <Group gap="md">
                              <Radio
                                value="present"
                                label={t('attendance.present')}
                                aria-label={t('attendance.presentFor', { name: a.name })}
                              />
                              <Radio
                                value="absent"
                                label={t('attendance.absent')}
                                aria-label={t('attendance.absentFor', { name: a.name })}
                              />
                            </Group>
                          </Radio.Group>
                        )}
                      </Table.Td>
                    )}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollTable>
        )}
        <ErrorAlert error={save.error} />
        {editable && attendance.length > 0 && (
          <Button onClick={() => save.mutate()} loading={save.isPending} w="fit-content">
            {t('attendance.save')}
          </Button>
        )}
      </Stack>
    </Section>
  );
}

export function NoteEditor({ meeting }: { meeting: Meeting }) {
  const { t } = useTranslation('supervision');
  const format = useSupervisionFormat();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [text, setText] = useState<string | null>(null);
  const note = useQuery({
    queryKey: keys.note(meeting.id),
    queryFn: async () => {
      try {
        return await api.get<Note>(`/api/meetings/${enc(meeting.id)}/note`);
      } catch (error) {
        if (isApiError(error) && error.status === 404) return { text: '', updatedAt: null };
        throw error;
      }
    },
    // Only when the practitioner opens it: every read is audited.
    enabled: open,
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: 0,
  });
  const save = useMutation({
    mutationFn: (value: string) => api.put<Note>(`/api/meetings/${enc(meeting.id)}/note`, { text: value }),
    onSuccess: (saved, value) => {
      notifySuccess(t('note.saved'));
      queryClient.setQueryData(
        keys.note(meeting.id),
        saved?.text !== undefined ? saved : { text: value, updatedAt: new Date().toISOString() },
      );
      void queryClient.invalidateQueries({ queryKey: keys.meeting(meeting.id) });
    },
  });
  const current = text ?? note.data?.text ?? '';
  return (
    <Section id="meeting-note" title={t('note.title')}>
      <Stack gap="sm">
        <Text size="sm">{t('note.private')}</Text>
        <Text size="sm" c="dimmed">
          {t('note.auditHint')}
        </Text>
        {!open ? (
          <Button variant="default" onClick={() => setOpen(true)} w="fit-content">
            {meeting.hasMyNote ? t('note.open') : t('note.write')}
          </Button>
        ) : (
          <>
            {note.isPending && <PageLoader />}
            <ErrorAlert error={note.error} />
            {note.data && (
              <form
                onSubmit={(e) => {
                  e.preventDefault();
                  save.mutate(current);
                }}
              >
                <Stack gap="xs">
                  <Textarea label={t('note.label')} autosize minRows={5} value={current} onChange={(e) => setText(e.currentTarget.value)} />
                  {note.data.updatedAt && (
                    <Text size="xs" c="dimmed">
                      {t('note.updatedAt', { at: format.dateTime(note.data.updatedAt) })}
                    </Text>
                  )}
                  <ErrorAlert error={save.error} />
                  <Group gap="sm">
                    <Button type="submit" loading={save.isPending} disabled={!current.trim()}>
                      {t('note.save')}
                    </Button>
                    <Button
                      variant="default"
                      onClick={() => {
                        setOpen(false);
                        setText(null);
                        queryClient.removeQueries({ queryKey: keys.note(meeting.id) });
                      }}
                    >
                      {t('note.close')}
                    </Button>
                  </Group>
                </Stack>
              </form>
            )}
          </>
        )}
      </Stack>
    </Section>
  );
}

export function SummaryEditor({ meeting }: { meeting: Meeting }) {
  const { t } = useTranslation('supervision');
  const refresh = useRefreshMeeting(meeting);
  const [text, setText] = useState(meeting.summary ?? '');
  const save = useMutation({
    mutationFn: (value: string) => api.put(`/api/meetings/${enc(meeting.id)}/summary`, { text: value }),
    onSuccess: () => {
      notifySuccess(t('summary.saved'));
      refresh();
    },
  });
  return (
    <Section id="meeting-summary" title={t('summary.title')}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate(text);
        }}
      >
        <Stack gap="xs">
          <Textarea
            label={t('summary.label')}
            description={t('summary.shared')}
            autosize
            minRows={4}
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
          />
          <ErrorAlert error={save.error} />
          <Button type="submit" loading={save.isPending} disabled={!text.trim()} w="fit-content">
            {t('summary.save')}
          </Button>
        </Stack>
      </form>
    </Section>
  );
}

const SCALE = Array.from({ length: 11 }, (_, i) => String(i));
const GROUP = 'group';

export function ScalingEditor({ meeting, process }: { meeting: Meeting; process: ProcessDetail }) {
  const { t } = useTranslation('supervision');
  const refresh = useRefreshMeeting(meeting);
  const queryClient = useQueryClient();
  const goals = process.goals.filter((g) => !g.closedAt);
  const people = (meeting.attendance ?? []).filter((a) => a.status !== 'cancelled' && a.status !== 'absent');
  const keyOf = (goalId: string, personId: string | null) => `${goalId}:${personId ?? GROUP}`;
  const [values, setValues] = useState<Record<string, string>>(() =>
    Object.fromEntries((meeting.scaling ?? []).map((s) => [keyOf(s.goalId, s.personId), String(s.value)])),
  );
  const save = useMutation({
    mutationFn: () => {
      const items = Object.entries(values)
        .filter(([, v]) => v !== '')
        .map(([key, v]) => {
          const [goalId = '', person = GROUP] = key.split(':');
          return { goalId, personId: person === GROUP ? null : person, value: Number(v) };
        });
      return api.put(`/api/meetings/${enc(meeting.id)}/scaling`, { items });
    },
    onSuccess: () => {
      notifySuccess(t('scalingEditor.saved'));
      refresh();
      void queryClient.invalidateQueries({ queryKey: keys.scaling(meeting.processId) });
    },
  });
  const data = [
    {
      value: '',
      label: (
        <span title={t('scalingEditor.notAnswered')}>
          –<VisuallyHidden>{t('scalingEditor.notAnswered')}</VisuallyHidden>
        </span>
      ),
    },
    ...SCALE.map((v) => ({ value: v, label: v })),
  ];
  const row = (goalId: string, goalTitle: string, personId: string | null, name: string) => {
    const key = keyOf(goalId, personId);
    return (
      <Group key={key} gap="sm" wrap="wrap" align="center">
        <Text size="sm" miw={160}>
          {name}
        </Text>
        <div className="table-scroll">
          <SegmentedControl
            size="xs"
            aria-label={t('scalingEditor.valueFor', { goal: goalTitle, name })}
            value={values[key] ?? ''}
            onChange={(v) => setValues((old) => ({ ...old, [key]: v }))}
            data={data}
          />
        </div>
      </Group>
    );
  };
  return (
    <Section id="meeting-scaling" title={t('scalingEditor.title')}>
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          {t('scalingEditor.intro')}
        </Text>
        {goals.length === 0 && <Text>{t('scalingEditor.noGoals')}</Text>}
        {goals.map((goal) => (
          <fieldset key={goal.id} className="plain-fieldset">
            <legend>
              <Text fw={600}>{goal.title}</Text>
            </legend>
            <Stack gap={6}>
              {row(goal.id, goal.title, null, t('scaling.group'))}
              {people.map((p) => row(goal.id, goal.title, p.personId, p.name))}
            </Stack>
          </fieldset>
        ))}
        <ErrorAlert error={save.error} />
        {goals.length > 0 && (
          <Button onClick={() => save.mutate()} loading={save.isPending} w="fit-content">
            {t('scalingEditor.save')}
          </Button>
        )}
      </Stack>
    </Section>
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
      return api.patch<Meeting>(`/api/meetings/${enc(meeting.id)}`, {
        startsAt,
        endsAt: new Date(Date.parse(startsAt) + minutes * 60_000).toISOString(),
        reason: reason.trim(),
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
            {t('reschedule.intro', { zone: format.timeZone })}
          </Text>
          <Group gap="sm" align="flex-end" wrap="wrap">
            <TextInput
              label={t('reschedule.date')}
              type="date"
              required
              value={date}
              onChange={(e) => setDate(e.currentTarget.value)}
              w={180}
            />
            <TextInput
              label={t('reschedule.time')}
              type="time"
              step={300}
              required
              value={time}
              onChange={(e) => setTime(e.currentTarget.value)}
              w={140}
            />
            <Text size="sm" pb={8}>
              {t('planner.duration', { minutes })}
            </Text>
          </Group>
          <Textarea
            withAsterisk={false}
            label={t('reschedule.reason')}
            required
            autosize
            minRows={2}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
          />
          <ErrorAlert error={move.error} message={errorText(move.error)} />
          <Button type="submit" loading={move.isPending} disabled={!startsAt || !reason.trim()} w="fit-content">
            {t('reschedule.submit')}
          </Button>
        </Stack>
      </form>
    </Section>
  );
}

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
    mutationFn: () => api.post<Meeting>(`/api/meetings/${enc(meeting.id)}/cancel`, { reason: reason.trim() }),
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
