import { Anchor, Button, Group, NativeSelect, Stack, Text, Textarea, Title, VisuallyHidden } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { nextStatuses, type ProcessDetail, type ProcessStatus, processLimits, processRoutes } from '../../../shared/processes';
import { call } from '../../app/api';
import { applyFieldErrors, ErrorAlert } from '../../app/forms';
import { notifySuccess } from '../../app/notify';
import { useSupervisionError, useSupervisionFormat } from './hooks';
import { MeetingStatusBadge, StatusBadge, useEnumLabels } from './labels';
import { keys, paths } from './queries';
import { Section } from './Section';

// The sections of the process page; `Section` and "what works" live in their own files.

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
  const allowed = nextStatuses(process.status);
  const form = useForm({
    mode: 'controlled',
    initialValues: { status: '', reason: '' },
    validate: { status: (v) => (v ? null : t('validation.required')) },
  });
  const change = useMutation({
    mutationFn: (values: typeof form.values) =>
      call(processRoutes.changeStatus, {
        params: { id: process.id },
        body: {
          status: values.status as ProcessStatus,
          ...(values.reason.trim() ? { reason: values.reason.trim() } : {}),
        },
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
              maxLength={processLimits.reasonMax}
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
