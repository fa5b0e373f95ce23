import './supervision.css';
import { Anchor, Button, Group, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import type { CalendarItem } from '../../../shared/scheduling';
import { ErrorAlert } from '../../app/forms';
import { PageLoader } from '../../app/guards';
import { useRoles } from '../../app/session';
import {
  addDays,
  addMonths,
  datesBetween,
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
import { entryTitle } from './calendar-label';
import { useSupervisionFormat } from './hooks';
import { useEnumLabels } from './labels';
import { paths, useCalendar } from './queries';

type View = 'week' | 'month';

function Item({ item }: { item: CalendarItem }) {
  const { t } = useTranslation('supervision');
  const format = useSupervisionFormat();
  const labels = useEnumLabels();
  const { isParticipant } = useRoles();
  return (
    <li>
      <Anchor component={Link} to={paths.meeting(item.id)} className="calendar-item" data-status={item.status} underline="hover">
        <strong>{format.timeRange(item.startsAt, item.endsAt)}</strong>{' '}
        {entryTitle(item.processTitle, isParticipant ? null : item.organisationName)}
        <Text span size="xs" display="block" c="dimmed">
          {labels.place(item.place)}
          {item.status !== 'planned' ? ` · ${labels.meetingStatus(item.status)}` : ''}
          {item.participantCount > 0 && !isParticipant ? ` · ${t('calendar.participants', { count: item.participantCount })}` : ''}
        </Text>
      </Anchor>
    </li>
  );
}

function Day({
  date,
  items,
  today,
  outside,
  compact,
}: {
  date: string;
  items: CalendarItem[];
  today: boolean;
  outside?: boolean;
  compact?: boolean;
}) {
  const { t } = useTranslation('supervision');
  const format = useSupervisionFormat();
  const headingId = `day-${date}`;
  return (
    <li className="calendar-day" data-today={today} data-outside={outside ?? false} data-filler={Boolean(compact) && items.length === 0}>
      <section aria-labelledby={headingId}>
        <Title order={3} size="h6" id={headingId}>
          {compact ? (
            <>
              <span aria-hidden="true" className="day-number">
                {format.dayNumber(date)}
              </span>
              <span className="day-full">{format.dayHeading(date)}</span>
            </>
          ) : (
            format.dayHeading(date)
          )}
          {today && <VisuallyHidden>{` (${t('calendar.today')})`}</VisuallyHidden>}
        </Title>
        {items.length > 0 ? (
          <ul className="plain-list">
            {items.map((item) => (
              <Item key={item.id} item={item} />
            ))}
          </ul>
        ) : (
          !compact && (
            <Text size="xs" c="dimmed">
              {t('calendar.noMeetings')}
            </Text>
          )
        )}
      </section>
    </li>
  );
}

export function CalendarPage() {
  const { t } = useTranslation('supervision');
  const format = useSupervisionFormat();
  usePageTitle(t('calendar.title'));
  const [params, setParams] = useSearchParams();
  const view: View = params.get('view') === 'month' ? 'month' : 'week';
  const today = todayIn(format.timeZone);
  const requested = params.get('date') ?? '';
  const anchor = isDate(requested) ? requested : today;

  const first = view === 'week' ? startOfWeek(anchor) : startOfWeek(startOfMonth(anchor));
  const last = view === 'week' ? addDays(first, 6) : addDays(startOfWeek(endOfMonth(anchor)), 6);
  const calendar = useCalendar(startOfDayIso(first, format.timeZone), startOfDayIso(addDays(last, 1), format.timeZone));

  const byDay = new Map<string, CalendarItem[]>();
  for (const item of [...(calendar.data?.items ?? [])].sort((a, b) => a.startsAt.localeCompare(b.startsAt))) {
    const day = zonedParts(item.startsAt, format.timeZone).date;
    byDay.set(day, [...(byDay.get(day) ?? []), item]);
  }
  const days = datesBetween(first, last);
  const go = (next: { view?: View; date?: string }) => {
    const search = new URLSearchParams(params);
    if (next.view) search.set('view', next.view);
    if (next.date) search.set('date', next.date);
    setParams(search, { replace: true });
  };
  const step = (direction: 1 | -1) =>
    go({ date: view === 'week' ? addDays(anchor, 7 * direction) : addMonths(startOfMonth(anchor), direction) });
  const rangeTitle = view === 'week' ? format.dateRange(first, last) : format.monthTitle(anchor);
  const count = (calendar.data?.items ?? []).filter(
    (item) => view === 'week' || zonedParts(item.startsAt, format.timeZone).date.slice(0, 7) === anchor.slice(0, 7),
  ).length;

  return (
    <Stack gap="md">
      <Title order={1}>{t('calendar.title')}</Title>
      <Group justify="space-between" gap="sm" wrap="wrap">
        <Group gap="xs">
          <Button variant="default" onClick={() => step(-1)}>
            {view === 'week' ? t('calendar.previousWeek') : t('calendar.previousMonth')}
          </Button>
          <Button variant="default" onClick={() => go({ date: today })}>
            {t('calendar.today')}
          </Button>
          <Button variant="default" onClick={() => step(1)}>
            {view === 'week' ? t('calendar.nextWeek') : t('calendar.nextMonth')}
          </Button>
        </Group>
        <Button.Group aria-label={t('calendar.view')}>
          {(['week', 'month'] as const).map((v) => (
            <Button key={v} variant={view === v ? 'filled' : 'default'} aria-pressed={view === v} onClick={() => go({ view: v })}>
              {v === 'week' ? t('calendar.week') : t('calendar.month')}
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
      {calendar.data && count === 0 && <Text>{view === 'week' ? t('calendar.emptyWeek') : t('calendar.emptyMonth')}</Text>}
      {calendar.isPending && <PageLoader />}
      {view === 'week' ? (
        <ol className="calendar-week" aria-label={rangeTitle}>
          {days.map((day) => (
            <Day key={day} date={day} items={byDay.get(day) ?? []} today={day === today} />
          ))}
        </ol>
      ) : (
        <div>
          <div className="calendar-weekdays" aria-hidden="true">
            {days.slice(0, 7).map((day) => (
              <div key={day}>{format.weekdayShort(day)}</div>
            ))}
          </div>
          <ol className="calendar-month" aria-label={rangeTitle}>
            {days.map((day) => (
              <Day
                key={day}
                date={day}
                items={byDay.get(day) ?? []}
                today={day === today}
                outside={day.slice(0, 7) !== anchor.slice(0, 7)}
                compact
              />
            ))}
          </ol>
        </div>
      )}
    </Stack>
  );
}
