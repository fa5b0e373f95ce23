import { Anchor, Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import type { PersonMeasures } from '../../../shared/measures';
import { isApiError } from '../../app/api';
import { DataTable } from '../../app/DataTable';
import { useFormat } from '../../app/format-hooks';
import { ErrorAlert } from '../../app/forms';
import { PageLoader } from '../../app/guards';
import { NotFound } from '../../app/NotFound';
import { usePageTitle } from '../../app/usePageTitle';
import { useMeasuresError } from './hooks';
import { severityColor } from './logic';
import { SeriesChart } from './MeasureCharts';
import { useMyMeasures, usePersonMeasures, useResponse } from './queries';
import { TranslationMark } from './translation-mark';

function SeriesList({ data, own }: { data: PersonMeasures; own: boolean }) {
  const { t } = useTranslation('measures');
  const withPoints = data.series.filter((s) => s.points.length > 0);
  if (withPoints.length === 0) return <Text data-testid="measures-empty">{own ? t('results.emptyOwn') : t('results.empty')}</Text>;
  return (
    <Stack gap="xl">
      {withPoints.map((s) => (
        <Paper key={s.instrumentKey} withBorder p="md">
          <SeriesChart series={s} linkResponses={!own} />
          <TranslationMark translations={s.points.map((p) => p.translation)} testId={`translation-mark-${s.instrumentKey}`} />
        </Paper>
      ))}
    </Stack>
  );
}

/** `/people/:id/measures`: a person's scores over time, for their practitioners. */
export function PersonMeasuresPage() {
  const { t } = useTranslation('measures');
  const { id = '' } = useParams();
  const measures = usePersonMeasures(id);
  const errorText = useMeasuresError();
  const name = measures.data?.person?.name ?? '';
  usePageTitle(name ? t('results.personTitle', { name }) : t('results.title'));
  if (isApiError(measures.error) && measures.error.status === 404) return <NotFound />;
  return (
    <Stack gap="lg">
      <Anchor component={Link} to="/alerts" size="sm">
        {t('alerts.back')}
      </Anchor>
      <Title order={1}>{name ? t('results.personTitle', { name }) : t('results.title')}</Title>
      <Text>{t('results.intro')}</Text>
      {measures.isPending && <PageLoader />}
      <ErrorAlert error={measures.error} message={errorText(measures.error)} />
      {measures.data && <SeriesList data={measures.data} own={false} />}
    </Stack>
  );
}

/** `/my-results`: the participant's own scores over time. */
export function MyResultsPage() {
  const { t } = useTranslation('measures');
  const measures = useMyMeasures();
  const errorText = useMeasuresError();
  usePageTitle(t('results.myTitle'));
  return (
    <Stack gap="lg">
      <Title order={1}>{t('results.myTitle')}</Title>
      <Text>{t('results.myIntro')}</Text>
      {measures.isPending && <PageLoader />}
      <ErrorAlert error={measures.error} message={errorText(measures.error)} />
      {measures.data && <SeriesList data={measures.data} own />}
    </Stack>
  );
}

/** `/responses/:id`: one answered check-in, item by item (an audited read for the process's practitioners). */
export function ResponsePage() {
  const { t } = useTranslation('measures');
  const { id = '' } = useParams();
  const response = useResponse(id);
  const format = useFormat();
  const errorText = useMeasuresError();
  const data = response.data;
  usePageTitle(t('response.title'));
  if (isApiError(response.error) && response.error.status === 404) return <NotFound />;
  const band = data?.band ?? null;
  return (
    <Stack gap="lg">
      {data && (
        <Anchor component={Link} to={`/people/${encodeURIComponent(data.personId)}/measures`} size="sm">
          {t('response.backToPerson', { name: data.personName })}
        </Anchor>
      )}
      <Title order={1}>{t('response.title')}</Title>
      {response.isPending && <PageLoader />}
      <ErrorAlert error={response.error} message={errorText(response.error)} />
      {data && (
        <>
          <Paper withBorder p="md" component="section" aria-labelledby="response-facts">
            <Title order={2} size="h3" id="response-facts" mb="sm">
              {t('response.summary')}
            </Title>
            <dl className="facts">
              <dt>{t('response.person')}</dt>
              <dd>{data.personName}</dd>
              <dt>{t('response.submittedAt')}</dt>
              <dd>{format.dateTime(data.submittedAt)}</dd>
              <dt>{t('response.score')}</dt>
              <dd>
                <Group gap="xs">
                  {data.score}
                  {band && (
                    <Badge variant="light" color={severityColor(band.severity)} tt="none">
                      {band.label}
                    </Badge>
                  )}
                </Group>
              </dd>
              {data.formLocale && (
                <>
                  <dt>{t('translations.answeredIn')}</dt>
                  <dd data-testid="response-language">
                    {t(`language.names.${data.formLocale}`, { ns: 'translation' })}
                    {data.providerEntered && (
                      <Text size="sm" c="dimmed" data-testid="response-provider-entered">
                        {t('translations.responseMark', {
                          provider: data.providerEntered.providerName,
                          version: data.providerEntered.version,
                          source: data.providerEntered.source,
                        })}
                      </Text>
                    )}
                  </dd>
                </>
              )}
              <dt>{t('response.flags')}</dt>
              <dd>
                {data.flags.length === 0
                  ? t('response.noFlags')
                  : data.flags.map((f) => f.label || t(`flags.${f.id}`, { defaultValue: f.id })).join(', ')}
              </dd>
            </dl>
          </Paper>
          <DataTable
            rows={data.items}
            rowKey={(item) => item.id}
            label={t('response.itemsLabel')}
            caption={t('response.itemsCaption')}
            minWidth={420}
            withTableBorder
            columns={[
              { key: 'item', header: t('response.item'), primary: true, rowHeader: true, fw: 400, cell: (item) => item.text },
              {
                key: 'answer',
                header: t('response.answer'),
                cell: (item) => data.freeText[item.id] ?? item.answerLabel ?? (item.answer === null ? t('response.notAsked') : item.answer),
              },
            ]}
          />
        </>
      )}
    </Stack>
  );
}
