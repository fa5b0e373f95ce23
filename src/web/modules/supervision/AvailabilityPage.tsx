import './supervision.css';
import { Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../app/forms';
import { PageLoader } from '../../app/guards';
import { usePageTitle } from '../../app/usePageTitle';
import { AbsencesSection } from './AbsencesSection';
import { CalendarFeedSection } from './CalendarFeedSection';
import { useAvailability } from './queries';
import { WeeklyHoursEditor } from './WeeklyHoursEditor';

/** A practitioner's weekly hours, absences and calendar feed: what the planner and their calendar app read. */
export function AvailabilityPage() {
  const { t } = useTranslation('supervision');
  usePageTitle(t('availability.title'));
  const availability = useAvailability();
  return (
    <Stack gap="lg">
      <Title order={1}>{t('availability.title')}</Title>
      <Text c="dimmed">{t('availability.intro')}</Text>
      {availability.isPending && <PageLoader />}
      <ErrorAlert error={availability.error} />
      {availability.data && (
        <>
          <WeeklyHoursEditor
            key={`${availability.data.timeZone}|${JSON.stringify(availability.data.weekly)}`}
            availability={availability.data}
          />
          <AbsencesSection absences={availability.data.absences} />
        </>
      )}
      <CalendarFeedSection />
    </Stack>
  );
}
