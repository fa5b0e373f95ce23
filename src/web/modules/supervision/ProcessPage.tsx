import './supervision.css';
import { Anchor, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { isCrisis, isOpen, type ProcessDetail } from '../../../shared/processes';
import { isApiError } from '../../app/api';
import { ErrorAlert } from '../../app/forms';
import { PageLoader } from '../../app/guards';
import { NotFound } from '../../app/NotFound';
import { useServiceName } from '../../app/service-name';
import { useRoles } from '../../app/session';
import { usePageTitle } from '../../app/usePageTitle';
import { FollowUpSection } from '../measures/FollowUpSection';
import { ContinuePanel } from './ContinuePanel';
import { GoalsSection } from './GoalsSection';
import { useSupervisionFormat } from './hooks';
import { StatusBadge, useEnumLabels } from './labels';
import { PlannerPanel } from './PlannerPanel';
import { HistorySection, MeetingsSection, StatusActions } from './ProcessSections';
import { paths, useProcess } from './queries';
import { WhatWorksSection } from './WhatWorksSection';

// The chart library is large: load it only when a process page shows the scaling graph.
const ScalingSection = lazy(() => import('./ScalingSection').then((m) => ({ default: m.ScalingSection })));

function SummaryCard({ process, showPrice }: { process: ProcessDetail; showPrice: boolean }) {
  const { t } = useTranslation('supervision');
  const serviceName = useServiceName();
  const labels = useEnumLabels();
  const format = useSupervisionFormat();
  const none = '—';
  return (
    <Paper component="section" withBorder p="md" aria-labelledby="process-summary">
      <Title order={2} size="h3" id="process-summary" mb="sm">
        {t('process.summary')}
      </Title>
      <dl className="facts">
        <dt>{t('process.status')}</dt>
        <dd>
          <StatusBadge status={process.status} />
        </dd>
        <dt>{t('process.service')}</dt>
        <dd>
          {serviceName(process.serviceNames)} ({labels.kind(process.kind)})
        </dd>
        <dt>{t('process.organisation')}</dt>
        <dd>{process.organisationName}</dd>
        <dt>{t('process.cadence')}</dt>
        <dd>
          {labels.cadence(process.cadence)}, {t('process.minutes', { count: process.sessionMinutes })}
        </dd>
        <dt>{t('process.place')}</dt>
        <dd>
          {labels.place(process.place)}
          {process.location ? `: ${process.location}` : ''}
          {process.videoLink && (
            <>
              {' · '}
              <Anchor href={process.videoLink} target="_blank" rel="noopener noreferrer" underline="always">
                {t('process.videoLinkOpen')}
              </Anchor>
            </>
          )}
        </dd>
        {showPrice && (
          <>
            <dt>{t('process.price')}</dt>
            <dd>{t('process.pricePerSession', { price: format.money(process.priceCents, process.currency) })}</dd>
          </>
        )}
        <dt>{t('process.agreedSessions')}</dt>
        <dd>{process.agreedSessions ?? none}</dd>
        <dt>{t('process.startDate')}</dt>
        <dd>{process.startDate ? format.calendarDate(process.startDate) : none}</dd>
        <dt>{t('process.reviewDate')}</dt>
        <dd>{process.reviewDate ? format.calendarDate(process.reviewDate) : none}</dd>
        {process.crisisEventAt && (
          <>
            <dt>{t('process.crisisEventAt')}</dt>
            <dd>{format.dateTime(process.crisisEventAt)}</dd>
          </>
        )}
        <dt>{t('process.language')}</dt>
        <dd>{labels.language(process.language)}</dd>
        <dt>{t('process.practitioners')}</dt>
        <dd>{process.practitioners.map((p) => p.name).join(', ') || none}</dd>
        {process.participantCount !== null && (
          <>
            <dt>{t('process.participants')}</dt>
            <dd>
              {process.participants.length === 0 ? (
                none
              ) : (
                <ul className="plain-list">
                  {process.participants.map((p) => (
                    <li key={p.personId}>
                      {p.name}
                      {p.email ? ` (${p.email})` : ''}
                    </li>
                  ))}
                </ul>
              )}
            </dd>
          </>
        )}
      </dl>
    </Paper>
  );
}

export function ProcessPage() {
  const { t } = useTranslation('supervision');
  const serviceName = useServiceName();
  const { id = '' } = useParams();
  const { session, isStaff, isPractitioner, isParticipant, isClientContact } = useRoles();
  const process = useProcess(id);
  usePageTitle(process.data?.title ?? t('process.title'));

  if (isApiError(process.error) && process.error.status === 404) return <NotFound />;
  const data = process.data;
  const open = data ? isOpen(data.status) : false;
  const mine = Boolean(data && session && data.practitioners.some((p) => p.userId === session.user.id));
  // Goals, what works, planning and continuing belong to the practitioners of the process.
  const canWork = Boolean(isPractitioner && mine && open);
  const canPlan = canWork && data?.status !== 'proposed';

  return (
    <Stack gap="lg">
      <Anchor component={Link} to="/processes" size="sm">
        {t('processes.back')}
      </Anchor>
      {process.isPending && <PageLoader />}
      <ErrorAlert error={process.error} />
      {data && (
        <>
          <Stack gap={6}>
            <Group gap="sm" align="center">
              <Title order={1}>{data.title}</Title>
              <StatusBadge status={data.status} />
            </Group>
            <Text c="dimmed">
              {data.organisationName} · {serviceName(data.serviceNames)}
            </Text>
            {data.continuedFromId && (
              <Text size="sm">
                {t('process.continuedFrom')}{' '}
                <Anchor component={Link} to={paths.process(data.continuedFromId)} underline="always">
                  {t('process.previousProcess')}
                </Anchor>
              </Text>
            )}
            {data.continuedAsId && (
              <Text size="sm">
                {t('process.continuedAs')}{' '}
                <Anchor component={Link} to={paths.process(data.continuedAsId)} underline="always">
                  {t('process.nextProcess')}
                </Anchor>
              </Text>
            )}
            {!isParticipant && (
              <Group gap="sm" mt={4}>
                <Button component={Link} to={paths.agreement(data.id)} variant="default" size="sm">
                  {t('process.agreementLink')}
                </Button>
              </Group>
            )}
          </Stack>
          <SummaryCard process={data} showPrice={isStaff || isClientContact} />
          {isStaff && <StatusActions process={data} />}
          {canPlan && <PlannerPanel process={data} />}
          <MeetingsSection process={data} />
          <GoalsSection process={data} canEdit={canWork} />
          <WhatWorksSection process={data} canEdit={canWork} />
          {(isPractitioner || isParticipant) && !isClientContact && (
            <Suspense fallback={<PageLoader />}>
              <ScalingSection process={data} own={isParticipant && !isStaff} />
            </Suspense>
          )}
          <FollowUpSection process={data} />
          {canWork && isCrisis(data) && !data.continuedAsId && <ContinuePanel process={data} />}
          <HistorySection process={data} />
        </>
      )}
    </Stack>
  );
}
