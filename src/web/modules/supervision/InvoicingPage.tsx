import './supervision.css';
import './invoicing.css';
import { Button, Group, NativeSelect, Stack, Text, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { invoicingQuery, invoicingRoutes, serviceNameIn } from '../../../shared/processes';
import { call, urlOf } from '../../app/api';
import { DataTable } from '../../app/DataTable';
import { ErrorAlert } from '../../app/forms';
import { PageLoader } from '../../app/guards';
import { currentMonth } from '../../app/time';
import { usePageTitle } from '../../app/usePageTitle';
import { useOrganisationOptions } from '../admin/useOrganisations';
import { useSupervisionFormat } from './hooks';
import { InvoicePrint, useVatText } from './InvoicePrint';
import { useEnumLabels } from './labels';

export function InvoicingPage() {
  const { t, i18n } = useTranslation('supervision');
  const format = useSupervisionFormat();
  const labels = useEnumLabels();
  const vatText = useVatText();
  usePageTitle(t('invoicing.title'));
  const organisations = useOrganisationOptions();
  const [organisationId, setOrganisationId] = useState('');
  const [month, setMonth] = useState(currentMonth(format.timeZone));
  const params = { organisationId, month };
  // The server's own rule for the query (a known organisation id, a month YYYY-MM).
  const valid = invoicingQuery.safeParse(params).success;
  const invoicing = useQuery({
    queryKey: ['supervision', 'invoicing', params],
    queryFn: () => call(invoicingRoutes.get, { query: params }),
    enabled: valid,
  });
  const data = invoicing.data;
  const organisationName = data?.organisation.name ?? organisations.data?.find((o) => o.value === organisationId)?.label ?? '';
  const monthLabel = /^\d{4}-\d{2}$/.test(month) ? format.monthTitle(`${month}-01`) : month;
  const currency = data?.currency ?? 'EUR';

  return (
    <div className="print-page">
      <Stack gap="md" className="invoice-screen">
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
              <Button component="a" href={urlOf(invoicingRoutes.csv, { query: params })} variant="default" download>
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
            <dl className="invoice-parties">
              <div>
                <dt>{t('invoicing.provider')}</dt>
                <dd>
                  <div>{data.provider.name}</div>
                  <div>
                    {t('invoicing.businessId')}: {data.provider.businessId ?? t('invoicing.noBusinessId')}
                  </div>
                </dd>
              </div>
              <div>
                <dt>{t('invoicing.client')}</dt>
                <dd>
                  <div>{data.organisation.name}</div>
                  <div>
                    {t('invoicing.businessId')}: {data.organisation.businessId ?? t('invoicing.noBusinessId')}
                  </div>
                </dd>
              </div>
            </dl>
            <DataTable
              rows={data.rows}
              rowKey={(row) => row.meetingId}
              label={t('invoicing.caption')}
              caption={t('invoicing.caption')}
              minWidth={980}
              testId="invoicing-table"
              columns={[
                { key: 'date', header: t('invoicing.date'), cell: (row) => format.calendarDate(row.date) },
                { key: 'process', header: t('invoicing.process'), primary: true, cell: (row) => row.processTitle },
                { key: 'service', header: t('process.service'), cell: (row) => serviceNameIn(row.serviceNames, i18n.language) },
                {
                  key: 'status',
                  header: t('meeting.status'),
                  cell: (row) => `${labels.meetingStatus(row.status)}${row.lateCancellation ? ` (${t('invoicing.late')})` : ''}`,
                },
                { key: 'price', header: t('invoicing.price'), align: 'right', cell: (row) => format.money(row.priceCents, currency) },
                { key: 'charged', header: t('invoicing.net'), align: 'right', cell: (row) => format.money(row.chargedCents, currency) },
                { key: 'vat', header: t('invoicing.vat'), cell: (row) => vatText(row.vat) },
                { key: 'vatAmount', header: t('invoicing.vatAmount'), align: 'right', cell: (row) => format.money(row.vatCents, currency) },
                { key: 'gross', header: t('invoicing.gross'), align: 'right', cell: (row) => format.money(row.grossCents, currency) },
              ]}
            />
            {data.rows.length === 0 && <Text mt="sm">{t('invoicing.empty')}</Text>}
            <Title order={3} size="h4" id="invoicing-vat" mt="md" mb="sm">
              {t('invoicing.vatTotals')}
            </Title>
            <DataTable
              rows={data.byVat}
              rowKey={(g) => `${g.treatment}:${g.ratePercent}:${g.ground}`}
              label={t('invoicing.vatTotals')}
              minWidth={520}
              testId="invoicing-vat-table"
              columns={[
                { key: 'vat', header: t('invoicing.vat'), primary: true, cell: (g) => vatText(g) },
                { key: 'net', header: t('invoicing.net'), align: 'right', cell: (g) => format.money(g.netCents, currency) },
                { key: 'vatAmount', header: t('invoicing.vatAmount'), align: 'right', cell: (g) => format.money(g.vatCents, currency) },
                { key: 'gross', header: t('invoicing.gross'), align: 'right', cell: (g) => format.money(g.grossCents, currency) },
              ]}
              total={{
                label: t('invoicing.totalWithVat'),
                value: `${format.money(data.totalCents, currency)} + ${format.money(data.vatCents, currency)} = ${format.money(data.grossCents, currency)}`,
              }}
            />
          </section>
        )}
      </Stack>
      {data && <InvoicePrint data={data} monthLabel={monthLabel} />}
    </div>
  );
}
