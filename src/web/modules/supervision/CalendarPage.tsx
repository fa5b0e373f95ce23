import './supervision.css';
import { Alert, Button, Group, Stack, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { ErrorAlert } from '../../app/forms';
import { PageLoader } from '../../app/guards';
import { useRoles } from '../../app/session';
import {
  addDays,
  addMonths,
  endOfMonth,
  isDate,
  startOfDayIso,
  startOfMonth,
  startOfWeek,
  timeZoneLabel,
  todayIn,
  zonedParts,
} from '../../app/time';
import { usePageTitle } from '../../app/usePageTitle';
import { CalendarFeedSection } from './CalendarFeedSection';
import { CalendarGrid, type GridView, type PendingMove } from './CalendarGrid';
import { isoWeekNumber } from './calendar-grid';
import { useSupervisionError, useSupervisionFormat } from './hooks';
import { MoveMeetingDialog } from './MoveMeetingDialog';
import { useCalendar } from './queries';

const views: GridView[] = ['day', 'week', 'month', 'list'];
const isView = (value: string | null): value is GridView => views.includes(value as GridView);

/** The first and last date a view shows around `anchor` (weeks Monday to Sunday, months in whole weeks). */
function rangeOf(view: GridView, anchor: string): { first: string; last: string } {
  if (view === 'day') return { first: anchor, last: anchor };
  if (view === 'month') return { first: startOfWeek(startOfMonth(anchor)), last: addDays(startOfWeek(endOfMonth(anchor)), 6) };
  const first = startOfWeek(anchor);
  return { first, last: addDays(first, 6) };
}

export function CalendarPage() {
  const { t } = useTranslation('supervision');
  const { t: tc } = useTranslation();
  const format = useSupervisionFormat();
  const errorText = useSupervisionError();
  const { isPractitioner } = useRoles();
  usePageTitle(t('calendar.title'));
  const [params, setParams] = useSearchParams();
  // A phone opens on the list of the week: seven narrow hour columns do not fit 390 pixels.
  const phone = useMediaQuery('(max-width: 40em)', false, { getInitialValueInEffect: false });
  const requestedView = params.get('view');
  const view: GridView = isView(requestedView) ? requestedView : phone ? 'list' : 'week';
  const today = todayIn(format.timeZone);
  const requested = params.get('date') ?? '';
  const anchor = isDate(requested) ? requested : today;
  const [move, setMove] = useState<PendingMove | null>(null);
  const [refusal, setRefusal] = useState<unknown>(null);

  const { first, last } = rangeOf(view, anchor);
  const calendar = useCalendar(startOfDayIso(first, format.timeZone), startOfDayIso(addDays(last, 1), format.timeZone));

  const go = (next: { view?: GridView; date?: string }) => {
    const search = new URLSearchParams(params);
    if (next.view) search.set('view', next.view);
    if (next.date) search.set('date', next.date);
    setParams(search, { replace: true });
  };
  const step = (direction: 1 | -1) =>
    go({
      date:
        view === 'day'
          ? addDays(anchor, direction)
          : view === 'month'
            ? addMonths(startOfMonth(anchor), direction)
            : addDays(anchor, 7 * direction),
    });
  const unit = view === 'day' ? 'Day' : view === 'month' ? 'Month' : 'Week';
  const rangeTitle =
    view === 'month'
      ? format.monthTitle(anchor)
      : view === 'day'
        ? `${format.dayHeading(anchor)} · ${t('calendar.weekLong', { week: isoWeekNumber(anchor) })}`
        : `${t('calendar.weekLong', { week: isoWeekNumber(first) })} · ${format.dateRange(first, last)}`;
  const count = (calendar.data?.items ?? []).filter(
    (item) => view !== 'month' || zonedParts(item.startsAt, format.timeZone).date.slice(0, 7) === anchor.slice(0, 7),
  ).length;
  const shaded = Boolean(calendar.data?.workingHours) || (calendar.data?.absences.length ?? 0) > 0;
  const movable = (calendar.data?.items ?? []).some((item) => item.canMove);

  return (
    <Stack gap="md">
      <Title order={1}>{t('calendar.title')}</Title>
      <Group justify="space-between" gap="sm" wrap="wrap">
        <Group gap="xs">
          <Button variant="default" onClick={() => step(-1)} aria-label={t(`calendar.previous${unit}`)}>
            {phone ? '‹' : t(`calendar.previous${unit}`)}
          </Button>
          <Button variant="default" onClick={() => go({ date: today })}>
            {t('calendar.today')}
          </Button>
          <Button variant="default" onClick={() => step(1)} aria-label={t(`calendar.next${unit}`)}>
            {phone ? '›' : t(`calendar.next${unit}`)}
          </Button>
        </Group>
        <Button.Group aria-label={t('calendar.view')}>
          {views.map((v) => (
            <Button key={v} variant={view === v ? 'filled' : 'default'} aria-pressed={view === v} onClick={() => go({ view: v })}>
              {t(`calendar.${v}`)}
            </Button>
          ))}
        </Button.Group>
      </Group>
      <div>
        <Title order={2} size="h3" aria-live="polite">
          {rangeTitle}
        </Title>
        <Text size="sm" c="dimmed">
          {calendar.data ? `${t('calendar.count', { count })} · ` : ''}
          {t('calendar.zone', { zone: timeZoneLabel(format.timeZone, format.locale) })}
        </Text>
      </div>
      <ErrorAlert error={calendar.error} />
      {refusal !== null && (
        <Alert
          color="red"
          variant="light"
          title={t('calendar.moveRefused')}
          role="alert"
          withCloseButton
          closeButtonLabel={tc('common.close')}
          onClose={() => setRefusal(null)}
        >
          {errorText(refusal)}
        </Alert>
      )}
      {calendar.isPending && <PageLoader />}
      <CalendarGrid
        view={view}
        date={anchor}
        data={calendar.data}
        onNavigate={go}
        onMove={(pending) => {
          setRefusal(null);
          setMove(pending);
        }}
      />
      {view !== 'list' && (shaded || movable) && (
        <Stack gap={2} className="calendar-legend">
          {calendar.data?.workingHours && (
            <Text size="sm">
              <span className="calendar-swatch calendar-swatch--hours" aria-hidden="true" /> {t('calendar.legendHours')}
            </Text>
          )}
          {(calendar.data?.absences.length ?? 0) > 0 && (
            <Text size="sm">
              <span className="calendar-swatch calendar-swatch--absence" aria-hidden="true" /> {t('calendar.legendAbsence')}
            </Text>
          )}
          {movable && (
            <Text size="sm" c="dimmed">
              {t('calendar.legendMove')}
            </Text>
          )}
        </Stack>
      )}
      {move && (
        <MoveMeetingDialog
          key={`${move.item.id}-${move.startsAt}`}
          move={move}
          onDone={() => setMove(null)}
          onRefused={(error) => {
            setMove(null);
            setRefusal(error);
          }}
        />
      )}
      {isPractitioner && <CalendarFeedSection />}
    </Stack>
  );
}
