import {
  Badge,
  Button,
  Checkbox,
  Group,
  Modal,
  NativeSelect,
  NumberInput,
  Paper,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api';
import { ScrollTable } from '../../app/components';
import { useFormat } from '../../app/format-hooks';
import { applyFieldErrors, ErrorAlert } from '../../app/forms';
import { PageLoader } from '../../app/guards';
import { notifySuccess } from '../../app/notify';
import { usePageTitle } from '../../app/usePageTitle';
import { useIntakeLabels, useServices } from './hooks';
import { FORM_CONTRAST } from './styles';
import { centsToAmount, parseAmountToCents } from './time';
import { CADENCES, CURRENCIES, PLACES, SERVICE_KINDS, type Service } from './types';

interface Values {
  kind: string;
  name: string;
  defaultMinutes: number | string;
  defaultCadence: string;
  defaultPlace: string;
  price: string;
  currency: string;
  active: boolean;
}

const EMPTY: Values = {
  kind: '',
  name: '',
  defaultMinutes: 60,
  defaultCadence: 'monthly',
  defaultPlace: 'office',
  price: '',
  currency: 'EUR',
  active: true,
};

function toValues(s: Service, decimalSeparator: string): Values {
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

function decimalSeparatorOf(locale: string): string {
  return new Intl.NumberFormat(locale).formatToParts(1.5).find((p) => p.type === 'decimal')?.value ?? ',';
}

function ServiceForm({
  initial,
  submitLabel,
  onSubmit,
  onDone,
}: {
  initial: Values;
  submitLabel: string;
  onSubmit: (body: Record<string, unknown>) => Promise<unknown>;
  onDone: () => void;
}) {
  const { t } = useTranslation('intake');
  const { t: tCommon } = useTranslation();
  const labels = useIntakeLabels();
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: initial,
    validate: {
      kind: (v) => (v ? null : tCommon('validation.required')),
      name: (v) => (v.trim() ? null : tCommon('validation.required')),
      defaultMinutes: (v) => (typeof v === 'number' && Number.isInteger(v) && v >= 15 && v <= 480 ? null : t('services.minutesInvalid')),
      price: (v) => (parseAmountToCents(v) !== null ? null : t('services.priceInvalid')),
    },
  });
  const save = useMutation({
    mutationFn: (values: Values) =>
      onSubmit({
        kind: values.kind,
        name: values.name.trim(),
        defaultMinutes: values.defaultMinutes,
        defaultCadence: values.defaultCadence,
        defaultPlace: values.defaultPlace,
        priceCents: parseAmountToCents(values.price),
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
              const kind = e.currentTarget.value;
              form.setFieldValue('kind', kind);
              if (kind.startsWith('crisis')) form.setFieldValue('defaultCadence', 'crisis');
              else if (form.values.defaultCadence === 'crisis') form.setFieldValue('defaultCadence', 'monthly');
            }}
          >
            <option value="">{tCommon('common.choose')}</option>
            {SERVICE_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {labels.serviceKind(kind)}
              </option>
            ))}
          </NativeSelect>
          <TextInput label={t('services.name')} required miw={240} {...form.getInputProps('name')} />
        </Group>
        <Group align="flex-start" gap="sm" grow preventGrowOverflow={false} wrap="wrap">
          <NumberInput
            label={t('services.defaultMinutes')}
            min={15}
            max={480}
            step={15}
            allowDecimal={false}
            allowNegative={false}
            miw={160}
            {...form.getInputProps('defaultMinutes')}
          />
          <NativeSelect label={t('services.defaultCadence')} miw={160} {...form.getInputProps('defaultCadence')}>
            {CADENCES.map((c) => (
              <option key={c} value={c}>
                {labels.cadence(c)}
              </option>
            ))}
          </NativeSelect>
          <NativeSelect label={t('services.defaultPlace')} miw={160} {...form.getInputProps('defaultPlace')}>
            {PLACES.map((p) => (
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
            {CURRENCIES.map((c) => (
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

/** `/admin/services`: the provider's service catalogue with default length, cadence, place and price. */
export function ServicesPage() {
  const { t } = useTranslation('intake');
  const { t: tCommon } = useTranslation();
  const format = useFormat();
  const labels = useIntakeLabels();
  const queryClient = useQueryClient();
  const services = useServices();
  const [editing, setEditing] = useState<Service | null>(null);
  const [createKey, setCreateKey] = useState(0);
  usePageTitle(t('services.title'));
  const separator = decimalSeparatorOf(format.locale);
  const money = (s: Service) => {
    try {
      return new Intl.NumberFormat(format.locale, { style: 'currency', currency: s.currency }).format(s.priceCents / 100);
    } catch {
      return `${centsToAmount(s.priceCents, separator)} ${s.currency}`;
    }
  };

  const create = async (body: Record<string, unknown>) => {
    await api.post<Service>('/api/services', body);
    notifySuccess(t('services.created', { name: body.name }));
    await queryClient.invalidateQueries({ queryKey: ['services'] });
  };
  const update = async (body: Record<string, unknown>) => {
    if (!editing) return;
    await api.patch<Service>(`/api/services/${encodeURIComponent(editing.id)}`, body);
    notifySuccess(t('services.updated', { name: body.name }));
    await queryClient.invalidateQueries({ queryKey: ['services'] });
  };

  return (
    <Stack gap="lg">
      <Title order={1}>{t('services.title')}</Title>
      <section aria-labelledby="services-list">
        <Title order={2} size="h3" id="services-list" mb="sm">
          {t('services.list')}
        </Title>
        {services.isPending && <PageLoader />}
        <ErrorAlert error={services.error} />
        {services.data && services.data.items.length === 0 && <Text>{t('services.empty')}</Text>}
        {services.data && services.data.items.length > 0 && (
          <ScrollTable minWidth={860} label={t('services.title')}>
            <Table striped highlightOnHover data-testid="services-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('services.name')}</Table.Th>
                  <Table.Th scope="col">{t('services.kind')}</Table.Th>
                  <Table.Th scope="col">{t('services.defaultMinutes')}</Table.Th>
                  <Table.Th scope="col">{t('services.defaultCadence')}</Table.Th>
                  <Table.Th scope="col">{t('services.defaultPlace')}</Table.Th>
                  <Table.Th scope="col">{t('services.price')}</Table.Th>
                  <Table.Th scope="col">{t('services.status')}</Table.Th>
                  <Table.Th scope="col">
                    <VisuallyHidden>{tCommon('common.actions')}</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {services.data.items.map((s) => (
                  <Table.Tr key={s.id}>
                    <Table.Td>{s.name}</Table.Td>
                    <Table.Td>{labels.serviceKind(s.kind)}</Table.Td>
                    <Table.Td>{t('services.minutesValue', { count: s.defaultMinutes })}</Table.Td>
                    <Table.Td>{labels.cadence(s.defaultCadence)}</Table.Td>
                    <Table.Td>{labels.place(s.defaultPlace)}</Table.Td>
                    <Table.Td>{money(s)}</Table.Td>
                    <Table.Td>
                      <Badge variant="light" color={s.active ? 'green' : 'gray'} tt="none">
                        {s.active ? t('services.isActive') : t('services.isInactive')}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      <Button size="xs" variant="subtle" onClick={() => setEditing(s)}>
                        {t('services.edit')}
                        <VisuallyHidden>{` ${s.name}`}</VisuallyHidden>
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollTable>
        )}
      </section>
      <section aria-labelledby="services-new">
        <Paper withBorder p="md">
          <Title order={2} size="h3" id="services-new" mb="sm">
            {t('services.new')}
          </Title>
          <ServiceForm
            key={createKey}
            initial={EMPTY}
            submitLabel={t('services.create')}
            onSubmit={create}
            onDone={() => setCreateKey((k) => k + 1)}
          />
        </Paper>
      </section>
      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing ? t('services.editTitle', { name: editing.name }) : ''}
        size="lg"
        transitionProps={{ duration: 0 }}
        closeButtonProps={{ 'aria-label': tCommon('common.close') }}
      >
        {editing && (
          <ServiceForm
            key={editing.id}
            initial={toValues(editing, separator)}
            submitLabel={tCommon('common.save')}
            onSubmit={update}
            onDone={() => setEditing(null)}
          />
        )}
      </Modal>
    </Stack>
  );
}
