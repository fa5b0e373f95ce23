import { Button, Checkbox, Group, NativeSelect, NumberInput, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import {
  type Cadence,
  type Currency,
  cadences,
  currencies,
  minutes,
  type Place,
  type ProcessKind,
  places,
  processKinds,
  processLimits,
  type Service,
  type serviceBody,
} from '../../../shared/processes';
import { applyFieldErrors, ErrorAlert } from '../../app/forms';
import { useIntakeLabels } from './hooks';
import { FORM_CONTRAST } from './styles';
import { centsToAmount, parseAmountToCents } from './time';

export interface ServiceValues {
  kind: ProcessKind | '';
  name: string;
  defaultMinutes: number | string;
  defaultCadence: Cadence;
  defaultPlace: Place;
  price: string;
  currency: Currency;
  active: boolean;
}

export type ServiceBody = z.input<typeof serviceBody>;

export const EMPTY_SERVICE: ServiceValues = {
  kind: '',
  name: '',
  defaultMinutes: 60,
  defaultCadence: 'monthly',
  defaultPlace: 'office',
  price: '',
  currency: 'EUR',
  active: true,
};

export function toServiceValues(s: Service, decimalSeparator: string): ServiceValues {
  return {
    kind: s.kind,
    name: s.name,
    defaultMinutes: s.defaultMinutes,
    defaultCadence: s.defaultCadence,
    defaultPlace: s.defaultPlace,
    price: centsToAmount(s.priceCents, decimalSeparator),
    currency: s.currency,
    active: s.active,
  };
}

export function decimalSeparatorOf(locale: string): string {
  return new Intl.NumberFormat(locale).formatToParts(1.5).find((p) => p.type === 'decimal')?.value ?? ',';
}

/** A service of the catalogue: kind, name, default length, cadence and place, price. */
export function ServiceForm({
  initial,
  submitLabel,
  onSubmit,
  onDone,
}: {
  initial: ServiceValues;
  submitLabel: string;
  onSubmit: (body: ServiceBody) => Promise<unknown>;
  onDone: () => void;
}) {
  const { t } = useTranslation('intake');
  const { t: tCommon } = useTranslation();
  const labels = useIntakeLabels();
  const form = useForm<ServiceValues>({
    mode: 'controlled',
    initialValues: initial,
    validate: {
      kind: (v) => (v ? null : tCommon('validation.required')),
      name: (v) => (v.trim() ? null : tCommon('validation.required')),
      defaultMinutes: (v) =>
        minutes.safeParse(v).success
          ? null
          : t('services.minutesInvalid', { min: processLimits.minutesMin, max: processLimits.minutesMax }),
      price: (v) => (parseAmountToCents(v) !== null ? null : t('services.priceInvalid')),
    },
  });
  const save = useMutation({
    mutationFn: (values: ServiceValues) =>
      onSubmit({
        // The form's validation has made sure of the kind, the minutes and the price.
        kind: values.kind || 'individual',
        name: values.name.trim(),
        defaultMinutes: Number(values.defaultMinutes),
        defaultCadence: values.defaultCadence,
        defaultPlace: values.defaultPlace,
        priceCents: parseAmountToCents(values.price) ?? 0,
        currency: values.currency,
        active: values.active,
      }),
    onSuccess: () => {
      form.reset();
      onDone();
    },
    onError: (error) => applyFieldErrors(form, error, { priceCents: 'price' }),
  });
  return (
    <form onSubmit={form.onSubmit((values) => save.mutate(values))} noValidate style={FORM_CONTRAST}>
      <Stack gap="sm">
        <ErrorAlert error={save.error} form={form} aliases={{ priceCents: 'price' }} />
        <Group align="flex-start" gap="sm" grow preventGrowOverflow={false} wrap="wrap">
          <NativeSelect
            label={t('services.kind')}
            required
            miw={200}
            {...form.getInputProps('kind')}
            onChange={(e) => {
              const kind = e.currentTarget.value as ServiceValues['kind'];
              form.setFieldValue('kind', kind);
              if (kind.startsWith('crisis')) form.setFieldValue('defaultCadence', 'crisis');
              else if (form.values.defaultCadence === 'crisis') form.setFieldValue('defaultCadence', 'monthly');
            }}
          >
            <option value="">{tCommon('common.choose')}</option>
            {processKinds.map((kind) => (
              <option key={kind} value={kind}>
                {labels.serviceKind(kind)}
              </option>
            ))}
          </NativeSelect>
          <TextInput label={t('services.name')} required miw={240} maxLength={processLimits.nameMax} {...form.getInputProps('name')} />
        </Group>
        <Group align="flex-start" gap="sm" grow preventGrowOverflow={false} wrap="wrap">
          <NumberInput
            label={t('services.defaultMinutes')}
            min={processLimits.minutesMin}
            max={processLimits.minutesMax}
            step={15}
            allowDecimal={false}
            allowNegative={false}
            miw={160}
            {...form.getInputProps('defaultMinutes')}
          />
          <NativeSelect label={t('services.defaultCadence')} miw={160} {...form.getInputProps('defaultCadence')}>
            {cadences.map((c) => (
              <option key={c} value={c}>
                {labels.cadence(c)}
              </option>
            ))}
          </NativeSelect>
          <NativeSelect label={t('services.defaultPlace')} miw={160} {...form.getInputProps('defaultPlace')}>
            {places.map((p) => (
              <option key={p} value={p}>
                {labels.place(p)}
              </option>
            ))}
          </NativeSelect>
        </Group>
        <Group align="flex-start" gap="sm" grow preventGrowOverflow={false} wrap="wrap">
          <TextInput
            label={t('services.price')}
            description={t('services.priceHelp')}
            inputMode="decimal"
            required
            miw={160}
            {...form.getInputProps('price')}
          />
          <NativeSelect label={t('services.currency')} miw={120} {...form.getInputProps('currency')}>
            {currencies.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </NativeSelect>
        </Group>
        <Checkbox
          label={t('services.active')}
          description={t('services.activeHelp')}
          {...form.getInputProps('active', { type: 'checkbox' })}
        />
        <Button type="submit" loading={save.isPending} w="fit-content">
          {submitLabel}
        </Button>
      </Stack>
    </form>
  );
}
