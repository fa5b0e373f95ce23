import './measures.css';
import { Stack, Text, Title } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Aggregate } from '../../../shared/measures';
import { DataTable } from '../../app/DataTable';
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
        <DataTable
          rows={months}
          rowKey={(m) => m.month}
          rowTestId={(m) => `aggregate-month-${m.month}`}
          label={t('aggregates.tableLabel', { name })}
          caption={t('aggregates.caption', { name })}
          minWidth={520}
          withTableBorder
          // A month withheld (too few respondents, or not over yet) has no numbers to show: one line says why.
          rowNote={(m) =>
            m.shown ? undefined : (
              <span data-testid={m.reason === 'too_few' ? 'aggregate-too-few' : 'aggregate-month-open'}>
                {m.reason === 'month_open' ? t('aggregates.monthOpen') : t('aggregates.tooFew')}
              </span>
            )
          }
          columns={[
            { key: 'month', header: t('aggregates.month'), primary: true, rowHeader: true, cell: (m) => monthLabel(m.month) },
            { key: 'respondents', header: t('aggregates.respondents'), cell: (m) => m.respondents ?? '—' },
            {
              key: 'mean',
              header: t('aggregates.mean'),
              cell: (m) => (m.mean === undefined ? '—' : format.number(Math.round(m.mean * 10) / 10)),
            },
            ...aggregate.bands.map((b) => ({
              key: `band-${b.id}`,
              header: text(b.label),
              cell: (m: (typeof months)[number]) => m.bandCounts?.[b.id] ?? 0,
            })),
          ]}
        />
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
