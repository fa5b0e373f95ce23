import './measures.css';
import { Alert, Group, NumberInput, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { measureLimits } from '../../../shared/measures';
import { roiRangeProblem } from '../../../shared/measures-logic';
import { useFormat } from '../../app/format-hooks';
import { ErrorAlert } from '../../app/forms';
import { PageLoader } from '../../app/guards';
import { usePageTitle } from '../../app/usePageTitle';
import { useMeasuresError } from './hooks';
import { monthKey, parseMoneyToCents } from './logic';
import { OrganisationSelect, useOrganisationParam } from './OrganisationChoice';
import { useRoi } from './queries';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** `/roi`: support cost against the sick-leave days it would need to prevent — a scenario. */
export function RoiPage() {
  const { t } = useTranslation('measures');
  const format = useFormat();
  const errorText = useMeasuresError();
  const { organisationId, own, canChoose, setOrganisationId } = useOrganisationParam();
  const [from, setFrom] = useState(() => monthKey(new Date(), -11));
  const [to, setTo] = useState(() => monthKey(new Date()));
  const [cost, setCost] = useState<string | number>('');
  const [debouncedCost] = useDebouncedValue(cost, 500);
  const costCents = parseMoneyToCents(debouncedCost);
  const rangeProblem = MONTH.test(from) && MONTH.test(to) ? roiRangeProblem(from, to) : null;
  const validRange = MONTH.test(from) && MONTH.test(to) && rangeProblem === null;
  const roi = useRoi({ organisationId, from: validRange ? from : '', to: validRange ? to : '', sickDayCostCents: costCents });
  usePageTitle(t('roi.title'));
  const data = roi.data;
  const money = (cents: number) =>
    new Intl.NumberFormat(format.locale, { style: 'currency', currency: data?.currency || 'EUR' }).format(cents / 100);
  return (
    <Stack gap="lg">
      <Title order={1}>{t('roi.title')}</Title>
      <Alert color="yellow" variant="light" title={t('roi.scenarioTitle')} data-testid="roi-scenario">
        {t('roi.scenarioBody')}
      </Alert>
      {canChoose && <OrganisationSelect value={organisationId} onChange={setOrganisationId} />}
      {!canChoose && own?.name && <Text fw={600}>{own.name}</Text>}
      <Group align="flex-start" gap="md">
        <TextInput
          type="month"
          label={t('roi.from')}
          value={from}
          onChange={(e) => setFrom(e.currentTarget.value)}
          error={MONTH.test(from) ? null : t('roi.monthFormat')}
          description={t('roi.monthHelp')}
          w={200}
        />
        <TextInput
          type="month"
          label={t('roi.to')}
          value={to}
          onChange={(e) => setTo(e.currentTarget.value)}
          error={
            !MONTH.test(to)
              ? t('roi.monthFormat')
              : rangeProblem === 'before_from'
                ? t('roi.toBeforeFrom')
                : rangeProblem === 'too_long'
                  ? t('roi.tooLong', { months: measureLimits.roiMonthsMax })
                  : null
          }
          description={t('roi.monthHelp')}
          w={200}
        />
        <NumberInput
          label={t('roi.sickDayCost', { currency: data?.currency ?? 'EUR' })}
          description={t('roi.sickDayCostHelp')}
          placeholder={data?.sickDayCostCents != null ? String(data.sickDayCostCents / 100) : undefined}
          value={cost}
          onChange={setCost}
          min={measureLimits.sickDayCostCentsMin / 100}
          max={measureLimits.sickDayCostCentsMax / 100}
          decimalScale={2}
          w={260}
          data-testid="roi-sick-day-cost"
        />
      </Group>
      {!organisationId ? (
        <Text>{canChoose ? t('overview.chooseOrganisation') : t('overview.noOrganisation')}</Text>
      ) : (
        <>
          {roi.isPending && validRange && <PageLoader />}
          <ErrorAlert error={roi.error} message={errorText(roi.error)} />
          {data && (
            <Paper withBorder p="md" component="section" aria-labelledby="roi-result" data-testid="roi-result">
              <Title order={2} size="h3" id="roi-result" mb="sm">
                {t('roi.resultTitle')}
              </Title>
              <dl className="facts">
                <dt>{t('roi.supportCost')}</dt>
                <dd data-testid="roi-support-cost">{money(data.supportCostCents)}</dd>
                <dt>{t('roi.heldSessions')}</dt>
                <dd>{format.number(data.heldSessions)}</dd>
                <dt>{t('roi.sickDayCostUsed')}</dt>
                <dd>
                  {data.sickDayCostCents === null ? '—' : `${money(data.sickDayCostCents)} (${t(`roi.source.${data.sickDayCostSource}`)})`}
                </dd>
                <dt>{t('roi.breakEven')}</dt>
                <dd data-testid="roi-break-even">
                  <Text fw={700} span>
                    {data.breakEvenDays === null
                      ? '—'
                      : t('roi.days', { formatted: format.number(Math.round(data.breakEvenDays * 10) / 10) })}
                  </Text>
                </dd>
              </dl>
              {data.breakEvenDays === null || data.sickDayCostCents === null ? (
                <Text mt="md" data-testid="roi-no-day-cost">
                  {t('roi.noSickDayCost')}
                </Text>
              ) : (
                <Text mt="md">
                  {t('roi.explanation', {
                    cost: money(data.supportCostCents),
                    days: format.number(Math.round(data.breakEvenDays * 10) / 10),
                    dayCost: money(data.sickDayCostCents),
                  })}
                </Text>
              )}
            </Paper>
          )}
        </>
      )}
    </Stack>
  );
}
