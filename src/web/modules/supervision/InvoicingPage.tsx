import './supervision.css';
import { Button, Group, NativeSelect, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, query } from '../../app/api';
import { ScrollTable } from '../../app/components';
import { ErrorAlert } from '../../app/forms';
import { PageLoader } from '../../app/guards';
import { usePageTitle } from '../../app/usePageTitle';
import { useOrganisationOptions } from '../admin/useOrganisations';
import { useSupervisionFormat } from './hooks';
import { useEnumLabels } from './labels';
import { currentMonth } from './time';
import type { Invoicing } from './types';

export function InvoicingPage() {
  const { t } = useTranslation('supervision');
  const format = useSupervisionFormat();
  const labels = useEnumLabels();
  usePageTitle(t('invoicing.title'));
  const organisations = useOrganisationOptions();
  const [organisationId, setOrganisationId] = useState('');
  const [month, setMonth] = useState(currentMonth(format.timeZone));
  const valid = Boolean(organisationId) && /^\d{4}-\d{2}$/.test(month);
  const params = { organisationId, month };
  const invoicing = useQuery({
    queryKey: ['supervision', 'invoicing', params],
    queryFn: () => api.get<Invoicing>(`/api/invoicing${query(params)}`),
    enabled: valid,
  });
  const data = invoicing.data;
  const organisationName =
    typeof data?.organisation === 'string'
      ? data.organisation
      : (data?.organisation?.name ?? organisations.data?.find((o) => o.value === organisationId)?.label ?? '');
  const monthLabel = /^\d{4}-\d{2}$/.test(month) ? format.monthTitle(`${month}-01`) : month;
  const currency = data?.currency ?? 'EUR';

  return (
    <div className="print-page">
      <Stack gap="md">
        <Title order={1}>{t('invoicing.title')}</Title>
        <Text c="dimmed" className="no-print">
          {t('invoicing.intro')}
        </Text>
        <Group align="flex-end" gap="sm" wrap="wrap" className="no-print">
          <NativeSelect
            label={t('process.organisation')}
            value={organisationId}
            onChange={(e) => setOrganisationId(e.currentTarget.value)}
            w={{ base: '100%', xs: 280 }}
          >
            <option value="">{t('common.choose')}</option>
            {(organisations.data ?? []).map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </NativeSelect>
          <TextInput
            label={t('invoicing.month')}
            description={t('invoicing.monthHelp')}
            placeholder="YYYY-MM"
            type="month"
            value={month}
            onChange={(e) => setMonth(e.currentTarget.value)}
            w={{ base: '100%', xs: 200 }}
          />
          {valid && (
            <>
              <Button component="a" href={`/api/invoicing.csv${query(params)}`} variant="default" download>
                {t('invoicing.csv')}
              </Button>
              <Button onClick={() => window.print()} disabled={!data}>
                {t('common.print')}
              </Button>
            </>
          )}
        </Group>
        <ErrorAlert error={organisations.error ?? invoicing.error} />
        {!organisationId && <Text>{t('invoicing.chooseOrganisation')}</Text>}
        {valid && invoicing.isPending && <PageLoader />}
        {data && (
          <section aria-labelledby="invoicing-heading">
            <Title order={2} size="h3" id="invoicing-heading" mb="sm">
              {t('invoicing.heading', { organisation: organisationName, month: monthLabel })}
            </Title>
            <ScrollTable minWidth={760} label={t('invoicing.caption')}>
              <Table data-testid="invoicing-table" striped>
                <Table.Caption>{t('invoicing.caption')}</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('invoicing.date')}</Table.Th>
                    <Table.Th scope="col">{t('invoicing.process')}</Table.Th>
                    <Table.Th scope="col">{t('process.service')}</Table.Th>
                    <Table.Th scope="col">{t('meeting.status')}</Table.Th>
                    <Table.Th scope="col" ta="right">
                      {t('invoicing.price')}
                    </Table.Th>
                    <Table.Th scope="col" ta="right">
                      {t('invoicing.charged')}
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.rows.map((row) => (
                    <Table.Tr key={row.meetingId}>
                      <Table.Td>{row.date.length === 10 ? format.calendarDate(row.date) : format.dateTime(row.date)}</Table.Td>
                      <Table.Td>{row.processTitle}</Table.Td>
                      <Table.Td>{row.serviceName}</Table.Td>
                      <Table.Td>
                        {labels.meetingStatus(row.status)}
                        {row.lateCancellation ? ` (${t('invoicing.late')})` : ''}
                      </Table.Td>
                      <Table.Td ta="right">{format.money(row.priceCents, currency)}</Table.Td>
                      <Table.Td ta="right">{format.money(row.chargedCents, currency)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
                <Table.Tfoot>
                  <Table.Tr>
                    <Table.Th scope="row" colSpan={5}>
                      {t('invoicing.total')}
                    </Table.Th>
                    <Table.Td ta="right" fw={700}>
                      {format.money(data.totalCents, currency)}
                    </Table.Td>
                  </Table.Tr>
                </Table.Tfoot>
              </Table>
            </ScrollTable>
            {data.rows.length === 0 && <Text mt="sm">{t('invoicing.empty')}</Text>}
          </section>
        )}
      </Stack>
    </div>
  );
}
