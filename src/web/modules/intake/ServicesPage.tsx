import { Badge, Button, Modal, Paper, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Service, serviceRoutes } from '../../../shared/processes';
import { call } from '../../app/api';
import { DataTable } from '../../app/DataTable';
import { useFormat } from '../../app/format-hooks';
import { ErrorAlert } from '../../app/forms';
import { PageLoader } from '../../app/guards';
import { notifySuccess } from '../../app/notify';
import { usePageTitle } from '../../app/usePageTitle';
import { useIntakeLabels, useServices } from './hooks';
import { decimalSeparatorOf, EMPTY_SERVICE, type ServiceBody, ServiceForm, toServiceValues } from './ServiceForm';
import { centsToAmount } from './time';

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

  const create = async (body: ServiceBody) => {
    await call(serviceRoutes.create, { body });
    notifySuccess(t('services.created', { name: body.name }));
    await queryClient.invalidateQueries({ queryKey: ['services'] });
  };
  const update = async (body: ServiceBody) => {
    if (!editing) return;
    await call(serviceRoutes.update, { params: { id: editing.id }, body });
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
          <DataTable
            rows={services.data.items}
            rowKey={(s) => s.id}
            label={t('services.title')}
            minWidth={860}
            testId="services-table"
            columns={[
              { key: 'name', header: t('services.name'), primary: true, cell: (s) => s.name },
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
                key: 'status',
                header: t('services.status'),
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
                    <VisuallyHidden>{` ${s.name}`}</VisuallyHidden>
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
            key={createKey}
            initial={EMPTY_SERVICE}
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
            initial={toServiceValues(editing, separator)}
            submitLabel={tCommon('common.save')}
            onSubmit={update}
            onDone={() => setEditing(null)}
          />
        )}
      </Modal>
    </Stack>
  );
}
