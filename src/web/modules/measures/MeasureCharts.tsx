import './measures.css';
import { Anchor, Badge, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { CartesianGrid, Line, LineChart, ReferenceArea, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { Series, Severity } from '../../../shared/measures';
import { DataTable } from '../../app/DataTable';
import { useFormat } from '../../app/format-hooks';
import { whole } from './alert-view';
import { useLocalText } from './hooks';
import { bandAreas, severityColor } from './logic';
import { paths } from './queries';

/** Light fills for the band areas behind the line (the line and text stay well above them in contrast). */
const FILLS: Record<Severity, string> = {
  none: '#d3f9d8',
  mild: '#fff3bf',
  moderate: '#ffe8cc',
  severe: '#ffe3e3',
};

/** One instrument's scores over time, with its bands shaded, a legend and the same data as a table. */
export function SeriesChart({ series, linkResponses = false }: { series: Series; linkResponses?: boolean }) {
  const { t } = useTranslation('measures');
  const format = useFormat();
  const text = useLocalText();
  const name = text(series.name);
  const points = [...series.points].sort((a, b) => a.at.localeCompare(b.at));
  const data = points.map((p) => ({ at: new Date(p.at).getTime(), score: p.score }));
  const areas = bandAreas(series.bands, series.min, series.max);
  const bandLabel = (id: string | null) => {
    const band = series.bands.find((b) => b.id === id);
    return band ? text(band.label) : '—';
  };
  const headingId = `series-${series.instrumentKey}`;
  const dateTick = (value: number) => format.date(new Date(value).toISOString());
  return (
    <Stack gap="xs" component="section" aria-labelledby={headingId} data-testid={`series-${series.instrumentKey}`}>
      <Title order={3} size="h4" id={headingId}>
        {name}
      </Title>
      <Text size="sm">
        {series.higherIsBetter ? t('chart.higherBetter') : t('chart.lowerBetter')} {t('chart.range', { min: series.min, max: series.max })}
      </Text>
      <div className="measure-chart-wrap" role="img" aria-label={t('chart.label', { name, count: points.length })}>
        <ResponsiveContainer width="100%" height="100%">
          <LineChart data={data} margin={{ top: 10, right: 16, bottom: 4, left: 0 }}>
            {areas.map((a) => (
              <ReferenceArea key={a.id} y1={a.y1} y2={a.y2} fill={FILLS[a.severity] ?? '#f1f3f5'} fillOpacity={1} ifOverflow="hidden" />
            ))}
            <CartesianGrid strokeDasharray="3 3" stroke="#adb5bd" />
            <XAxis
              dataKey="at"
              type="number"
              scale="time"
              domain={data.length > 1 ? ['dataMin', 'dataMax'] : ['dataMin - 86400000', 'dataMax + 86400000']}
              tickFormatter={dateTick}
              tick={{ fill: '#212529', fontSize: 12 }}
            />
            <YAxis domain={[series.min, series.max]} allowDecimals={false} tick={{ fill: '#212529', fontSize: 12 }} width={36} />
            <Tooltip labelFormatter={(value) => dateTick(Number(value))} formatter={(value) => [value, t('chart.score')]} />
            <Line type="linear" dataKey="score" stroke="#1864ab" strokeWidth={2} dot={{ r: 4 }} isAnimationActive={false} />
          </LineChart>
        </ResponsiveContainer>
      </div>
      <Group gap="md" aria-label={t('chart.bands')} role="list">
        {[...series.bands]
          .sort((a, b) => a.min - b.min)
          .map((b) => (
            <Text size="sm" key={b.id} role="listitem">
              <span className="band-swatch" style={{ background: FILLS[b.severity] }} aria-hidden="true" />
              {text(b.label)} ({b.min}–{b.max})
            </Text>
          ))}
      </Group>
      <DataTable
        rows={points}
        rowKey={(p) => p.responseId}
        label={t('chart.tableLabel', { name })}
        caption={t('chart.tableCaption', { name })}
        minWidth={360}
        withTableBorder
        columns={[
          {
            key: 'date',
            header: t('chart.date'),
            primary: true,
            rowHeader: true,
            cell: (p) =>
              linkResponses ? (
                <Anchor component={Link} to={paths.response(p.responseId)} size="sm">
                  <time dateTime={p.at}>{format.dateTime(p.at)}</time>
                </Anchor>
              ) : (
                <time dateTime={p.at}>{format.dateTime(p.at)}</time>
              ),
          },
          { key: 'score', header: t('chart.score'), cell: (p) => p.score },
          {
            key: 'band',
            header: t('chart.band'),
            cell: (p) => (
              <Badge variant="light" color={severityColor(series.bands.find((b) => b.id === p.bandId)?.severity)} tt="none" styles={whole}>
                {bandLabel(p.bandId)}
              </Badge>
            ),
          },
        ]}
      />
    </Stack>
  );
}
