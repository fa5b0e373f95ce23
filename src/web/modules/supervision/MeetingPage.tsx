import './supervision.css';
import { Alert, Anchor, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { type Meeting, schedulingRoutes } from '../../../shared/scheduling';
import { call, isApiError } from '../../app/api';
import { ErrorAlert } from '../../app/forms';
import { PageLoader } from '../../app/guards';
import { NotFound } from '../../app/NotFound';
import { notifySuccess } from '../../app/notify';
import { useRoles } from '../../app/session';
import { usePageTitle } from '../../app/usePageTitle';
import { AttendanceEditor } from './AttendanceEditor';
import { useSupervisionError, useSupervisionFormat } from './hooks';
import { MeetingStatusBadge, useEnumLabels } from './labels';
import { CancelForm, RescheduleForm } from './MeetingChangeForms';
import { NoteEditor, SummaryEditor } from './MeetingTextEditors';
import { useRefreshMeeting } from './meetingCache';
import { paths, useMeeting, useProcess } from './queries';
import { ScalingEditor } from './ScalingEditor';
import { Section } from './Section';
import { WhatWorksSection } from './WhatWorksSection';

function Facts({ meeting }: { meeting: Meeting }) {
  const { t } = useTranslation('supervision');
  const format = useSupervisionFormat();
  const labels = useEnumLabels();
  const otherZone = meeting.timeZone && meeting.timeZone !== format.timeZone;
  const local = otherZone
    ? new Intl.DateTimeFormat(format.locale, { timeZone: meeting.timeZone, timeStyle: 'short' }).format(new Date(meeting.startsAt))
    : null;
  return (
    <Paper component="section" withBorder p="md" aria-labelledby="meeting-facts">
      <Title order={2} size="h3" id="meeting-facts" mb="sm">
        {t('meeting.details')}
      </Title>
      <dl className="facts">
        <dt>{t('meeting.when')}</dt>
        <dd>
          <time dateTime={meeting.startsAt}>{format.meetingWhen(meeting.startsAt, meeting.endsAt)}</time>
          {local && (
            <Text span size="sm" c="dimmed">
              {' '}
              {t('meeting.inZone', { time: local, zone: meeting.timeZone })}
            </Text>
          )}
        </dd>
        <dt>{t('process.place')}</dt>
        <dd>
          {labels.place(meeting.place)}
          {meeting.location ? `: ${meeting.location}` : ''}
          {meeting.videoLink && (
            <>
              {' · '}
              <Anchor href={meeting.videoLink} target="_blank" rel="noopener noreferrer" underline="always">
                {t('process.videoLinkOpen')}
              </Anchor>
            </>
          )}
        </dd>
        <dt>{t('meeting.status')}</dt>
        <dd>
          <Group gap="xs">
            <MeetingStatusBadge status={meeting.status} />
            {meeting.lateCancellation && <Text size="sm">{t('meeting.lateCancellation')}</Text>}
          </Group>
        </dd>
        {meeting.cancelReason && (
          <>
            <dt>{t('meeting.cancelReason')}</dt>
            <dd>{meeting.cancelReason}</dd>
          </>
        )}
        <dt>{t('process.organisation')}</dt>
        <dd>{meeting.organisationName}</dd>
      </dl>
    </Paper>
  );
}

function HeldButton({ meeting }: { meeting: Meeting }) {
  const { t } = useTranslation('supervision');
  const errorText = useSupervisionError();
  const refresh = useRefreshMeeting(meeting);
  const held = useMutation({
    mutationFn: () => call(schedulingRoutes.held, { params: { id: meeting.id } }),
    onSuccess: (updated) => {
      notifySuccess(t('meeting.heldDone'));
      refresh(updated);
    },
  });
  return (
    <Stack gap="xs">
      <Button onClick={() => held.mutate()} loading={held.isPending} w="fit-content">
        {t('meeting.markHeld')}
      </Button>
      <Text size="xs" c="dimmed">
        {t('meeting.markHeldHint')}
      </Text>
      <ErrorAlert error={held.error} message={errorText(held.error)} />
    </Stack>
  );
}

export function MeetingPage() {
  const { t } = useTranslation('supervision');
  const { id = '' } = useParams();
  const format = useSupervisionFormat();
  const { isPractitioner, isStaff, isParticipant } = useRoles();
  const meeting = useMeeting(id);
  const [cancelledNow, setCancelledNow] = useState(false);
  const data = meeting.data;
  const process = useProcess(isPractitioner && data ? data.processId : null);
  usePageTitle(data ? t('meeting.titleOf', { title: data.processTitle }) : t('meeting.title'));

  if (isApiError(meeting.error) && meeting.error.status === 404) return <NotFound />;
  const planned = data?.status === 'planned';
  const upcoming = data ? Date.parse(data.endsAt) > Date.now() : false;
  const started = data ? Date.parse(data.startsAt) <= Date.now() : false;
  const processOpen = process.data ? !['completed', 'cancelled'].includes(process.data.status) : false;

  return (
    <Stack gap="lg">
      <Anchor component={Link} to={data ? paths.process(data.processId) : '/calendar'} size="sm">
        {data ? t('meeting.backToProcess', { title: data.processTitle }) : t('meeting.backToCalendar')}
      </Anchor>
      {meeting.isPending && <PageLoader />}
      <ErrorAlert error={meeting.error} />
      {data && (
        <>
          <div>
            <Title order={1}>{t('meeting.titleOf', { title: data.processTitle })}</Title>
            <Text c="dimmed">{format.meetingWhen(data.startsAt, data.endsAt)}</Text>
          </div>
          <Facts meeting={data} />

          {isParticipant && !isStaff && (
            <>
              <Section id="meeting-shared-summary" title={t('summary.title')}>
                <Text style={{ whiteSpace: 'pre-wrap' }}>{data.summary || t('summary.none')}</Text>
              </Section>
              {planned && upcoming && data.canCancel && (
                <CancelForm meeting={data} asParticipant onCancelled={() => setCancelledNow(true)} />
              )}
              {cancelledNow && (
                <Alert color="green" variant="light" role="status">
                  {t('cancel.doneParticipant')}
                </Alert>
              )}
              {planned && upcoming && !data.canCancel && !cancelledNow && (
                <Text size="sm" c="dimmed">
                  {t('cancel.notPossible')}
                </Text>
              )}
            </>
          )}

          {isPractitioner && planned && !started && (
            <Alert variant="light" role="note">
              {t('meeting.recordsOpen', { when: format.meetingWhen(data.startsAt, data.endsAt) })}
            </Alert>
          )}

          {isStaff && data.attendance && (
            <AttendanceEditor key={`${data.id}-${data.status}-${started}`} meeting={data} canEdit={isPractitioner && started} />
          )}

          {isPractitioner && (
            <>
              {planned && started && <HeldButton meeting={data} />}
              <NoteEditor meeting={data} />
              {/* What belongs to a held meeting waits until it has begun (the server refuses it before). */}
              {data.status !== 'cancelled' && started && <SummaryEditor key={`summary-${data.id}`} meeting={data} />}
              {process.data && data.status !== 'cancelled' && started && (
                <ScalingEditor key={`scaling-${data.id}`} meeting={data} process={process.data} />
              )}
              {process.data && <WhatWorksSection process={process.data} canEdit={processOpen} meetingId={data.id} />}
              {planned && <RescheduleForm key={`reschedule-${data.startsAt}`} meeting={data} />}
              {planned && <CancelForm meeting={data} asParticipant={false} />}
            </>
          )}
        </>
      )}
    </Stack>
  );
}
