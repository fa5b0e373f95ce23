import {
  ActionIcon,
  Anchor,
  Button,
  Group,
  NativeSelect,
  Paper,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api } from '../../app/api';
import { applyFieldErrors, ErrorAlert } from '../../app/forms';
import { notifySuccess } from '../../app/notify';
import { useSupervisionError, useSupervisionFormat } from './hooks';
import { MeetingStatusBadge, StatusBadge, useEnumLabels } from './labels';
import { enc, keys, paths } from './queries';
import { type Goal, type ProcessDetail, type ProcessStatus, TRANSITIONS } from './types';

/** A titled section of the process page. */
export function Section({
  id,
  title,
  children,
  actions,
}: {
  id: string;
  title: string;
  children: React.ReactNode;
  actions?: React.ReactNode;
}) {
  return (
    <Paper component="section" withBorder p="md" aria-labelledby={id}>
      <Group justify="space-between" align="center" mb="sm" gap="xs">
        <Title order={2} size="h3" id={id}>
          {title}
        </Title>
        {actions}
      </Group>
      {children}
    </Paper>
  );
}

function useSetProcess() {
  const queryClient = useQueryClient();
  return (process: ProcessDetail | undefined, id: string) => {
    if (process?.id) queryClient.setQueryData(keys.process(process.id), process);
    void queryClient.invalidateQueries({ queryKey: keys.process(id) });
    void queryClient.invalidateQueries({ queryKey: ['supervision', 'processes'] });
  };
}

export function StatusActions({ process }: { process: ProcessDetail }) {
  const { t } = useTranslation('supervision');
  const labels = useEnumLabels();
  const errorText = useSupervisionError();
  const setProcess = useSetProcess();
  const allowed = TRANSITIONS[process.status] ?? [];
  const form = useForm({
    mode: 'controlled',
    initialValues: { status: '', reason: '' },
    validate: { status: (v) => (v ? null : t('validation.required')) },
  });
  const change = useMutation({
    mutationFn: (values: typeof form.values) =>
      api.post<ProcessDetail>(`/api/processes/${enc(process.id)}/status`, {
        status: values.status as ProcessStatus,
        ...(values.reason.trim() ? { reason: values.reason.trim() } : {}),
      }),
    onSuccess: (updated, values) => {
      notifySuccess(t('statusActions.changed', { status: labels.status(values.status) }));
      form.reset();
      setProcess(updated, process.id);
    },
    onError: (error) => applyFieldErrors(form, error),
  });
  if (allowed.length === 0) return null;
  return (
    <Section id="process-status" title={t('statusActions.title')}>
      <form onSubmit={form.onSubmit((values) => change.mutate(values))} noValidate>
        <Stack gap="sm">
          <ErrorAlert error={change.error} form={form} message={errorText(change.error)} />
          <Group align="flex-start" gap="sm" grow preventGrowOverflow={false} wrap="wrap">
            <NativeSelect label={t('statusActions.newStatus')} required miw={200} {...form.getInputProps('status')}>
              <option value="">{t('common.choose')}</option>
              {allowed.map((s) => (
                <option key={s} value={s}>
                  {labels.status(s)}
                </option>
              ))}
            </NativeSelect>
            <Textarea
              label={t('statusActions.reason')}
              description={t('common.optional')}
              autosize
              minRows={1}
              miw={260}
              {...form.getInputProps('reason')}
            />
          </Group>
          <Button type="submit" loading={change.isPending} w="fit-content">
            {t('statusActions.submit')}
          </Button>
        </Stack>
      </form>
    </Section>
  );
}

export function HistorySection({ process }: { process: ProcessDetail }) {
  const { t } = useTranslation('supervision');
  const labels = useEnumLabels();
  const format = useSupervisionFormat();
  const history = [...(process.history ?? [])].sort((a, b) => a.at.localeCompare(b.at));
  return (
    <Section id="process-history" title={t('history.title')}>
      {history.length === 0 ? (
        <Text>{t('history.empty')}</Text>
      ) : (
        <ol className="timeline">
          {history.map((h) => (
            <li key={`${h.at}-${h.toStatus}`}>
              <Group gap={6} wrap="wrap">
                {h.fromStatus ? (
                  <>
                    <StatusBadge status={h.fromStatus} />
                    <span aria-hidden="true">→</span>
                    <VisuallyHidden>{t('history.to')}</VisuallyHidden>
                  </>
                ) : null}
                <StatusBadge status={h.toStatus} />
              </Group>
              <Text size="sm" mt={2}>
                <time dateTime={h.at}>{format.dateTime(h.at)}</time>
                {h.byName ? ` · ${h.byName}` : ''}
              </Text>
              {h.reason && (
                <Text size="sm" c="dimmed">
                  {t('history.reason', { reason: h.reason })}
                </Text>
              )}
              {!h.fromStatus && <VisuallyHidden>{labels.status(h.toStatus)}</VisuallyHidden>}
            </li>
          ))}
        </ol>
      )}
    </Section>
  );
}

function GoalRow({ goal, canEdit, processId }: { goal: Goal; canEdit: boolean; processId: string }) {
  const { t } = useTranslation('supervision');
  const format = useSupervisionFormat();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const [title, setTitle] = useState(goal.title);
  const update = useMutation({
    mutationFn: (body: { title?: string; closed?: boolean }) => api.patch<Goal>(`/api/goals/${enc(goal.id)}`, body),
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
    mutationFn: (value: string) => api.post<Goal>(`/api/processes/${enc(process.id)}/goals`, { title: value }),
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
          <form
            onSubmit={(e) => {
              e.preventDefault();
              if (title.trim()) add.mutate(title.trim());
            }}
          >
            <Stack gap="xs">
              <ErrorAlert error={add.error} />
              <Group align="flex-end" gap="xs" wrap="wrap">
                <TextInput label={t('goals.new')} value={title} onChange={(e) => setTitle(e.currentTarget.value)} miw={280} required />
                <Button type="submit" loading={add.isPending} disabled={!title.trim()}>
                  {t('goals.add')}
                </Button>
              </Group>
            </Stack>
          </form>
        )}
      </Stack>
    </Section>
  );
}

export function WhatWorksSection({ process, canEdit, meetingId }: { process: ProcessDetail; canEdit: boolean; meetingId?: string }) {
  const { t } = useTranslation('supervision');
  const format = useSupervisionFormat();
  const queryClient = useQueryClient();
  const [text, setText] = useState('');
  const refresh = () => void queryClient.invalidateQueries({ queryKey: keys.process(process.id) });
  const add = useMutation({
    mutationFn: (value: string) =>
      api.post(`/api/processes/${enc(process.id)}/what-works`, { text: value, ...(meetingId ? { meetingId } : {}) }),
    onSuccess: () => {
      notifySuccess(t('whatWorks.added'));
      setText('');
      refresh();
    },
  });
  const remove = useMutation({
    mutationFn: (id: string) => api.delete(`/api/what-works/${enc(id)}`),
    onSuccess: () => {
      notifySuccess(t('whatWorks.removed'));
      refresh();
    },
  });
  const items = process.whatWorks ?? [];
  return (
    <Section id="process-what-works" title={t('whatWorks.title')}>
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t('whatWorks.intro')}
        </Text>
        {items.length === 0 ? (
          <Text>{t('whatWorks.empty')}</Text>
        ) : (
          <ul className="stack-list">
            {items.map((item) => (
              <li key={item.id}>
                <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
                  <div>
                    <Text>{item.text}</Text>
                    <Text size="xs" c="dimmed">
                      {format.date(item.createdAt)}
                      {item.meetingId && (
                        <>
                          {' · '}
                          <Anchor component={Link} to={paths.meeting(item.meetingId)} size="xs" underline="always">
                            {t('whatWorks.fromMeeting')}
                          </Anchor>
                        </>
                      )}
                    </Text>
                  </div>
                  {canEdit && (
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      aria-label={t('whatWorks.remove', { text: item.text })}
                      onClick={() => remove.mutate(item.id)}
                      loading={remove.isPending && remove.variables === item.id}
                    >
                      <span aria-hidden="true">×</span>
                    </ActionIcon>
                  )}
                </Group>
              </li>
            ))}
          </ul>
        )}
        <ErrorAlert error={remove.error} />
        {canEdit && (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              if (text.trim()) add.mutate(text.trim());
            }}
          >
            <Stack gap="xs">
              <ErrorAlert error={add.error} />
              <Group align="flex-end" gap="xs" wrap="wrap">
                <TextInput label={t('whatWorks.new')} value={text} onChange={(e) => setText(e.currentTarget.value)} miw={280} required />
                <Button type="submit" loading={add.isPending} disabled={!text.trim()}>
                  {t('whatWorks.add')}
                </Button>
              </Group>
            </Stack>
          </form>
        )}
      </Stack>
    </Section>
  );
}

export function MeetingsSection({ process }: { process: ProcessDetail }) {
  const { t } = useTranslation('supervision');
  const format = useSupervisionFormat();
  const now = new Date().toISOString();
  const meetings = process.meetings ?? [];
  const upcoming = meetings.filter((m) => m.endsAt >= now).sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  const past = meetings.filter((m) => m.endsAt < now).sort((a, b) => b.startsAt.localeCompare(a.startsAt));
  const held = meetings.filter((m) => m.status === 'held').length;
  const list = (items: typeof meetings, empty: string) =>
    items.length === 0 ? (
      <Text size="sm">{empty}</Text>
    ) : (
      <ul className="stack-list">
        {items.map((m) => (
          <li key={m.id}>
            <Group gap="xs" wrap="wrap">
              <Anchor component={Link} to={paths.meeting(m.id)}>
                <time dateTime={m.startsAt}>{format.meetingWhen(m.startsAt, m.endsAt)}</time>
              </Anchor>
              <MeetingStatusBadge status={m.status} />
            </Group>
          </li>
        ))}
      </ul>
    );
  return (
    <Section id="process-meetings" title={t('meetings.title')}>
      <Stack gap="sm">
        {process.agreedSessions ? <Text size="sm">{t('meetings.heldOfAgreed', { held, agreed: process.agreedSessions })}</Text> : null}
        <Title order={3} size="h4">
          {t('meetings.upcoming')}
        </Title>
        {list(upcoming, t('meetings.noUpcoming'))}
        <Title order={3} size="h4">
          {t('meetings.past')}
        </Title>
        {list(past, t('meetings.noPast'))}
      </Stack>
    </Section>
  );
}
