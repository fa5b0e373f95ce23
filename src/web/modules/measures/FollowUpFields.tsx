import { NativeSelect } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useInstrumentLookup } from './hooks';
import { keys } from './queries';

/** Refetch a process's plans and check-ins after a change. */
export function useInvalidate(processId: string) {
  const queryClient = useQueryClient();
  return () => void queryClient.invalidateQueries({ queryKey: keys.checkins(processId) });
}

/** The instruments that may be sent now (licence confirmed, active). */
export function InstrumentSelect({
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
