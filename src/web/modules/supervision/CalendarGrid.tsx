import type { EventContentArg, EventDropArg, LocaleInput } from '@fullcalendar/core';
import enGbLocale from '@fullcalendar/core/locales/en-gb';
import fiLocale from '@fullcalendar/core/locales/fi';
import nbLocale from '@fullcalendar/core/locales/nb';
import svLocale from '@fullcalendar/core/locales/sv';
import dayGridPlugin from '@fullcalendar/daygrid';
import interactionPlugin from '@fullcalendar/interaction';
import listPlugin from '@fullcalendar/list';
import FullCalendar from '@fullcalendar/react';
import timeGridPlugin from '@fullcalendar/timegrid';
import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import type { CalendarEntry, CalendarOut } from '../../../shared/scheduling';
import { useRoles } from '../../app/session';
import { absenceEvents, businessHours, fromGridDate, meetingEvents, toGridDate, visibleHours } from './calendar-grid';
import { entryTitle } from './calendar-label';
import { useSupervisionFormat } from './hooks';
import { useEnumLabels } from './labels';
import { paths } from './queries';

export type GridView = 'day' | 'week' | 'month' | 'list';

const fcView: Record<GridView, string> = { day: 'timeGridDay', week: 'timeGridWeek', month: 'dayGridMonth', list: 'listWeek' };
const fcLocales: Record<string, LocaleInput> = { fi: fiLocale, sv: svLocale, nb: nbLocale, en: enGbLocale };
const clock24 = { hour: '2-digit', minute: '2-digit', hour12: false } as const;

/** A meeting dropped at a new time, waiting for the practitioner to confirm (or to be put back). */
export interface PendingMove {
  item: CalendarEntry;
  startsAt: string;
  endsAt: string;
  revert: () => void;
}

/**
 * The day, week, month and list grid (FullCalendar): meetings as links to their pages, the
 * caller's working hours and absences shaded, ISO week numbers, Monday first, the 24-hour clock.
 */
export function CalendarGrid({
  view,
  date,
  data,
  onMove,
  onNavigate,
}: {
  view: GridView;
  date: string;
  data: CalendarOut | undefined;
  onMove: (move: PendingMove) => void;
  onNavigate: (next: { view: GridView; date: string }) => void;
}) {
  const { t } = useTranslation('supervision');
  const format = useSupervisionFormat();
  const labels = useEnumLabels();
  const { isParticipant } = useRoles();
  const navigate = useNavigate();
  const ref = useRef<FullCalendar>(null);
  const zone = format.timeZone;

  const meetings = useMemo(
    () =>
      meetingEvents(
        data?.items ?? [],
        zone,
        (item) => entryTitle(item.processTitle, isParticipant ? null : item.organisationName),
        (item) => paths.meeting(item.id),
      ),
    [data?.items, zone, isParticipant],
  );
  const absences = useMemo(
    () =>
      absenceEvents(data?.absences ?? [], zone, (a) =>
        a.note?.trim() ? t('calendar.absentNote', { note: a.note.trim() }) : t('calendar.absent'),
      ),
    [data?.absences, zone, t],
  );
  const events = useMemo(() => [...meetings, ...absences], [meetings, absences]);
  const hours = useMemo(() => businessHours(data?.workingHours, zone, date), [data?.workingHours, zone, date]);
  const { slotMinTime, slotMaxTime } = visibleHours(
    meetings.map((e) => ({ start: e.start as Date, end: e.end as Date })),
    hours,
  );

  // The address (view and date) leads; the grid follows it.
  useEffect(() => {
    ref.current?.getApi().changeView(fcView[view], date);
  }, [view, date]);

  const content = (arg: EventContentArg) => {
    const item = arg.event.extendedProps.item as CalendarEntry | undefined;
    if (!item) return <span className="fc-event-title">{arg.event.title}</span>;
    const status = item.status !== 'planned' ? labels.meetingStatus(item.status) : null;
    const time = arg.view.type.startsWith('list')
      ? null
      : arg.view.type.startsWith('dayGrid')
        ? format.time(item.startsAt)
        : format.timeRange(item.startsAt, item.endsAt);
    return (
      <span className="calendar-event">
        {time && <span className="calendar-event-time">{time}</span>} <span className="calendar-event-title">{arg.event.title}</span>
        {status && <span className="calendar-event-status"> · {status}</span>}
        {!arg.view.type.startsWith('dayGrid') && <span className="calendar-event-place"> · {labels.place(item.place)}</span>}
      </span>
    );
  };

  const drop = (info: EventDropArg) => {
    const item = info.event.extendedProps.item as CalendarEntry | undefined;
    if (!item || !info.event.start) {
      info.revert();
      return;
    }
    const startsAt = fromGridDate(info.event.start, zone);
    // The meeting keeps its length, as in the editor.
    const endsAt = new Date(Date.parse(startsAt) + (Date.parse(item.endsAt) - Date.parse(item.startsAt))).toISOString();
    onMove({ item, startsAt, endsAt, revert: info.revert });
  };

  return (
    <div className="calendar-grid" data-view={view}>
      <FullCalendar
        ref={ref}
        plugins={[timeGridPlugin, dayGridPlugin, listPlugin, interactionPlugin]}
        initialView={fcView[view]}
        initialDate={date}
        // Zone-shifted: see calendar-grid.ts.
        timeZone="UTC"
        now={() => toGridDate(new Date().toISOString(), zone)}
        locale={fcLocales[format.locale.slice(0, 2)] ?? enGbLocale}
        firstDay={1}
        headerToolbar={false}
        height="auto"
        allDaySlot={false}
        fixedWeekCount={false}
        weekNumbers
        weekNumberCalculation="ISO"
        weekNumberContent={(arg) => t('calendar.weekNumber', { week: arg.num })}
        weekNumberDidMount={(arg) => {
          arg.el.setAttribute('title', t('calendar.weekLong', { week: arg.num }));
          // In the hour grid the week number sits in a header cell FullCalendar hides from screen
          // readers; its link must not take keyboard focus there (the page heading names the week).
          if (arg.el.closest('[aria-hidden="true"]')) {
            for (const link of [arg.el, ...arg.el.querySelectorAll('a')]) if (link instanceof HTMLAnchorElement) link.tabIndex = -1;
          }
        }}
        navLinks
        navLinkDayClick={(day) => onNavigate({ view: 'day', date: day.toISOString().slice(0, 10) })}
        navLinkWeekClick={(monday) => onNavigate({ view: 'week', date: monday.toISOString().slice(0, 10) })}
        slotMinTime={slotMinTime}
        slotMaxTime={slotMaxTime}
        slotDuration="00:30:00"
        snapDuration="00:15:00"
        slotLabelFormat={clock24}
        eventTimeFormat={clock24}
        defaultRangeSeparator="–"
        dayHeaderFormat={
          view === 'month'
            ? { weekday: 'short' }
            : view === 'day'
              ? { weekday: 'long', day: 'numeric', month: 'long' }
              : { weekday: 'short', day: 'numeric', month: 'numeric', omitCommas: true }
        }
        listDayFormat={{ weekday: 'long', day: 'numeric', month: 'long' }}
        listDaySideFormat={false}
        dayMaxEvents={4}
        nowIndicator
        businessHours={hours}
        events={events}
        editable={false}
        eventDurationEditable={false}
        eventContent={content}
        // The whole text on hover, where a short meeting's box cuts it.
        eventDidMount={(arg) => arg.el.setAttribute('title', arg.el.textContent?.trim() ?? '')}
        eventDrop={drop}
        eventClick={(info) => {
          const item = info.event.extendedProps.item as CalendarEntry | undefined;
          if (!item) return;
          // A link for the keyboard and the browser; the app's router for the click.
          info.jsEvent.preventDefault();
          navigate(paths.meeting(item.id));
        }}
        noEventsContent={t(view === 'month' ? 'calendar.emptyMonth' : 'calendar.emptyWeek')}
      />
    </div>
  );
}
