import { ActionIcon, Alert, Badge, Button, Group, NumberInput, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProcessDetail } from '../../../shared/processes';
import { type Proposal, type ProposalReason, schedulingLimits, schedulingRoutes } from '../../../shared/scheduling';
import { call } from '../../app/api';
import { ErrorAlert } from '../../app/forms';
import { notifySuccess } from '../../app/notify';
import { timeZoneLabel, zonedParts, zonedToIso } from '../../app/time';
import { DateTimeFields } from './DateTimeFields';
import { useSupervisionError, useSupervisionFormat } from './hooks';
import { useEnumLabels } from './labels';
import { keys } from './queries';
import { Section } from './Section';

interface Row {
  key: number;
  date: string;
  time: string;
  minutes: number;
  proposal: Proposal;
}

export function useProposalReason() {
  const { t } = useTranslation('supervision');
  const labels = useEnumLabels();
  return (proposal: Proposal, cadence: string) => {
    const bases: Record<ProposalReason, () => string> = {
      'first-asap': () => t('planner.reason.firstAsap'),
      'acute-phase': () => t('planner.reason.acutePhase'),
      lengthened: () => t('planner.reason.lengthened'),
      regular: () => t('planner.reason.regular', { cadence: labels.cadence(cadence).toLowerCase() }),
    };
    const base = bases[proposal.reason]();
    const shifted = (proposal.shiftedBecause ?? []).map((why) => t(`planner.shifted.${why}`, { defaultValue: why }));
    return { base, shifted };
  };
}

/** Propose meetings by the process's cadence, adjust them, then book them and send invitations. */
export function PlannerPanel({ process }: { process: ProcessDetail }) {
  const { t } = useTranslation('supervision');
  const format = useSupervisionFormat();
  const errorText = useSupervisionError();
  const reasonOf = useProposalReason();
  const queryClient = useQueryClient();
  const planned = (process.meetings ?? []).filter((m) => m.status !== 'cancelled').length;
  const remaining = process.agreedSessions ? Math.max(1, process.agreedSessions - planned) : 4;
  const [count, setCount] = useState<number | string>(Math.min(schedulingLimits.planCountMax, remaining));
  const [startFrom, setStartFrom] = useState('');
  const [rows, setRows] = useState<Row[] | null>(null);

  const plan = useMutation({
    mutationFn: () =>
      call(schedulingRoutes.plan, {
        params: { id: process.id },
        body: { ...(count !== '' ? { count: Number(count) } : {}), ...(startFrom ? { startFrom } : {}) },
      }),
    onSuccess: (result) => {
      setRows(
        result.proposals.map((proposal, i) => {
          const { date, time } = zonedParts(proposal.startsAt, format.timeZone);
          const minutes = Math.max(15, Math.round((Date.parse(proposal.endsAt) - Date.parse(proposal.startsAt)) / 60_000));
          return { key: i, date, time, minutes, proposal };
        }),
      );
    },
  });

  const confirm = useMutation({
    mutationFn: (meetings: { startsAt: string; endsAt: string }[]) =>
      call(schedulingRoutes.book, { params: { id: process.id }, body: { meetings } }),
    onSuccess: (result) => {
      notifySuccess(t('planner.booked', { count: result.items.length }));
      setRows(null);
      void queryClient.invalidateQueries({ queryKey: keys.process(process.id) });
      void queryClient.invalidateQueries({ queryKey: keys.calendarAll });
      void queryClient.invalidateQueries({ queryKey: ['supervision', 'processes'] });
    },
  });

  const instants = (rows ?? []).map((row) => {
    const startsAt = zonedToIso(row.date, row.time, format.timeZone);
    return startsAt ? { startsAt, endsAt: new Date(Date.parse(startsAt) + row.minutes * 60_000).toISOString() } : null;
  });
  const incomplete = instants.some((i) => i === null);
  const update = (key: number, patch: Partial<Row>) => setRows((old) => (old ?? []).map((r) => (r.key === key ? { ...r, ...patch } : r)));

  return (
    <Section id="process-planner" title={t('planner.title')}>
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          {process.cadence === 'crisis' ? t('planner.introCrisis') : t('planner.intro')}
        </Text>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            plan.mutate();
          }}
        >
          <Group align="flex-end" gap="sm" wrap="wrap">
            <NumberInput
              label={t('planner.count')}
              min={schedulingLimits.planCountMin}
              max={schedulingLimits.planCountMax}
              allowDecimal={false}
              value={count}
              onChange={setCount}
              w={160}
            />
            <TextInput
              label={t('planner.startFrom')}
              description={t('common.optional')}
              type="date"
              value={startFrom}
              onChange={(e) => setStartFrom(e.currentTarget.value)}
              w={200}
            />
            <Button type="submit" loading={plan.isPending}>
              {rows ? t('planner.proposeAgain') : t('planner.propose')}
            </Button>
          </Group>
        </form>
        <ErrorAlert error={plan.error} message={errorText(plan.error)} />
        {rows && rows.length === 0 && <Text>{t('planner.none')}</Text>}
        {rows && rows.length > 0 && (
          <>
            <Text size="sm">{t('planner.zoneNote', { zone: timeZoneLabel(format.timeZone, format.locale) })}</Text>
            <ol className="plain-list stack-list" aria-label={t('planner.proposals')}>
              {rows.map((row, index) => {
                const n = index + 1;
                const reason = reasonOf(row.proposal, process.cadence);
                const instant = instants[index];
                return (
                  <li key={row.key}>
                    <Paper withBorder p="sm">
                      <Stack gap={6}>
                        <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
                          <div>
                            <Text fw={600}>
                              {t('planner.meetingN', { n })}
                              {instant ? ` · ${format.meetingWhen(instant.startsAt, instant.endsAt)}` : ''}
                            </Text>
                            <Text size="sm">{reason.base}</Text>
                            {reason.shifted.length > 0 && (
                              <Text size="sm" c="dimmed">
                                {t('planner.shiftedBecause', { reasons: reason.shifted.join(', ') })}
                              </Text>
                            )}
                            {row.proposal.late && (
                              <Badge color="orange" variant="light" tt="none" mt={4}>
                                {t('planner.late')}
                              </Badge>
                            )}
                          </div>
                          <ActionIcon
                            variant="subtle"
                            color="red"
                            aria-label={t('planner.remove', { n })}
                            onClick={() => setRows((old) => (old ?? []).filter((r) => r.key !== row.key))}
                          >
                            <span aria-hidden="true">×</span>
                          </ActionIcon>
                        </Group>
                        <Group gap="sm" wrap="wrap" align="flex-end">
                          <DateTimeFields
                            dateLabel={t('planner.date', { n })}
                            timeLabel={t('planner.time', { n })}
                            date={row.date}
                            time={row.time}
                            onDate={(date) => update(row.key, { date })}
                            onTime={(time) => update(row.key, { time })}
                            step={300}
                          />
                          <Text size="sm" pb={8}>
                            {t('planner.duration', { minutes: row.minutes })}
                          </Text>
                        </Group>
                      </Stack>
                    </Paper>
                  </li>
                );
              })}
            </ol>
            {incomplete && (
              <Alert color="orange" variant="light">
                {t('planner.incomplete')}
              </Alert>
            )}
            <ErrorAlert error={confirm.error} message={errorText(confirm.error)} />
            <Group gap="sm">
              <Button
                onClick={() => confirm.mutate(instants.filter((i): i is { startsAt: string; endsAt: string } => i !== null))}
                loading={confirm.isPending}
                disabled={incomplete}
              >
                {t('planner.confirm')}
              </Button>
              <Button variant="default" onClick={() => setRows(null)}>
                {t('planner.discard')}
              </Button>
            </Group>
          </>
        )}
      </Stack>
    </Section>
  );
}
