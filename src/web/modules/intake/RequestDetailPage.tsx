import { Alert, Anchor, Button, Group, Paper, SimpleGrid, Stack, Text, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { type IntakeRequest, intakeApi, type TriageResult } from '../../../shared/intake';
import { call, isApiError } from '../../app/api';
import { useFormat } from '../../app/format-hooks';
import { applyFieldErrors, ErrorAlert } from '../../app/forms';
import { PageLoader } from '../../app/guards';
import { NotFound } from '../../app/NotFound';
import { notifySuccess } from '../../app/notify';
import { usePageTitle } from '../../app/usePageTitle';
import { REQUESTS_KEY, useDuration, useIntakeLabels, useNow } from './hooks';
import { requestSubject } from './QueuePage';
import { KindBadge, StatusBadge } from './StatusBadge';
import { FORM_CONTRAST } from './styles';
import { TriageForm, TriageResultAlert } from './TriageForm';
import { isoDuration } from './time';
import { isOpen, minutesToFirstContact, WaitingClock } from './WaitingClock';

function Detail({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div>
      <Text component="dt" size="sm" fw={700}>
        {term}
      </Text>
      <Text component="dd" m={0}>
        {children}
      </Text>
    </div>
  );
}

function requestKey(id: string) {
  return [...REQUESTS_KEY, 'detail', id];
}

function FirstContact({ request }: { request: IntakeRequest }) {
  const { t } = useTranslation('intake');
  const format = useFormat();
  const duration = useDuration();
  const queryClient = useQueryClient();
  const form = useForm({ mode: 'controlled', initialValues: { note: '' } });
  const record = useMutation({
    mutationFn: (values: { note: string }) =>
      call(intakeApi.firstContact, {
        params: { id: request.id },
        body: values.note.trim() ? { note: values.note.trim() } : {},
      }),
    onSuccess: (updated) => {
      queryClient.setQueryData(requestKey(request.id), updated);
      notifySuccess(t('detail.firstContactRecorded'));
      void queryClient.invalidateQueries({ queryKey: REQUESTS_KEY });
    },
    onError: (error) => {
      applyFieldErrors(form, error);
      if (isApiError(error) && error.status === 409) void queryClient.invalidateQueries({ queryKey: REQUESTS_KEY });
    },
  });
  const took = minutesToFirstContact(request);

  return (
    <section aria-labelledby="first-contact-title">
      <Paper withBorder p="md">
        <Title order={2} size="h3" id="first-contact-title" mb="sm">
          {t('detail.firstContactTitle')}
        </Title>
        {request.firstContactAt ? (
          <Stack gap="xs" data-testid="first-contact">
            <Text>
              {t('detail.firstContactAt', { time: format.dateTime(request.firstContactAt) })}
              {took !== null && (
                <>
                  {' '}
                  {t('detail.firstContactAfter')} <time dateTime={isoDuration(took)}>{duration(took)}</time>
                </>
              )}
            </Text>
            {request.firstContactNote && (
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {t('detail.note')}: {request.firstContactNote}
              </Text>
            )}
          </Stack>
        ) : isOpen(request) ? (
          <form onSubmit={form.onSubmit((values) => record.mutate(values))} noValidate style={FORM_CONTRAST}>
            <Stack gap="sm">
              <Text size="sm">{t('detail.firstContactHelp')}</Text>
              <ErrorAlert error={record.error} form={form} />
              <Textarea
                label={t('detail.firstContactNote')}
                description={t('form.optional')}
                autosize
                minRows={2}
                {...form.getInputProps('note')}
              />
              <Button type="submit" loading={record.isPending} w="fit-content">
                {t('detail.recordFirstContact')}
              </Button>
            </Stack>
          </form>
        ) : (
          <Text>{t('detail.noFirstContact')}</Text>
        )}
      </Paper>
    </section>
  );
}

function Decline({ request }: { request: IntakeRequest }) {
  const { t } = useTranslation('intake');
  const { t: tCommon } = useTranslation();
  const queryClient = useQueryClient();
  const form = useForm({
    mode: 'controlled',
    initialValues: { reason: '' },
    validate: { reason: (v) => (v.trim() ? null : tCommon('validation.required')) },
  });
  const decline = useMutation({
    mutationFn: (values: { reason: string }) =>
      call(intakeApi.decline, { params: { id: request.id }, body: { reason: values.reason.trim() } }),
    onSuccess: (updated) => {
      queryClient.setQueryData(requestKey(request.id), updated);
      notifySuccess(t('detail.declined'));
      void queryClient.invalidateQueries({ queryKey: REQUESTS_KEY });
    },
    onError: (error) => applyFieldErrors(form, error),
  });
  return (
    <section aria-labelledby="decline-title">
      <Paper withBorder p="md">
        <Title order={2} size="h3" id="decline-title" mb="sm">
          {t('detail.declineTitle')}
        </Title>
        <form onSubmit={form.onSubmit((values) => decline.mutate(values))} noValidate style={FORM_CONTRAST}>
          <Stack gap="sm">
            <ErrorAlert error={decline.error} form={form} />
            <Textarea
              label={t('detail.declineReason')}
              description={t('detail.declineReasonHelp')}
              required
              withAsterisk={false}
              autosize
              minRows={3}
              {...form.getInputProps('reason')}
            />
            <Button type="submit" color="red" variant="outline" loading={decline.isPending} w="fit-content">
              {t('detail.decline')}
            </Button>
          </Stack>
        </form>
      </Paper>
    </section>
  );
}

/** `/intake/:id`: one request with everything the requester told, first contact, triage and decline. */
export function RequestDetailPage() {
  const { t } = useTranslation('intake');
  const { id = '' } = useParams();
  const format = useFormat();
  const labels = useIntakeLabels();
  const now = useNow(15_000);
  const request = useQuery({
    queryKey: requestKey(id),
    queryFn: () => call(intakeApi.get, { params: { id } }),
    refetchInterval: 30_000,
  });
  const r = request.data;
  const [triaged, setTriaged] = useState<TriageResult | null>(null);
  usePageTitle(r ? t('detail.title', { organisation: r.organisationName }) : t('queue.title'));

  if (isApiError(request.error) && request.error.status === 404) return <NotFound />;

  return (
    <Stack gap="lg">
      <Anchor component={Link} to="/intake" size="sm">
        {t('detail.back')}
      </Anchor>
      {request.isPending && <PageLoader />}
      <ErrorAlert error={request.error} />
      {r && (
        <>
          <Stack gap="xs">
            <Title order={1}>{t('detail.title', { organisation: r.organisationName })}</Title>
            <Group gap="xs">
              <KindBadge kind={r.kind} />
              <StatusBadge status={r.status} />
              <Text size="sm">{requestSubject(r, labels, t('fields.serviceUnspecified'))}</Text>
            </Group>
            <WaitingClock request={r} now={now} />
          </Stack>

          {r.processId && !triaged && (
            <Alert color="green" variant="light" title={t('detail.triagedTitle')}>
              <Button component={Link} to={`/processes/${encodeURIComponent(r.processId)}`} size="sm">
                {t('detail.openProcess')}
              </Button>
            </Alert>
          )}
          {r.status === 'declined' && (
            <Alert color="gray" variant="light" title={t('detail.declinedTitle')}>
              {r.declineReason ?? '—'}
            </Alert>
          )}

          <section aria-labelledby="request-details-title">
            <Paper withBorder p="md">
              <Title order={2} size="h3" id="request-details-title" mb="sm">
                {t('detail.detailsTitle')}
              </Title>
              <SimpleGrid component="dl" cols={{ base: 1, sm: 2 }} spacing="md" m={0}>
                <Detail term={t('fields.organisation')}>{r.organisationName}</Detail>
                <Detail term={t('fields.contactName')}>{r.contactName}</Detail>
                <Detail term={t('fields.contactEmail')}>
                  <Anchor href={`mailto:${r.contactEmail}`}>{r.contactEmail}</Anchor>
                </Detail>
                <Detail term={t('fields.contactPhone')}>
                  {r.contactPhone ? <Anchor href={`tel:${r.contactPhone.replace(/\s+/g, '')}`}>{r.contactPhone}</Anchor> : '—'}
                </Detail>
                <Detail term={t('fields.preferredLocale')}>{labels.language(r.preferredLocale)}</Detail>
                <Detail term={t('fields.source')}>{t(`sources.${r.source}`)}</Detail>
                <Detail term={t('fields.createdAt')}>{format.dateTime(r.createdAt)}</Detail>
                {isOpen(r) && !r.firstContactAt && (
                  <Detail term={t('fields.firstContactDueAt')}>{format.dateTime(r.firstContactDueAt)}</Detail>
                )}
                {r.kind === 'crisis' ? (
                  <>
                    <Detail term={t('fields.eventType')}>{labels.eventType(r.eventType)}</Detail>
                    <Detail term={t('fields.eventAt')}>{r.eventAt ? format.dateTime(r.eventAt) : '—'}</Detail>
                    <Detail term={t('fields.affectedCount')}>{r.affectedCount !== null ? format.number(r.affectedCount) : '—'}</Detail>
                    <Detail term={t('fields.location')}>{r.location ?? '—'}</Detail>
                  </>
                ) : (
                  <Detail term={t('fields.serviceKind')}>
                    {r.serviceKind ? labels.serviceKind(r.serviceKind) : t('fields.serviceUnspecified')}
                  </Detail>
                )}
              </SimpleGrid>
              <Stack gap={4} mt="md">
                <Text size="sm" fw={700}>
                  {t('fields.message')}
                </Text>
                <Text style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{r.message ?? '—'}</Text>
              </Stack>
            </Paper>
          </section>

          <FirstContact request={r} />
          {triaged && <TriageResultAlert processId={triaged.processId} />}
          {!triaged && isOpen(r) && !r.processId && (
            <>
              <TriageForm request={r} onTriaged={setTriaged} />
              <Decline request={r} />
            </>
          )}
        </>
      )}
    </Stack>
  );
}
