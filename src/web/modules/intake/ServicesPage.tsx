import { Badge, Button, Modal, Paper, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { intakeApi } from '../../../shared/intake';
import { type Service, serviceNameIn, serviceRoutes } from '../../../shared/processes';
import { call } from '../../app/api';
import { DataTable } from '../../app/DataTable';
import { useFormat } from '../../app/format-hooks';
import { ErrorAlert } from '../../app/forms';
import { PageLoader } from '../../app/guards';
import { notifySuccess } from '../../app/notify';
import { usePageTitle } from '../../app/usePageTitle';
import { useIntakeLabels, useServices } from './hooks';
import { decimalSeparatorOf, emptyService, type ServiceBody, ServiceForm, toServiceValues } from './ServiceForm';
import { centsToAmount } from './time';

/** `/admin/services`: the provider's service catalogue with default length, cadence, place and price. */
export function ServicesPage() {
  const { t, i18n } = useTranslation('intake');
  const { t: tCommon } = useTranslation();
  const format = useFormat();
  // The provider's country gives a new service its VAT defaults (the same query as the settings page).
  const settings = useQuery({ queryKey: ['intake', 'provider-settings'], queryFn: () => call(intakeApi.settings) });
  const country = settings.data?.country ?? 'FI';
  const nameOf = (names: Service['names']) => serviceNameIn(names, i18n.language);
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

  const create = async (body: ServiceBody) => {
    await call(serviceRoutes.create, { body });
    notifySuccess(t('services.created', { name: nameOf(body.names) }));
    await queryClient.invalidateQueries({ queryKey: ['services'] });
  };
  const update = async (body: ServiceBody) => {
    if (!editing) return;
    await call(serviceRoutes.update, { params: { id: editing.id }, body });
    notifySuccess(t('services.updated', { name: nameOf(body.names) }));
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
          <DataTable
            rows={services.data.items}
            rowKey={(s) => s.id}
            label={t('services.title')}
            minWidth={960}
            testId="services-table"
            columns={[
              { key: 'name', header: t('services.name'), primary: true, cell: (s) => nameOf(s.names) },
              { key: 'kind', header: t('services.kind'), cell: (s) => labels.serviceKind(s.kind) },
              {
                key: 'minutes',
                header: t('services.defaultMinutes'),
                cell: (s) => t('services.minutesValue', { count: s.defaultMinutes }),
              },
              { key: 'cadence', header: t('services.defaultCadence'), cell: (s) => labels.cadence(s.defaultCadence) },
              { key: 'place', header: t('services.defaultPlace'), cell: (s) => labels.place(s.defaultPlace) },
              { key: 'price', header: t('services.price'), cell: (s) => money(s) },
              {
                key: 'vat',
                header: t('services.vat'),
                cell: (s) =>
                  s.vat.treatment === 'taxable'
                    ? t('services.vatRateValue', { rate: format.number(s.vat.ratePercent) })
                    : t('services.vatExemptValue', { ground: s.vat.ground }),
              },
              {
                key: 'status',
                header: t('services.status'),
                nowrap: true,
                cell: (s) => (
                  <Badge variant="light" color={s.active ? 'green' : 'gray'} tt="none">
                    {s.active ? t('services.isActive') : t('services.isInactive')}
                  </Badge>
                ),
              },
              {
                key: 'actions',
                header: <VisuallyHidden>{tCommon('common.actions')}</VisuallyHidden>,
                action: true,
                cell: (s) => (
                  <Button size="xs" variant="subtle" onClick={() => setEditing(s)}>
                    {t('services.edit')}
                    <VisuallyHidden>{` ${nameOf(s.names)}`}</VisuallyHidden>
                  </Button>
                ),
              },
            ]}
          />
        )}
      </section>
      <section aria-labelledby="services-new">
        <Paper withBorder p="md">
          <Title order={2} size="h3" id="services-new" mb="sm">
            {t('services.new')}
          </Title>
          <ServiceForm
            key={`${createKey}-${country}`}
            initial={emptyService(country, separator)}
            submitLabel={t('services.create')}
            onSubmit={create}
            onDone={() => setCreateKey((k) => k + 1)}
          />
        </Paper>
      </section>
      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing ? t('services.editTitle', { name: nameOf(editing.names) }) : ''}
        size="lg"
        transitionProps={{ duration: 0 }}
        closeButtonProps={{ 'aria-label': tCommon('common.close') }}
      >
        {editing && (
          <ServiceForm
            key={editing.id}
            initial={toServiceValues(editing, separator, country)}
            submitLabel={tCommon('common.save')}
            onSubmit={update}
            onDone={() => setEditing(null)}
          />
        )}
      </Modal>
    </Stack>
  );
}
