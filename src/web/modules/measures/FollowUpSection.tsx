import './measures.css';
import { Anchor, Badge, Button, Checkbox, Group, NativeSelect, NumberInput, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api } from '../../app/api';
import { ConfirmModal, ScrollTable } from '../../app/components';
import { useFormat } from '../../app/format-hooks';
import { ErrorAlert } from '../../app/forms';
import { PageLoader } from '../../app/guards';
import { notifySuccess } from '../../app/notify';
import { useRoles } from '../../app/session';
import { Section } from '../supervision/ProcessSections';
import { isCrisis, type ProcessDetail } from '../supervision/types';
import { AggregateView } from './AggregateView';
import { CheckinStatusBadge, LevelBadge, useInstrumentLookup, useLocalText, useMeasureLabels, useMeasuresError } from './hooks';
import { severityColor } from './logic';
import { enc, keys, paths, useCheckins } from './queries';
import { type Checkin, type Plan, type SendResult, TRIGGERS, type Trigger } from './types';

const OPEN = ['proposed', 'agreed', 'active', 'paused'];

function useInvalidate(processId: string) {
  const queryClient = useQueryClient();
  return () => void queryClient.invalidateQueries({ queryKey: keys.checkins(processId) });
}

function InstrumentSelect({
  value,
  onChange,
  error,
  testId,
}: {
  value: string;
  onChange: (v: string) => void;
  error?: string | null;
  testId: string;
}) {
  const { t } = useTranslation('measures');
  const lookup = useInstrumentLookup();
  const available = lookup.items.filter((i) => i.available);
  return (
    <NativeSelect
      label={t('followUp.instrument')}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      error={error}
      required
      data-testid={testId}
    >
      <option value="">{t('common.choose')}</option>
      {available.map((i) => (
        <option key={i.key} value={i.key}>
          {lookup.name(i.key)}
        </option>
      ))}
    </NativeSelect>
  );
}

function planText(plan: Plan, t: (key: string, options?: Record<string, unknown>) => string, trigger: (v: string) => string) {
  if (plan.trigger === 'every_nth') return t('followUp.planEveryN', { count: plan.everyN ?? 1 });
  if (plan.trigger === 'offset_days') return t('followUp.planOffset', { count: plan.offsetDays ?? 0 });
  return trigger(plan.trigger);
}

function PlansBlock({ process, plans, protocolApplied }: { process: ProcessDetail; plans: Plan[]; protocolApplied: boolean }) {
  const { t } = useTranslation('measures');
  const labels = useMeasureLabels();
  const lookup = useInstrumentLookup();
  const errorText = useMeasuresError();
  const invalidate = useInvalidate(process.id);
  const [instrumentKey, setInstrumentKey] = useState('');
  const [trigger, setTrigger] = useState<Trigger>('each_meeting');
  const [everyN, setEveryN] = useState<number | string>(2);
  const [offsetDays, setOffsetDays] = useState<number | string>(28);
  const [instrumentError, setInstrumentError] = useState<string | null>(null);
  const [removing, setRemoving] = useState<Plan | null>(null);
  const protocol = useMutation({
    mutationFn: () => api.post<{ items: Plan[] }>(`/api/processes/${enc(process.id)}/checkin-plans/crisis-protocol`),
    onSuccess: () => {
      notifySuccess(t('followUp.protocolApplied'));
      invalidate();
    },
  });
  const add = useMutation({
    mutationFn: () =>
      api.post<Plan>(`/api/processes/${enc(process.id)}/checkin-plans`, {
        instrumentKey,
        trigger,
        ...(trigger === 'every_nth' ? { everyN: Number(everyN) } : {}),
        ...(trigger === 'offset_days' ? { offsetDays: Number(offsetDays) } : {}),
      }),
    onSuccess: () => {
      notifySuccess(t('followUp.planAdded'));
      setInstrumentKey('');
      invalidate();
    },
  });
  const remove = useMutation({
    mutationFn: (plan: Plan) => api.delete(`/api/checkin-plans/${enc(plan.id)}`),
    onSuccess: () => {
      notifySuccess(t('followUp.planRemoved'));
      setRemoving(null);
      invalidate();
    },
  });
  return (
    <Stack gap="sm">
      <Title order={3} size="h4">
        {t('followUp.plans')}
      </Title>
      {isCrisis(process) && (
        <Stack gap={4}>
          {protocolApplied ? (
            <Text size="sm" data-testid="crisis-protocol-applied">
              {t('followUp.protocolIsApplied')}
            </Text>
          ) : (
            <>
              <Text size="sm">{t('followUp.protocolHelp')}</Text>
              <Button w="fit-content" onClick={() => protocol.mutate()} loading={protocol.isPending} data-testid="apply-crisis-protocol">
                {t('followUp.applyProtocol')}
              </Button>
            </>
          )}
          <ErrorAlert error={protocol.error} message={errorText(protocol.error)} />
        </Stack>
      )}
      {plans.length === 0 ? (
        <Text size="sm">{t('followUp.noPlans')}</Text>
      ) : (
        <ul className="plain-list" data-testid="checkin-plans">
          {plans.map((plan) => (
            <li key={plan.id}>
              <Group gap="xs" justify="space-between" wrap="nowrap" py={4}>
                <Text size="sm">
                  <strong>{lookup.name(plan.instrumentKey)}</strong> · {planText(plan, t, labels.trigger)}
                </Text>
                <Button
                  size="compact-sm"
                  variant="subtle"
                  color="red"
                  c="red.9"
                  onClick={() => setRemoving(plan)}
                  aria-label={t('followUp.removePlanFor', {
                    name: `${lookup.name(plan.instrumentKey)}, ${planText(plan, t, labels.trigger)}`,
                  })}
                >
                  {t('followUp.removePlan')}
                </Button>
              </Group>
            </li>
          ))}
        </ul>
      )}
      <form
        aria-labelledby="followup-add-plan"
        onSubmit={(e) => {
          e.preventDefault();
          if (!instrumentKey) {
            setInstrumentError(t('validation.required'));
            return;
          }
          setInstrumentError(null);
          add.mutate();
        }}
      >
        <Stack gap="xs">
          <Text id="followup-add-plan" fw={600} size="sm">
            {t('followUp.addPlan')}
          </Text>
          <Group align="flex-start" gap="sm">
            <InstrumentSelect value={instrumentKey} onChange={setInstrumentKey} error={instrumentError} testId="plan-instrument" />
            <NativeSelect
              label={t('followUp.trigger')}
              value={trigger}
              onChange={(e) => setTrigger(e.currentTarget.value as Trigger)}
              data-testid="plan-trigger"
            >
              {TRIGGERS.map((tr) => (
                <option key={tr} value={tr}>
                  {labels.trigger(tr)}
                </option>
              ))}
            </NativeSelect>
            {trigger === 'every_nth' && (
              <NumberInput label={t('followUp.everyN')} min={2} max={20} value={everyN} onChange={setEveryN} w={140} required />
            )}
            {trigger === 'offset_days' && (
              <NumberInput
                label={t('followUp.offsetDays')}
                description={t('followUp.offsetHelp')}
                min={0}
                max={730}
                value={offsetDays}
                onChange={setOffsetDays}
                w={200}
                required
              />
            )}
          </Group>
          <ErrorAlert error={add.error} message={errorText(add.error)} />
          <Button type="submit" variant="default" w="fit-content" loading={add.isPending} data-testid="plan-add">
            {t('followUp.addPlanButton')}
          </Button>
        </Stack>
      </form>
      <ConfirmModal
        opened={removing !== null}
        title={t('followUp.removeTitle')}
        confirmLabel={t('followUp.removePlan')}
        onClose={() => setRemoving(null)}
        onConfirm={() => removing && remove.mutate(removing)}
        loading={remove.isPending}
      >
        <Text>{t('followUp.removeBody')}</Text>
        <ErrorAlert error={remove.error} message={errorText(remove.error)} />
      </ConfirmModal>
    </Stack>
  );
}

function SendNow({ process }: { process: ProcessDetail }) {
  const { t } = useTranslation('measures');
  const labels = useMeasureLabels();
  const errorText = useMeasuresError();
  const invalidate = useInvalidate(process.id);
  const [instrumentKey, setInstrumentKey] = useState('');
  const [instrumentError, setInstrumentError] = useState<string | null>(null);
  const [people, setPeople] = useState<string[]>(process.participants.map((p) => p.personId));
  const [peopleError, setPeopleError] = useState<string | null>(null);
  const [result, setResult] = useState<SendResult | null>(null);
  const send = useMutation({
    mutationFn: () => {
      const all = people.length === process.participants.length;
      return api.post<SendResult>(`/api/processes/${enc(process.id)}/checkins`, { instrumentKey, ...(all ? {} : { personIds: people }) });
    },
    onSuccess: (r) => {
      setResult(r);
      notifySuccess(t('followUp.sent', { count: r.items.length }));
      invalidate();
    },
  });
  const nameOf = (id: string) => process.participants.find((p) => p.personId === id)?.name ?? id;
  return (
    <form
      aria-labelledby="followup-send"
      data-testid="checkin-send-form"
      onSubmit={(e) => {
        e.preventDefault();
        setResult(null);
        const missingInstrument = !instrumentKey;
        setInstrumentError(missingInstrument ? t('validation.required') : null);
        setPeopleError(people.length === 0 ? t('followUp.choosePeople') : null);
        if (missingInstrument || people.length === 0) return;
        send.mutate();
      }}
    >
      <Stack gap="xs">
        <Title order={3} size="h4" id="followup-send">
          {t('followUp.sendNow')}
        </Title>
        <Text size="sm">{t('followUp.sendHelp')}</Text>
        <InstrumentSelect value={instrumentKey} onChange={setInstrumentKey} error={instrumentError} testId="send-instrument" />
        {process.participants.length === 0 ? (
          <Text size="sm">{t('followUp.noParticipants')}</Text>
        ) : (
          <Checkbox.Group label={t('followUp.recipients')} value={people} onChange={setPeople} error={peopleError}>
            <Stack gap={6} mt={6}>
              {process.participants.map((p) => (
                <Checkbox
                  key={p.personId}
                  value={p.personId}
                  label={p.email ? `${p.name} (${p.email})` : `${p.name} – ${t('followUp.noEmail')}`}
                />
              ))}
            </Stack>
          </Checkbox.Group>
        )}
        <ErrorAlert error={send.error} message={errorText(send.error)} />
        {result && result.skipped.length > 0 && (
          <div role="status" data-testid="checkin-skipped">
            <Text size="sm" fw={600}>
              {t('followUp.skipped')}
            </Text>
            <ul>
              {result.skipped.map((s) => (
                <li key={s.personId}>
                  <Text size="sm">
                    {nameOf(s.personId)}: {labels.skipped(s.reason)}
                  </Text>
                </li>
              ))}
            </ul>
          </div>
        )}
        <Button
          type="submit"
          w="fit-content"
          loading={send.isPending}
          disabled={process.participants.length === 0}
          data-testid="checkin-send"
        >
          {t('followUp.sendButton')}
        </Button>
      </Stack>
    </form>
  );
}

function CheckinTable({ process, checkins }: { process: ProcessDetail; checkins: Checkin[] }) {
  const { t } = useTranslation('measures');
  const format = useFormat();
  const lookup = useInstrumentLookup();
  const text = useLocalText();
  const errorText = useMeasuresError();
  const invalidate = useInvalidate(process.id);
  const cancel = useMutation({
    mutationFn: (c: Checkin) => api.post<Checkin>(`/api/checkins/${enc(c.id)}/cancel`),
    onSuccess: () => {
      notifySuccess(t('followUp.cancelled'));
      invalidate();
    },
  });
  const sorted = [...checkins].sort((a, b) =>
    (b.answeredAt ?? b.sentAt ?? b.dueAt ?? '').localeCompare(a.answeredAt ?? a.sentAt ?? a.dueAt ?? ''),
  );
  return (
    <Stack gap="xs">
      <Title order={3} size="h4">
        {t('followUp.checkins')}
      </Title>
      <ErrorAlert error={cancel.error} message={errorText(cancel.error)} />
      {sorted.length === 0 ? (
        <Text size="sm">{t('followUp.noCheckins')}</Text>
      ) : (
        <ScrollTable minWidth={760} label={t('followUp.checkinsLabel')}>
          <Table withTableBorder striped data-testid="checkin-table">
            <Table.Caption>{t('followUp.checkinsCaption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('followUp.person')}</Table.Th>
                <Table.Th scope="col">{t('followUp.instrument')}</Table.Th>
                <Table.Th scope="col">{t('followUp.status')}</Table.Th>
                <Table.Th scope="col">{t('followUp.when')}</Table.Th>
                <Table.Th scope="col">{t('followUp.score')}</Table.Th>
                <Table.Th scope="col">{t('followUp.alert')}</Table.Th>
                <Table.Th scope="col">{t('common.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {sorted.map((c) => {
                const band = lookup.band(c.instrumentKey, c.bandId);
                const when = c.answeredAt ?? c.sentAt ?? c.dueAt;
                return (
                  <Table.Tr key={c.id} data-testid={`checkin-${c.id}`} data-status={c.status}>
                    <Table.Th scope="row">
                      <Anchor component={Link} to={paths.person(c.personId)} size="sm">
                        {c.personName}
                      </Anchor>
                    </Table.Th>
                    <Table.Td>{lookup.name(c.instrumentKey)}</Table.Td>
                    <Table.Td>
                      <CheckinStatusBadge status={c.status} />
                    </Table.Td>
                    <Table.Td>{when ? <time dateTime={when}>{format.dateTime(when)}</time> : '—'}</Table.Td>
                    <Table.Td>
                      {c.score === null ? (
                        '—'
                      ) : (
                        <Group gap={6} wrap="nowrap">
                          {c.responseId ? (
                            <Anchor component={Link} to={paths.response(c.responseId)} size="sm">
                              {c.score}
                            </Anchor>
                          ) : (
                            c.score
                          )}
                          {band && (
                            <Badge variant="light" color={severityColor(band.severity)} tt="none">
                              {text(band.label)}
                            </Badge>
                          )}
                        </Group>
                      )}
                    </Table.Td>
                    <Table.Td>{c.alertLevel ? <LevelBadge level={c.alertLevel} /> : '—'}</Table.Td>
                    <Table.Td>
                      {(c.status === 'scheduled' || c.status === 'sent') && (
                        <Button
                          size="compact-sm"
                          variant="subtle"
                          color="red"
                          c="red.9"
                          onClick={() => cancel.mutate(c)}
                          loading={cancel.isPending && cancel.variables?.id === c.id}
                          aria-label={t('followUp.cancelFor', { name: c.personName })}
                        >
                          {t('followUp.cancel')}
                        </Button>
                      )}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      )}
    </Stack>
  );
}

function PractitionerFollowUp({ process, canChange }: { process: ProcessDetail; canChange: boolean }) {
  const checkins = useCheckins(process.id);
  const errorText = useMeasuresError();
  if (checkins.isPending) return <PageLoader />;
  if (checkins.error) return <ErrorAlert error={checkins.error} message={errorText(checkins.error)} />;
  const data = checkins.data;
  return (
    <Stack gap="lg">
      {canChange && <PlansBlock process={process} plans={data.plans} protocolApplied={data.protocolApplied} />}
      {canChange && <SendNow process={process} />}
      <CheckinTable process={process} checkins={data.checkins} />
    </Stack>
  );
}

/**
 * "Follow-up" on the process page. The process's practitioners plan and send check-ins and see
 * each one; the client contact and the provider admin see aggregates only.
 */
export function FollowUpSection({ process }: { process: ProcessDetail }) {
  const { t } = useTranslation('measures');
  const { session, isPractitioner, isAdmin, isClientContact } = useRoles();
  const mine = Boolean(session && process.practitioners.some((p) => p.userId === session.user.id));
  const practitioner = isPractitioner && mine;
  const aggregates = isAdmin || isClientContact;
  if (!practitioner && !aggregates) return null;
  return (
    <Section id="process-follow-up" title={t('followUp.title')}>
      <Stack gap="lg" data-testid="process-follow-up">
        {practitioner && <PractitionerFollowUp process={process} canChange={OPEN.includes(process.status)} />}
        {aggregates && (
          <Stack gap="xs">
            <Title order={3} size="h4">
              {t('aggregates.title')}
            </Title>
            <AggregateView processId={process.id} headingLevel={4} />
          </Stack>
        )}
      </Stack>
    </Section>
  );
}
