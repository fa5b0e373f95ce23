import '@mantine/charts/styles.css';
import { LineChart } from '@mantine/charts';
import { Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ProcessDetail, Scaling, ScalingPoint } from '../../../shared/processes';
import { DataTable } from '../../app/DataTable';
import { ErrorAlert } from '../../app/forms';
import { PageLoader } from '../../app/guards';
import { useSupervisionFormat } from './hooks';
import { useProcess, useScaling } from './queries';
import { Section } from './Section';

const COLORS = ['blue.8', 'orange.8', 'teal.8', 'grape.8', 'red.8', 'indigo.8', 'lime.9', 'pink.8', 'cyan.9', 'yellow.9'];
const GROUP = 'group';

interface GoalSeries {
  key: string;
  title: string;
  points: ScalingPoint[];
}

/** Merge the series of this process and the one it continued from, goal by goal (matched by title). */
function mergeScaling(sources: (Scaling | undefined)[]): GoalSeries[] {
  const byTitle = new Map<string, GoalSeries>();
  for (const source of sources) {
    for (const goal of source?.goals ?? []) {
      const key = goal.title.trim().toLowerCase();
      const entry = byTitle.get(key) ?? { key: goal.goalId, title: goal.title, points: [] };
      const seen = new Set(entry.points.map((p) => `${p.meetingId}:${p.personId ?? GROUP}`));
      for (const point of goal.points) {
        const id = `${point.meetingId}:${point.personId ?? GROUP}`;
        if (!seen.has(id)) {
          entry.points.push(point);
          seen.add(id);
        }
      }
      byTitle.set(key, entry);
    }
  }
  return [...byTitle.values()].filter((g) => g.points.length > 0);
}

function GoalChart({ goal, names, own }: { goal: GoalSeries; names: Map<string, string>; own: boolean }) {
  const { t } = useTranslation('supervision');
  const format = useSupervisionFormat();
  const meetings = [...new Map(goal.points.map((p) => [p.meetingId, p.startsAt])).entries()].sort((a, b) => a[1].localeCompare(b[1]));
  const seriesKeys = [...new Set(goal.points.map((p) => p.personId ?? GROUP))].sort((a, b) => (a === GROUP ? -1 : b === GROUP ? 1 : 0));
  const label = (key: string, index: number) =>
    key === GROUP ? t('scaling.group') : (names.get(key) ?? (own ? t('scaling.mine') : t('scaling.personN', { n: index + 1 })));
  const data = meetings.map(([meetingId, startsAt]) => {
    const row: Record<string, string | number | null> = { meeting: format.date(startsAt) };
    for (const key of seriesKeys) {
      const point = goal.points.find((p) => p.meetingId === meetingId && (p.personId ?? GROUP) === key);
      row[key] = point ? point.value : null;
    }
    return { row, meetingId, startsAt };
  });
  const series = seriesKeys.map((key, i) => ({ name: key, label: label(key, i), color: COLORS[i % COLORS.length] ?? 'blue.8' }));
  const headingId = `scaling-goal-${goal.key}`;
  return (
    <Stack gap="xs">
      <Title order={3} size="h4" id={headingId}>
        {goal.title}
      </Title>
      <div role="img" aria-label={t('scaling.chartLabel', { goal: goal.title })}>
        <LineChart
          h={240}
          data={data.map((d) => d.row)}
          dataKey="meeting"
          series={series}
          yAxisProps={{ domain: [0, 10], ticks: [0, 2, 4, 6, 8, 10], allowDecimals: false }}
          connectNulls
          withLegend
          curveType="linear"
          legendProps={{ verticalAlign: 'bottom' }}
        />
      </div>
      <DataTable
        rows={data}
        rowKey={(d) => d.meetingId}
        label={t('scaling.tableLabel', { goal: goal.title })}
        caption={t('scaling.tableCaption', { goal: goal.title })}
        minWidth={320}
        withTableBorder
        columns={[
          {
            key: 'meeting',
            header: t('scaling.meeting'),
            primary: true,
            rowHeader: true,
            cell: (d) => <time dateTime={d.startsAt}>{d.row.meeting}</time>,
          },
          ...series.map((s) => ({ key: s.name, header: s.label, cell: (d: (typeof data)[number]) => d.row[s.name] ?? '—' })),
        ]}
      />
    </Stack>
  );
}

/** Scaling answers (0–10) per goal over the meetings, following the chain of continued processes. */
export function ScalingSection({ process, own = false }: { process: ProcessDetail; own?: boolean }) {
  const { t } = useTranslation('supervision');
  const scaling = useScaling(process.id);
  const previous = useProcess(process.continuedFromId);
  const previousScaling = useScaling(process.continuedFromId, Boolean(process.continuedFromId));
  const names = new Map<string, string>();
  for (const p of previous.data?.participants ?? []) names.set(p.personId, p.name);
  for (const p of process.participants) names.set(p.personId, p.name);
  const goals = mergeScaling([previousScaling.data, scaling.data]);
  return (
    <Section id="process-scaling" title={t('scaling.title')}>
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          {own ? t('scaling.introOwn') : process.continuedFromId ? t('scaling.introChain') : t('scaling.intro')}
        </Text>
        {scaling.isPending && <PageLoader />}
        <ErrorAlert error={scaling.error} />
        {scaling.data && goals.length === 0 && <Text>{t('scaling.empty')}</Text>}
        {goals.map((goal) => (
          <GoalChart key={goal.key} goal={goal} names={names} own={own} />
        ))}
      </Stack>
    </Section>
  );
}
