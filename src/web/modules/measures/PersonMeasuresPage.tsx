import { Anchor, Badge, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { isApiError } from '../../app/api';
import { ScrollTable } from '../../app/components';
import { useFormat } from '../../app/format-hooks';
import { ErrorAlert } from '../../app/forms';
import { PageLoader } from '../../app/guards';
import { NotFound } from '../../app/NotFound';
import { usePageTitle } from '../../app/usePageTitle';
import { useLocalText, useMeasuresError } from './hooks';
import { severityColor } from './logic';
import { SeriesChart } from './MeasureCharts';
import { useMyMeasures, usePersonMeasures, useResponse } from './queries';
import type { PersonMeasures } from './types';

function SeriesList({ data, own }: { data: PersonMeasures; own: boolean }) {
  const { t } = useTranslation('measures');
  const withPoints = data.series.filter((s) => s.points.length > 0);
  if (withPoints.length === 0) return <Text data-testid="measures-empty">{own ? t('results.emptyOwn') : t('results.empty')}</Text>;
  return (
    <Stack gap="xl">
      {withPoints.map((s) => (
        <Paper key={s.instrumentKey} withBorder p="md">
          <SeriesChart series={s} linkResponses={!own} />
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
  const text = useLocalText();
  const errorText = useMeasuresError();
  const data = response.data;
  usePageTitle(t('response.title'));
  if (isApiError(response.error) && response.error.status === 404) return <NotFound />;
  const band = data && typeof data.band === 'object' && data.band ? data.band : null;
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
                      {text(band.label)}
                    </Badge>
                  )}
                  {typeof data.band === 'string' && data.band}
                </Group>
              </dd>
              <dt>{t('response.flags')}</dt>
              <dd>
                {data.flags.length === 0
                  ? t('response.noFlags')
                  : data.flags
                      .map((f) => (typeof f === 'string' ? t(`flags.${f}`, { defaultValue: f }) : text(f.label) || f.id))
                      .join(', ')}
              </dd>
            </dl>
          </Paper>
          <ScrollTable minWidth={420} label={t('response.itemsLabel')}>
            <Table withTableBorder striped>
              <Table.Caption>{t('response.itemsCaption')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('response.item')}</Table.Th>
                  <Table.Th scope="col">{t('response.answer')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.items.map((item) => (
                  <Table.Tr key={item.id}>
                    <Table.Th scope="row" fw={400}>
                      {text(item.text)}
                    </Table.Th>
                    <Table.Td>
                      {data.freeText[item.id] ??
                        (item.answerLabel ? text(item.answerLabel) : item.answer === null ? t('response.notAsked') : item.answer)}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollTable>
        </>
      )}
    </Stack>
  );
}
