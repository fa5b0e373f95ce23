import './measures.css';
import { Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ProcessDetail } from '../../../shared/processes';
import { ErrorAlert } from '../../app/forms';
import { PageLoader } from '../../app/guards';
import { useRoles } from '../../app/session';
import { Section } from '../supervision/Section';
import { AggregateView } from './AggregateView';
import { CheckinTable } from './FollowUpCheckins';
import { PlansBlock } from './FollowUpPlans';
import { SendNow } from './FollowUpSend';
import { useMeasuresError } from './hooks';
import { useCheckins } from './queries';

const OPEN = ['proposed', 'agreed', 'active', 'paused'];

function PractitionerFollowUp({ process, canChange }: { process: ProcessDetail; canChange: boolean }) {
  const checkins = useCheckins(process.id);
  const errorText = useMeasuresError();
  if (checkins.isPending) return <PageLoader />;
  if (checkins.error) return <ErrorAlert error={checkins.error} message={errorText(checkins.error)} />;
  const data = checkins.data;
  return (
    <Stack gap="lg">
      {canChange && <PlansBlock process={process} plans={data.plans} protocolApplied={data.protocolApplied} />}
      {canChange && <SendNow process={process} />}
      <CheckinTable process={process} checkins={data.checkins} />
    </Stack>
  );
}

/**
 * "Follow-up" on the process page. The process's practitioners plan and send check-ins and see
 * each one; the client contact and the provider admin see aggregates only.
 */
export function FollowUpSection({ process }: { process: ProcessDetail }) {
  const { t } = useTranslation('measures');
  const { session, isPractitioner, isAdmin, isClientContact } = useRoles();
  const mine = Boolean(session && process.practitioners.some((p) => p.userId === session.user.id));
  const practitioner = isPractitioner && mine;
  const aggregates = isAdmin || isClientContact;
  if (!practitioner && !aggregates) return null;
  return (
    <Section id="process-follow-up" title={t('followUp.title')}>
      <Stack gap="lg" data-testid="process-follow-up">
        {practitioner && <PractitionerFollowUp process={process} canChange={OPEN.includes(process.status)} />}
        {aggregates && (
          <Stack gap="xs">
            <Title order={3} size="h4">
              {t('aggregates.title')}
            </Title>
            <AggregateView processId={process.id} headingLevel={4} />
          </Stack>
        )}
      </Stack>
    </Section>
  );
}
