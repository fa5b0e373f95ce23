import { Button, Checkbox, Stack, Text, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { checkinRoutes, type SendCheckinsResult } from '../../../shared/measures';
import type { ProcessDetail } from '../../../shared/processes';
import { call } from '../../app/api';
import { ErrorAlert } from '../../app/forms';
import { notifySuccess } from '../../app/notify';
import { InstrumentSelect, useInvalidate } from './FollowUpFields';
import { useMeasureLabels, useMeasuresError } from './hooks';

/** Send an instrument now to some or all participants; who was passed by, and why. */
export function SendNow({ process }: { process: ProcessDetail }) {
  const { t } = useTranslation('measures');
  const labels = useMeasureLabels();
  const errorText = useMeasuresError();
  const invalidate = useInvalidate(process.id);
  const [instrumentKey, setInstrumentKey] = useState('');
  const [instrumentError, setInstrumentError] = useState<string | null>(null);
  const [people, setPeople] = useState<string[]>(process.participants.map((p) => p.personId));
  const [peopleError, setPeopleError] = useState<string | null>(null);
  const [result, setResult] = useState<SendCheckinsResult | null>(null);
  const send = useMutation({
    mutationFn: () => {
      const all = people.length === process.participants.length;
      return call(checkinRoutes.send, { params: { id: process.id }, body: { instrumentKey, ...(all ? {} : { personIds: people }) } });
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
