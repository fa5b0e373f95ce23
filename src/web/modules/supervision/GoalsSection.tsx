import { Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Goal, goalRoutes, type ProcessDetail, processLimits, processRoutes } from '../../../shared/processes';
import { call } from '../../app/api';
import { ErrorAlert } from '../../app/forms';
import { notifySuccess } from '../../app/notify';
import { AddLineForm } from './AddLineForm';
import { useSupervisionFormat } from './hooks';
import { keys } from './queries';
import { Section } from './Section';

function GoalRow({ goal, canEdit, processId }: { goal: Goal; canEdit: boolean; processId: string }) {
  const { t } = useTranslation('supervision');
  const format = useSupervisionFormat();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const [title, setTitle] = useState(goal.title);
  const update = useMutation({
    mutationFn: (body: { title?: string; closed?: boolean }) => call(goalRoutes.update, { params: { id: goal.id }, body }),
    onSuccess: (_, body) => {
      notifySuccess(body.closed === true ? t('goals.closedDone') : body.closed === false ? t('goals.reopened') : t('goals.renamed'));
      setEditing(false);
      void queryClient.invalidateQueries({ queryKey: keys.process(processId) });
      void queryClient.invalidateQueries({ queryKey: keys.scaling(processId) });
    },
  });
  return (
    <li className="goal-row">
      {editing ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (title.trim()) update.mutate({ title: title.trim() });
          }}
        >
          <Group align="flex-end" gap="xs" wrap="wrap">
            <TextInput
              label={t('goals.renameLabel', { title: goal.title })}
              value={title}
              onChange={(e) => setTitle(e.currentTarget.value)}
              required
              maxLength={processLimits.goalTitleMax}
              miw={240}
              data-autofocus
            />
            <Button type="submit" size="xs" loading={update.isPending}>
              {t('common.save')}
            </Button>
            <Button
              type="button"
              size="xs"
              variant="default"
              onClick={() => {
                setEditing(false);
                setTitle(goal.title);
              }}
            >
              {t('common.cancel')}
            </Button>
          </Group>
        </form>
      ) : (
        <Group justify="space-between" gap="xs" wrap="wrap">
          <div>
            <Text td={goal.closedAt ? 'line-through' : undefined}>{goal.title}</Text>
            {goal.closedAt && (
              <Text size="xs" c="dimmed">
                {t('goals.closedOn', { date: format.date(goal.closedAt) })}
              </Text>
            )}
          </div>
          {canEdit && (
            <Group gap="xs">
              {!goal.closedAt && (
                <Button size="xs" variant="subtle" onClick={() => setEditing(true)} aria-label={`${t('goals.rename')}: ${goal.title}`}>
                  {t('goals.rename')}
                </Button>
              )}
              <Button
                size="xs"
                variant="subtle"
                loading={update.isPending}
                onClick={() => update.mutate({ closed: !goal.closedAt })}
                aria-label={`${goal.closedAt ? t('goals.reopen') : t('goals.close')}: ${goal.title}`}
              >
                {goal.closedAt ? t('goals.reopen') : t('goals.close')}
              </Button>
            </Group>
          )}
        </Group>
      )}
      <ErrorAlert error={update.error} />
    </li>
  );
}

export function GoalsSection({ process, canEdit }: { process: ProcessDetail; canEdit: boolean }) {
  const { t } = useTranslation('supervision');
  const queryClient = useQueryClient();
  const [title, setTitle] = useState('');
  const add = useMutation({
    mutationFn: (value: string) => call(processRoutes.addGoal, { params: { id: process.id }, body: { title: value } }),
    onSuccess: () => {
      notifySuccess(t('goals.added'));
      setTitle('');
      void queryClient.invalidateQueries({ queryKey: keys.process(process.id) });
    },
  });
  const goals = [...process.goals].sort((a, b) => Number(Boolean(a.closedAt)) - Number(Boolean(b.closedAt)));
  return (
    <Section id="process-goals" title={t('goals.title')}>
      <Stack gap="sm">
        {goals.length === 0 ? (
          <Text>{t('goals.empty')}</Text>
        ) : (
          <ul className="plain-list stack-list">
            {goals.map((goal) => (
              <GoalRow key={goal.id} goal={goal} canEdit={canEdit} processId={process.id} />
            ))}
          </ul>
        )}
        {canEdit && (
          <AddLineForm
            label={t('goals.new')}
            buttonLabel={t('goals.add')}
            maxLength={processLimits.goalTitleMax}
            value={title}
            onChange={setTitle}
            onAdd={(v) => add.mutate(v)}
            pending={add.isPending}
            error={add.error}
          />
        )}
      </Stack>
    </Section>
  );
}
