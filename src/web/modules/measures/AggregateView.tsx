import './measures.css';
import { Stack, Table, Text, Title } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Aggregate } from '../../../shared/measures';
import { ScrollTable } from '../../app/components';
import { useFormat } from '../../app/format-hooks';
import { ErrorAlert } from '../../app/forms';
import { PageLoader } from '../../app/guards';
import { useLocalText, useMeasuresError } from './hooks';
import { monthDate } from './logic';
import { useAggregates } from './queries';

function useMonthLabel() {
  const { locale } = useFormat();
  return useMemo(() => {
    const f = new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' });
    return (month: string) => f.format(monthDate(month));
  }, [locale]);
}

function AggregateTable({ aggregate, headingLevel }: { aggregate: Aggregate; headingLevel: 3 | 4 }) {
  const { t } = useTranslation('measures');
  const text = useLocalText();
  const format = useFormat();
  const monthLabel = useMonthLabel();
  const name = text(aggregate.name);
  const months = [...aggregate.months].sort((a, b) => b.month.localeCompare(a.month));
  return (
    <Stack gap="xs" data-testid={`aggregate-${aggregate.instrumentKey}`}>
      <Title order={headingLevel} size="h4">
        {name}
      </Title>
      <Text size="sm">
        {aggregate.higherIsBetter ? t('chart.higherBetter') : t('chart.lowerBetter')}{' '}
        {t('chart.range', { min: aggregate.min, max: aggregate.max })}
      </Text>
      {months.length === 0 ? (
        <Text size="sm">{t('aggregates.noMonths')}</Text>
      ) : (
        <ScrollTable minWidth={520} label={t('aggregates.tableLabel', { name })}>
          <Table withTableBorder striped>
            <Table.Caption>{t('aggregates.caption', { name })}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('aggregates.month')}</Table.Th>
                <Table.Th scope="col">{t('aggregates.respondents')}</Table.Th>
                <Table.Th scope="col">{t('aggregates.mean')}</Table.Th>
                {aggregate.bands.map((b) => (
                  <Table.Th scope="col" key={b.id}>
                    {text(b.label)}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {months.map((m) => (
                <Table.Tr key={m.month} data-testid={`aggregate-month-${m.month}`}>
                  <Table.Th scope="row">{monthLabel(m.month)}</Table.Th>
                  {m.shown ? (
                    <>
                      <Table.Td>{m.respondents ?? '—'}</Table.Td>
                      <Table.Td>{m.mean === undefined ? '—' : format.number(Math.round(m.mean * 10) / 10)}</Table.Td>
                      {aggregate.bands.map((b) => (
                        <Table.Td key={b.id}>{m.bandCounts?.[b.id] ?? 0}</Table.Td>
                      ))}
                    </>
                  ) : (
                    <Table.Td
                      colSpan={2 + aggregate.bands.length}
                      data-testid={m.reason === 'too_few' ? 'aggregate-too-few' : 'aggregate-month-open'}
                    >
                      {m.reason === 'month_open' ? t('aggregates.monthOpen') : t('aggregates.tooFew')}
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      )}
    </Stack>
  );
}

/** Aggregates only (respondents, mean, band distribution per month) for a process or an organisation. */
export function AggregateView({
  processId,
  organisationId,
  headingLevel = 3,
}: {
  processId?: string;
  organisationId?: string;
  headingLevel?: 3 | 4;
}) {
  const { t } = useTranslation('measures');
  const errorText = useMeasuresError();
  const aggregates = useAggregates({ processId, organisationId });
  const data = aggregates.data;
  return (
    <Stack gap="md" data-testid="aggregates">
      <Text size="sm">{t('aggregates.intro', { n: data?.minGroupSize ?? 5 })}</Text>
      {aggregates.isPending && <PageLoader />}
      <ErrorAlert error={aggregates.error} message={errorText(aggregates.error)} />
      {data && data.items.length === 0 && <Text data-testid="aggregates-empty">{t('aggregates.empty')}</Text>}
      {data?.items.map((a) => (
        <AggregateTable key={a.instrumentKey} aggregate={a} headingLevel={headingLevel} />
      ))}
    </Stack>
  );
}
