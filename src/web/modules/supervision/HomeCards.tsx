import './supervision.css';
import { Anchor, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { isOpen } from '../../../shared/processes';
import type { CalendarItem } from '../../../shared/scheduling';
import { ErrorAlert } from '../../app/forms';
import { useRoles } from '../../app/session';
import { addDays, startOfDayIso, todayIn, zonedParts } from '../../app/time';
import { useSupervisionFormat } from './hooks';
import { StatusBadge } from './labels';
import { paths, useCalendar, useProcesses } from './queries';

function Card({ id, title, link, children }: { id: string; title: string; link: string; children: React.ReactNode }) {
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={id}>
      <Stack gap={6}>
        <Title order={3} size="h5" id={id}>
          <Anchor component={Link} to={link} inherit>
            {title}
          </Anchor>
        </Title>
        {children}
      </Stack>
    </Paper>
  );
}

function MeetingList({ items, empty }: { items: CalendarItem[]; empty: string }) {
  const format = useSupervisionFormat();
  if (items.length === 0) return <Text size="sm">{empty}</Text>;
  return (
    <ul className="plain-list">
      {items.slice(0, 5).map((m) => (
        <li key={m.id}>
          <Anchor component={Link} to={paths.meeting(m.id)} size="sm">
            <time dateTime={m.startsAt}>{format.meetingWhen(m.startsAt, m.endsAt)}</time> · {m.processTitle}
          </Anchor>
        </li>
      ))}
    </ul>
  );
}

function PractitionerCards() {
  const { t } = useTranslation('supervision');
  const format = useSupervisionFormat();
  const today = todayIn(format.timeZone);
  const now = new Date().toISOString();
  const calendar = useCalendar(startOfDayIso(today, format.timeZone), startOfDayIso(addDays(today, 7), format.timeZone));
  const processes = useProcesses({ status: 'active' });
  const upcoming = (calendar.data?.items ?? [])
    .filter((m) => m.status === 'planned' && m.endsAt >= now)
    .sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  const todays = upcoming.filter((m) => zonedParts(m.startsAt, format.timeZone).date === today);
  const week = upcoming.filter((m) => zonedParts(m.startsAt, format.timeZone).date !== today);
  const unplanned = (processes.data?.items ?? []).filter((p) => !p.nextMeetingAt);
  return (
    <>
      <ErrorAlert error={calendar.error ?? processes.error} />
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <Card id="home-today" title={t('home.today', { count: todays.length })} link="/calendar">
          <MeetingList items={todays} empty={t('home.noMeetingsToday')} />
        </Card>
        <Card id="home-week" title={t('home.thisWeek', { count: week.length })} link="/calendar">
          <MeetingList items={week} empty={t('home.noMeetingsWeek')} />
        </Card>
        <Card id="home-unplanned" title={t('home.unplanned', { count: unplanned.length })} link="/processes?status=active">
          {unplanned.length === 0 ? (
            <Text size="sm">{t('home.allPlanned')}</Text>
          ) : (
            <ul className="plain-list">
              {unplanned.slice(0, 5).map((p) => (
                <li key={p.id}>
                  <Anchor component={Link} to={paths.process(p.id)} size="sm">
                    {p.title}
                  </Anchor>{' '}
                  <Text span size="xs" c="dimmed">
                    {p.organisationName}
                  </Text>
                </li>
              ))}
            </ul>
          )}
        </Card>
      </SimpleGrid>
    </>
  );
}

function ParticipantCard() {
  const { t } = useTranslation('supervision');
  const format = useSupervisionFormat();
  const today = todayIn(format.timeZone);
  const now = new Date().toISOString();
  const calendar = useCalendar(startOfDayIso(today, format.timeZone), startOfDayIso(addDays(today, 60), format.timeZone));
  const next = (calendar.data?.items ?? [])
    .filter((m) => m.status === 'planned' && m.endsAt >= now)
    .sort((a, b) => a.startsAt.localeCompare(b.startsAt))[0];
  return (
    <>
      <ErrorAlert error={calendar.error} />
      <Card id="home-next" title={t('home.myNext')} link="/calendar">
        {next ? (
          <Anchor component={Link} to={paths.meeting(next.id)}>
            <time dateTime={next.startsAt}>{format.meetingWhen(next.startsAt, next.endsAt)}</time> · {next.processTitle}
          </Anchor>
        ) : (
          <Text size="sm">{calendar.isPending ? t('common.loading') : t('home.noNext')}</Text>
        )}
      </Card>
    </>
  );
}

function ClientCard() {
  const { t } = useTranslation('supervision');
  const format = useSupervisionFormat();
  const processes = useProcesses();
  const open = (processes.data?.items ?? []).filter((p) => isOpen(p.status));
  return (
    <>
      <ErrorAlert error={processes.error} />
      <Card id="home-ours" title={t('home.ourProcesses', { count: open.length })} link="/processes">
        {open.length === 0 ? (
          <Text size="sm">{processes.isPending ? t('common.loading') : t('home.noProcesses')}</Text>
        ) : (
          <ul className="plain-list">
            {open.slice(0, 5).map((p) => (
              <li key={p.id}>
                <Anchor component={Link} to={paths.process(p.id)} size="sm">
                  {p.title}
                </Anchor>{' '}
                <StatusBadge status={p.status} />
                {p.nextMeetingAt && (
                  <Text size="xs" c="dimmed">
                    {t('home.nextAt', { at: format.dateTime(p.nextMeetingAt) })}
                  </Text>
                )}
              </li>
            ))}
          </ul>
        )}
      </Card>
    </>
  );
}

/** Supervision cards on the home page, by role. */
export function SupervisionHomeCards() {
  const { t } = useTranslation('supervision');
  const { isPractitioner, isParticipant, isClientContact } = useRoles();
  if (!isPractitioner && !isParticipant && !isClientContact) return null;
  return (
    <section aria-labelledby="home-supervision">
      <Title order={2} size="h3" id="home-supervision" mb="sm">
        {t('home.title')}
      </Title>
      <Stack gap="sm">
        {isPractitioner && <PractitionerCards />}
        {isParticipant && <ParticipantCard />}
        {isClientContact && <ClientCard />}
      </Stack>
    </section>
  );
}
