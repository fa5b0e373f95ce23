import { Button, Checkbox, Fieldset, Group, NativeSelect, NumberInput, Radio, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { type Locale, locales } from '../../../shared/locales';
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
  type ServiceVat,
  type serviceBody,
  vatDefaultsOf,
  vatGroundMax,
  vatRatePercent,
} from '../../../shared/processes';
import { applyFieldErrors, ErrorAlert } from '../../app/forms';
import { useIntakeLabels } from './hooks';
import { FORM_CONTRAST } from './styles';
import { centsToAmount, parseAmountToCents } from './time';

export interface ServiceValues {
  kind: ProcessKind | '';
  names: Record<Locale, string>;
  defaultMinutes: number | string;
  defaultCadence: Cadence;
  defaultPlace: Place;
  price: string;
  currency: Currency;
  vatTreatment: ServiceVat['treatment'];
  /** Percent as typed, with a decimal comma or point: "25,5". */
  vatRate: string;
  vatGround: string;
  active: boolean;
}

/** The server's field paths that the form's inputs are named differently. */
const ALIASES = {
  priceCents: 'price',
  'vat.ratePercent': 'vatRate',
  'vat.ground': 'vatGround',
  'names.fi': 'names.fi',
  'names.sv': 'names.sv',
  'names.nb': 'names.nb',
  'names.en': 'names.en',
};

const rateText = (percent: number, separator: string) => String(percent).replace('.', separator);
const parseRate = (v: string): number | null => {
  const n = Number(v.trim().replace(',', '.'));
  return v.trim() && vatRatePercent.safeParse(n).success ? n : null;
};

export type ServiceBody = z.input<typeof serviceBody>;

/** A new service: taxable at the standard rate of the provider's country until the provider says otherwise. */
export function emptyService(country: string, separator: string): ServiceValues {
  const vat = vatDefaultsOf(country);
  return {
    ...EMPTY_SERVICE,
    vatRate: rateText(vat.ratePercent, separator),
    vatGround: vat.exemptGround,
    currency: country === 'SE' ? 'SEK' : country === 'NO' ? 'NOK' : 'EUR',
  };
}

export const EMPTY_SERVICE: ServiceValues = {
  kind: '',
  names: { fi: '', sv: '', nb: '', en: '' },
  defaultMinutes: 60,
  defaultCadence: 'monthly',
  defaultPlace: 'office',
  price: '',
  currency: 'EUR',
  vatTreatment: 'taxable',
  vatRate: '',
  vatGround: '',
  active: true,
};

export function toServiceValues(s: Service, decimalSeparator: string, country: string): ServiceValues {
  const defaults = vatDefaultsOf(country);
  return {
    kind: s.kind,
    names: { fi: s.names.fi ?? '', sv: s.names.sv ?? '', nb: s.names.nb ?? '', en: s.names.en ?? '' },
    defaultMinutes: s.defaultMinutes,
    defaultCadence: s.defaultCadence,
    defaultPlace: s.defaultPlace,
    price: centsToAmount(s.priceCents, decimalSeparator),
    currency: s.currency,
    vatTreatment: s.vat.treatment,
    // Switching treatment in the form offers the other one's usual value, not an empty field.
    vatRate: rateText(s.vat.treatment === 'taxable' ? s.vat.ratePercent : defaults.ratePercent, decimalSeparator),
    vatGround: s.vat.treatment === 'exempt' ? s.vat.ground : defaults.exemptGround,
    active: s.active,
  };
}

export function decimalSeparatorOf(locale: string): string {
  return new Intl.NumberFormat(locale).formatToParts(1.5).find((p) => p.type === 'decimal')?.value ?? ',';
}

/** A service of the catalogue: kind, a name per language, default length, cadence and place, net price and VAT. */
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
      names: { fi: (_v, values) => (locales.some((l) => values.names[l].trim()) ? null : t('services.namesRequired')) },
      vatRate: (v, values) => (values.vatTreatment !== 'taxable' || parseRate(v) !== null ? null : t('services.vatRateInvalid')),
      vatGround: (v, values) => (values.vatTreatment !== 'exempt' || v.trim() ? null : t('services.vatGroundRequired')),
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
        // Every language is sent: one left empty is dropped from the service's names.
        names: Object.fromEntries(locales.map((l) => [l, values.names[l].trim()]).filter(([, v]) => v)),
        defaultMinutes: Number(values.defaultMinutes),
        defaultCadence: values.defaultCadence,
        defaultPlace: values.defaultPlace,
        priceCents: parseAmountToCents(values.price) ?? 0,
        currency: values.currency,
        vat:
          values.vatTreatment === 'taxable'
            ? { treatment: 'taxable', ratePercent: parseRate(values.vatRate) ?? 0 }
            : { treatment: 'exempt', ground: values.vatGround.trim() },
        active: values.active,
      }),
    onSuccess: () => {
      form.reset();
      onDone();
    },
    onError: (error) => applyFieldErrors(form, error, ALIASES),
  });
  return (
    <form onSubmit={form.onSubmit((values) => save.mutate(values))} noValidate style={FORM_CONTRAST}>
      <Stack gap="sm">
        <ErrorAlert error={save.error} form={form} aliases={ALIASES} />
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
        </Group>
        <Fieldset legend={t('services.names')}>
          <Stack gap="xs">
            <Text size="sm" c="dimmed" id="service-names-help">
              {t('services.namesHelp')}
            </Text>
            <Group align="flex-start" gap="sm" grow preventGrowOverflow={false} wrap="wrap">
              {locales.map((l) => (
                <TextInput
                  key={l}
                  lang={l}
                  label={t(`services.nameIn.${l}`)}
                  miw={200}
                  maxLength={processLimits.nameMax}
                  aria-describedby="service-names-help"
                  {...form.getInputProps(`names.${l}`)}
                />
              ))}
            </Group>
          </Stack>
        </Fieldset>
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
        <Fieldset legend={t('services.vat')}>
          <Stack gap="sm">
            <Radio.Group label={t('services.vatTreatment')} description={t('services.vatHelp')} {...form.getInputProps('vatTreatment')}>
              <Group gap="md" mt={4}>
                <Radio value="taxable" label={t('services.vatTaxable')} />
                <Radio value="exempt" label={t('services.vatExempt')} />
              </Group>
            </Radio.Group>
            {form.values.vatTreatment === 'taxable' ? (
              <TextInput
                label={t('services.vatRate')}
                inputMode="decimal"
                required
                maw={200}
                rightSection="%"
                {...form.getInputProps('vatRate')}
              />
            ) : (
              <TextInput
                label={t('services.vatGround')}
                description={t('services.vatGroundHelp')}
                required
                maxLength={vatGroundMax}
                {...form.getInputProps('vatGround')}
              />
            )}
          </Stack>
        </Fieldset>
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
