import { Button, Group, SegmentedControl, Stack, Text, VisuallyHidden } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProcessDetail } from '../../../shared/processes';
import { type Meeting, schedulingLimits, schedulingRoutes } from '../../../shared/scheduling';
import { call } from '../../app/api';
import { ErrorAlert } from '../../app/forms';
import { notifySuccess } from '../../app/notify';
import { useRefreshMeeting } from './meetingCache';
import { keys } from './queries';
import { Section } from './Section';

const { scaleMin, scaleMax } = schedulingLimits;
const SCALE = Array.from({ length: scaleMax - scaleMin + 1 }, (_, i) => String(scaleMin + i));
const GROUP = 'group';

/** Scaling answers for the open goals: one for the group, one per participant who is there. */
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
      return call(schedulingRoutes.writeScaling, { params: { id: meeting.id }, body: { items } });
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
