import { Button, Group, NativeSelect, NumberInput, Stack, Text, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type CheckinPlan, type CheckinTrigger, checkinRoutes, checkinTriggers, measureLimits } from '../../../shared/measures';
import { isCrisis, type ProcessDetail } from '../../../shared/processes';
import { call } from '../../app/api';
import { ConfirmModal } from '../../app/components';
import { ErrorAlert } from '../../app/forms';
import { notifySuccess } from '../../app/notify';
import { InstrumentSelect, useInvalidate } from './FollowUpFields';
import { useInstrumentLookup, useMeasureLabels, useMeasuresError } from './hooks';

function planText(plan: CheckinPlan, t: (key: string, options?: Record<string, unknown>) => string, trigger: (v: string) => string) {
  if (plan.trigger === 'every_nth') return t('followUp.planEveryN', { count: plan.everyN ?? 1 });
  if (plan.trigger === 'offset_days') return t('followUp.planOffset', { count: plan.offsetDays ?? 0 });
  return trigger(plan.trigger);
}

/** A process's check-in plans: the crisis protocol, the plans in force, and a form to add one. */
export function PlansBlock({
  process,
  plans,
  protocolApplied,
}: {
  process: ProcessDetail;
  plans: CheckinPlan[];
  protocolApplied: boolean;
}) {
  const { t } = useTranslation('measures');
  const labels = useMeasureLabels();
  const lookup = useInstrumentLookup();
  const errorText = useMeasuresError();
  const invalidate = useInvalidate(process.id);
  const [instrumentKey, setInstrumentKey] = useState('');
  const [trigger, setTrigger] = useState<CheckinTrigger>('each_meeting');
  const [everyN, setEveryN] = useState<number | string>(2);
  const [offsetDays, setOffsetDays] = useState<number | string>(28);
  const [instrumentError, setInstrumentError] = useState<string | null>(null);
  const [removing, setRemoving] = useState<CheckinPlan | null>(null);
  const protocol = useMutation({
    mutationFn: () => call(checkinRoutes.applyCrisisProtocol, { params: { id: process.id } }),
    onSuccess: () => {
      notifySuccess(t('followUp.protocolApplied'));
      invalidate();
    },
  });
  const add = useMutation({
    mutationFn: () =>
      call(checkinRoutes.createPlan, {
        params: { id: process.id },
        body: {
          instrumentKey,
          trigger,
          ...(trigger === 'every_nth' ? { everyN: Number(everyN) } : {}),
          ...(trigger === 'offset_days' ? { offsetDays: Number(offsetDays) } : {}),
        },
      }),
    onSuccess: () => {
      notifySuccess(t('followUp.planAdded'));
      setInstrumentKey('');
      invalidate();
    },
  });
  const remove = useMutation({
    mutationFn: (plan: CheckinPlan) => call(checkinRoutes.deletePlan, { params: { id: plan.id } }),
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
                  // Beside a long plan on a phone the button keeps its whole word ("Poista", not "Pois").
                  style={{ flexShrink: 0 }}
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
              onChange={(e) => setTrigger(checkinTriggers.find((tr) => tr === e.currentTarget.value) ?? 'each_meeting')}
              data-testid="plan-trigger"
            >
              {checkinTriggers.map((tr) => (
                <option key={tr} value={tr}>
                  {labels.trigger(tr)}
                </option>
              ))}
            </NativeSelect>
            {trigger === 'every_nth' && (
              <NumberInput
                label={t('followUp.everyN')}
                min={measureLimits.everyNMin}
                max={measureLimits.everyNMax}
                allowDecimal={false}
                value={everyN}
                onChange={setEveryN}
                w={140}
                required
              />
            )}
            {trigger === 'offset_days' && (
              <NumberInput
                label={t('followUp.offsetDays')}
                description={t('followUp.offsetHelp')}
                min={measureLimits.offsetDaysMin}
                max={measureLimits.offsetDaysMax}
                allowDecimal={false}
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
