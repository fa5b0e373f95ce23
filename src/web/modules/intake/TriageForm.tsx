import { Alert, Button, Paper, Stack, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { type IntakeRequest, intakeApi, type TriageResult } from '../../../shared/intake';
import { agreedSessions, processLimits } from '../../../shared/processes';
import { email } from '../../../shared/schemas';
import { type OrganisationSummary, organisationRoutes } from '../../../shared/tenancy';
import { call, isApiError } from '../../app/api';
import { applyFieldErrors, ErrorAlert } from '../../app/forms';
import { useSession } from '../../app/session';
import { REQUESTS_KEY, useIntakeLabels, useServices } from './hooks';
import { FORM_CONTRAST } from './styles';
import { OrganisationFieldset } from './TriageOrganisation';
import { ParticipantsFieldset, PractitionerField, ProcessFields } from './TriageSections';
import { suggestService, type TriageValues, toTriageBody, triageAliases, usePractitioners } from './triage';

/** Shown where the triage form was, once the process exists; takes the focus. */
export function TriageResultAlert({ processId }: { processId: string }) {
  const { t } = useTranslation('intake');
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return (
    <Alert color="green" variant="light" title={t('triage.doneTitle')} ref={ref} tabIndex={-1} data-testid="triage-result">
      <Stack gap="xs">
        <Text>{t('triage.done')}</Text>
        <Button component={Link} to={`/processes/${encodeURIComponent(processId)}`} w="fit-content">
          {t('detail.openProcess')}
        </Button>
      </Stack>
    </Alert>
  );
}

/** Existing clients whose name or business id matches, for the offer after a duplicate refusal. */
async function findMatches(values: TriageValues): Promise<OrganisationSummary[]> {
  const terms = [values.newOrgName.trim(), values.newOrgBusinessId.trim()].filter(Boolean);
  const found = new Map<string, OrganisationSummary>();
  for (const q of terms) {
    try {
      const page = await call(organisationRoutes.list, { query: { q, page: 1, pageSize: 5 } });
      for (const o of page.items) found.set(o.id, o);
    } catch {
      // The offer is a convenience; the error at the input still says what to do.
    }
  }
  return [...found.values()];
}

/** Triage: the organisation (existing or new), the service, the people → a process. */
export function TriageForm({ request, onTriaged }: { request: IntakeRequest; onTriaged: (result: TriageResult) => void }) {
  const { t } = useTranslation('intake');
  const { t: tCommon } = useTranslation();
  const labels = useIntakeLabels();
  const queryClient = useQueryClient();
  const { data: session } = useSession();
  const services = useServices();
  const practitioners = usePractitioners();
  const [existingMatch, setExistingMatch] = useState<OrganisationSummary[] | null>(null);

  const defaultTitle =
    request.kind === 'crisis'
      ? t('triage.defaultTitleCrisis', { event: labels.eventType(request.eventType), organisation: request.organisationName })
      : t('triage.defaultTitleService', {
          service: request.serviceKind ? labels.serviceKind(request.serviceKind) : t('triage.supervision'),
          organisation: request.organisationName,
        });

  const form = useForm<TriageValues>({
    mode: 'controlled',
    initialValues: {
      orgMode: request.organisationId ? 'existing' : 'new',
      organisationId: request.organisationId ?? '',
      newOrgName: request.organisationName,
      newOrgBusinessId: '',
      serviceId: '',
      title: defaultTitle,
      practitionerIds: [],
      personIds: [],
      newPeople: [],
      agreedSessions: '',
      startDate: '',
    },
    validate: {
      organisationId: (v, values) => (values.orgMode === 'existing' && !v ? t('triage.chooseOrganisation') : null),
      newOrgName: (v, values) => (values.orgMode === 'new' && !v.trim() ? tCommon('validation.required') : null),
      serviceId: (v) => (v ? null : tCommon('validation.required')),
      title: (v) => (v.trim() ? null : tCommon('validation.required')),
      practitionerIds: (v) => (v.length > 0 ? null : t('triage.choosePractitioner')),
      newPeople: {
        name: (v) => (v.trim() ? null : tCommon('validation.required')),
        email: (v) => (!v.trim() || email.safeParse(v).success ? null : tCommon('validation.email')),
      },
      // The limit is the processes module's (src/shared/processes.ts), the same the server checks.
      agreedSessions: (v) =>
        v === '' || agreedSessions.safeParse(v).success
          ? null
          : t('triage.sessionsInvalid', { min: processLimits.agreedSessionsMin, max: processLimits.agreedSessionsMax }),
    },
  });

  // Defaults that need loaded data: the best-fitting service, and me as the practitioner.
  const { setFieldValue } = form;
  const serviceDefaulted = useRef(false);
  useEffect(() => {
    if (serviceDefaulted.current || !services.data) return;
    serviceDefaulted.current = true;
    const suggested = suggestService(request, services.data.items);
    if (suggested) setFieldValue('serviceId', suggested.id);
  }, [services.data, request, setFieldValue]);
  const practitionerDefaulted = useRef(false);
  useEffect(() => {
    if (practitionerDefaulted.current || !practitioners.data || !session) return;
    practitionerDefaulted.current = true;
    if (practitioners.data.some((p) => p.userId === session.user.id)) setFieldValue('practitionerIds', [session.user.id]);
  }, [practitioners.data, session, setFieldValue]);

  const triage = useMutation({
    mutationFn: (values: TriageValues) => call(intakeApi.triage, { params: { id: request.id }, body: toTriageBody(values) }),
    onSuccess: (created) => {
      onTriaged(created);
      void queryClient.invalidateQueries({ queryKey: REQUESTS_KEY });
      void queryClient.invalidateQueries({ queryKey: ['organisations'] });
      void queryClient.invalidateQueries({ queryKey: ['people'] });
    },
    onError: async (error, values) => {
      if (isApiError(error) && error.code === 'organisation_exists') {
        form.setFieldError('newOrgName', t('triage.organisationExists'));
        setExistingMatch(await findMatches(values));
        return;
      }
      applyFieldErrors(form, error, triageAliases(values));
    },
  });

  const chooseExisting = (organisation: OrganisationSummary) => {
    form.setValues({ orgMode: 'existing', organisationId: organisation.id, personIds: [] });
    form.clearFieldError('newOrgName');
    setExistingMatch(null);
    triage.reset();
  };

  const showError = triage.error && !(isApiError(triage.error) && triage.error.code === 'organisation_exists');

  return (
    <section aria-labelledby="triage-title">
      <Paper withBorder p="md">
        <Title order={2} size="h3" id="triage-title" mb="xs">
          {t('triage.title')}
        </Title>
        <Text size="sm" mb="md">
          {request.kind === 'crisis' ? t('triage.introCrisis') : t('triage.intro')}
        </Text>
        <form onSubmit={form.onSubmit((values) => triage.mutate(values))} noValidate style={FORM_CONTRAST}>
          <Stack gap="lg">
            {showError && <ErrorAlert error={triage.error} form={form} aliases={triageAliases(form.getValues())} />}
            <ErrorAlert error={services.error ?? practitioners.error} />
            <OrganisationFieldset
              form={form}
              requestedName={request.organisationName}
              existingMatch={existingMatch}
              onModeChange={() => setExistingMatch(null)}
              onChoose={chooseExisting}
            />
            <ProcessFields form={form} services={services.data?.items ?? []} />
            <PractitionerField form={form} practitioners={practitioners.data} myUserId={session?.user.id} />
            <ParticipantsFieldset form={form} />
            <Button type="submit" loading={triage.isPending} w="fit-content">
              {t('triage.submit')}
            </Button>
          </Stack>
        </form>
      </Paper>
    </section>
  );
}
