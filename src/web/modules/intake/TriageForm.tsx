import {
  Alert,
  Anchor,
  Button,
  Checkbox,
  Fieldset,
  Group,
  NativeSelect,
  NumberInput,
  Paper,
  Radio,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api, isApiError, query } from '../../app/api';
import { applyFieldErrors, ErrorAlert } from '../../app/forms';
import { useSession } from '../../app/session';
import type { Items, Member, OrganisationSummary, Page } from '../../app/types';
import { REQUESTS_KEY, useIntakeLabels, useServices } from './hooks';
import { FORM_CONTRAST } from './styles';
import type { IntakeRequest, OnCallEntry, Person, Service, ServiceKind, TriageResult } from './types';

interface NewPerson {
  name: string;
  email: string;
  phone: string;
}

interface Values {
  orgMode: 'existing' | 'new';
  organisationId: string;
  newOrgName: string;
  newOrgBusinessId: string;
  serviceId: string;
  title: string;
  practitionerIds: string[];
  personIds: string[];
  newPeople: NewPerson[];
  agreedSessions: number | string;
  startDate: string;
}

interface StaffOption {
  userId: string;
  name: string;
}

/**
 * Practitioners to choose from: the members list (provider admins), else the on-call list, which
 * every staff member may read.
 */
function usePractitioners() {
  return useQuery({
    queryKey: ['intake', 'practitioners'],
    queryFn: async (): Promise<StaffOption[]> => {
      try {
        const members = await api.get<Page<Member>>(`/api/members${query({ role: 'practitioner', page: 1, pageSize: 100 })}`);
        return members.items.map((m) => ({ userId: m.userId, name: m.name }));
      } catch (error) {
        if (!isApiError(error) || (error.status !== 403 && error.status !== 404)) throw error;
        const onCall = await api.get<Items<OnCallEntry>>('/api/on-call');
        return onCall.items.map((m) => ({ userId: m.userId, name: m.name }));
      }
    },
    staleTime: 60_000,
  });
}

/** The service that fits the request best: crisis group/individual by the number affected, else the kind asked for. */
function suggestService(request: IntakeRequest, services: Service[]): Service | undefined {
  const active = services.filter((s) => s.active);
  let kind: ServiceKind | null = request.serviceKind;
  if (request.kind === 'crisis') kind = (request.affectedCount ?? 2) > 1 ? 'crisis_group' : 'crisis_individual';
  return active.find((s) => s.kind === kind) ?? (request.kind === 'crisis' ? active.find((s) => s.kind.startsWith('crisis')) : undefined);
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

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

/** Triage: the organisation (existing or new), the service, the people → a process. */
export function TriageForm({ request, onTriaged }: { request: IntakeRequest; onTriaged: (result: TriageResult) => void }) {
  const { t } = useTranslation('intake');
  const { t: tCommon } = useTranslation();
  const labels = useIntakeLabels();
  const queryClient = useQueryClient();
  const { data: session } = useSession();
  const services = useServices();
  const practitioners = usePractitioners();
  const [orgSearch, setOrgSearch] = useState(request.organisationName);
  const [search] = useDebouncedValue(orgSearch.trim(), 300);
  const [orgNames, setOrgNames] = useState<Record<string, string>>({});
  const [existingMatch, setExistingMatch] = useState<OrganisationSummary[] | null>(null);

  const defaultTitle =
    request.kind === 'crisis'
      ? t('triage.defaultTitleCrisis', { event: labels.eventType(request.eventType), organisation: request.organisationName })
      : t('triage.defaultTitleService', {
          service: request.serviceKind ? labels.serviceKind(request.serviceKind) : t('triage.supervision'),
          organisation: request.organisationName,
        });

  const form = useForm<Values>({
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
        email: (v) => (!v.trim() || EMAIL.test(v.trim()) ? null : tCommon('validation.email')),
      },
      agreedSessions: (v) =>
        v === '' || (typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= 100) ? null : t('triage.sessionsInvalid'),
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

  const orgMode = form.values.orgMode;
  const organisations = useQuery({
    queryKey: ['organisations', 'list', { q: search, page: 1, pageSize: 20 }],
    queryFn: () => api.get<Page<OrganisationSummary>>(`/api/organisations${query({ q: search, page: 1, pageSize: 20 })}`),
    placeholderData: keepPreviousData,
  });
  useEffect(() => {
    if (!organisations.data) return;
    setOrgNames((names) => {
      const next = { ...names };
      for (const o of organisations.data.items) next[o.id] = o.name;
      return next;
    });
  }, [organisations.data]);

  const organisationId = orgMode === 'existing' ? form.values.organisationId : '';
  const people = useQuery({
    queryKey: ['people', { organisationId }],
    queryFn: () => api.get<Items<Person>>(`/api/people${query({ organisationId })}`),
    enabled: Boolean(organisationId),
  });

  const newPeopleAliases = (values: Values): Record<string, string> => {
    const aliases: Record<string, string> = {
      'organisation.id': 'organisationId',
      'organisation.name': 'newOrgName',
      'organisation.businessId': 'newOrgBusinessId',
      'process.serviceId': 'serviceId',
      'process.title': 'title',
      'process.practitionerIds': 'practitionerIds',
      'process.participants': 'personIds',
      'process.agreedSessions': 'agreedSessions',
      'process.startDate': 'startDate',
    };
    const offset = values.personIds.length;
    values.newPeople.forEach((_, i) => {
      for (const field of ['name', 'email', 'phone']) aliases[`process.participants.${offset + i}.${field}`] = `newPeople.${i}.${field}`;
    });
    return aliases;
  };

  const triage = useMutation({
    mutationFn: (values: Values) =>
      api.post<TriageResult>(`/api/requests/${encodeURIComponent(request.id)}/triage`, {
        organisation:
          values.orgMode === 'existing'
            ? { id: values.organisationId }
            : { name: values.newOrgName.trim(), ...(values.newOrgBusinessId.trim() ? { businessId: values.newOrgBusinessId.trim() } : {}) },
        process: {
          serviceId: values.serviceId,
          title: values.title.trim(),
          practitionerIds: values.practitionerIds,
          participants: [
            ...values.personIds.map((personId) => ({ personId })),
            ...values.newPeople.map((p) => ({
              name: p.name.trim(),
              ...(p.email.trim() ? { email: p.email.trim() } : {}),
              ...(p.phone.trim() ? { phone: p.phone.trim() } : {}),
            })),
          ],
          ...(typeof values.agreedSessions === 'number' ? { agreedSessions: values.agreedSessions } : {}),
          ...(values.startDate ? { startDate: values.startDate } : {}),
        },
      }),
    onSuccess: (created) => {
      onTriaged(created);
      void queryClient.invalidateQueries({ queryKey: REQUESTS_KEY });
      void queryClient.invalidateQueries({ queryKey: ['organisations'] });
      void queryClient.invalidateQueries({ queryKey: ['people'] });
    },
    onError: async (error, values) => {
      if (isApiError(error) && error.code === 'organisation_exists') {
        form.setFieldError('newOrgName', t('triage.organisationExists'));
        const terms = [values.newOrgName.trim(), values.newOrgBusinessId.trim()].filter(Boolean);
        const found = new Map<string, OrganisationSummary>();
        for (const q of terms) {
          try {
            const page = await api.get<Page<OrganisationSummary>>(`/api/organisations${query({ q, page: 1, pageSize: 5 })}`);
            for (const o of page.items) found.set(o.id, o);
          } catch {
            // The offer is a convenience; the error at the input still says what to do.
          }
        }
        setExistingMatch([...found.values()]);
        return;
      }
      applyFieldErrors(form, error, newPeopleAliases(values));
    },
  });

  const chooseExisting = (organisation: OrganisationSummary) => {
    setOrgNames((names) => ({ ...names, [organisation.id]: organisation.name }));
    form.setValues({ orgMode: 'existing', organisationId: organisation.id, personIds: [] });
    form.clearFieldError('newOrgName');
    setExistingMatch(null);
    triage.reset();
  };

  const activeServices = (services.data?.items ?? []).filter((s) => s.active || s.id === form.values.serviceId);
  const orgResults = organisations.data?.items ?? [];
  const selectedName = form.values.organisationId ? orgNames[form.values.organisationId] : undefined;
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
            {showError && <ErrorAlert error={triage.error} form={form} aliases={newPeopleAliases(form.getValues())} />}
            <ErrorAlert error={services.error ?? practitioners.error} />

            <Fieldset legend={t('triage.organisationLegend')}>
              <Stack gap="sm">
                <Radio.Group
                  label={t('triage.organisationMode')}
                  value={orgMode}
                  onChange={(v) => {
                    form.setFieldValue('orgMode', v === 'existing' ? 'existing' : 'new');
                    setExistingMatch(null);
                  }}
                >
                  <Group gap="md" mt={4}>
                    <Radio value="existing" label={t('triage.orgExisting')} />
                    <Radio value="new" label={t('triage.orgNew')} />
                  </Group>
                </Radio.Group>

                {orgMode === 'existing' ? (
                  <>
                    <TextInput
                      label={t('triage.searchOrganisations')}
                      type="search"
                      value={orgSearch}
                      onChange={(e) => setOrgSearch(e.currentTarget.value)}
                      maw={360}
                    />
                    <Radio.Group
                      label={t('triage.organisation')}
                      description={selectedName ? t('triage.selected', { name: selectedName }) : undefined}
                      {...form.getInputProps('organisationId')}
                      onChange={(v) => {
                        form.setFieldValue('organisationId', v);
                        form.setFieldValue('personIds', []);
                      }}
                    >
                      <Stack gap="xs" mt={4}>
                        {orgResults.map((o) => (
                          <Radio key={o.id} value={o.id} label={o.businessId ? `${o.name} (${o.businessId})` : o.name} />
                        ))}
                        {orgResults.length === 0 && !organisations.isFetching && <Text size="sm">{tCommon('common.nothingFound')}</Text>}
                      </Stack>
                    </Radio.Group>
                  </>
                ) : (
                  <>
                    <Group align="flex-start" gap="sm" grow preventGrowOverflow={false} wrap="wrap">
                      <TextInput label={t('triage.newOrgName')} required miw={220} {...form.getInputProps('newOrgName')} />
                      <TextInput
                        label={t('triage.newOrgBusinessId')}
                        description={t('form.optional')}
                        miw={180}
                        {...form.getInputProps('newOrgBusinessId')}
                      />
                    </Group>
                    {existingMatch && (
                      <Alert color="yellow" variant="light" title={t('triage.matchTitle')} data-testid="organisation-match">
                        <Stack gap="xs">
                          {existingMatch.length === 0 && <Text size="sm">{t('triage.matchNotListed')}</Text>}
                          {existingMatch.map((o) => (
                            <Group key={o.id} gap="sm">
                              <Text size="sm">{o.businessId ? `${o.name} (${o.businessId})` : o.name}</Text>
                              <Button size="xs" variant="default" onClick={() => chooseExisting(o)}>
                                {t('triage.useMatch', { name: o.name })}
                              </Button>
                            </Group>
                          ))}
                        </Stack>
                      </Alert>
                    )}
                    {!existingMatch && orgResults.length > 0 && search === request.organisationName.trim() && (
                      <Text size="sm">
                        {t('triage.similar')}{' '}
                        {orgResults.slice(0, 3).map((o, i) => (
                          <span key={o.id}>
                            {i > 0 && ', '}
                            <Anchor component="button" type="button" size="sm" onClick={() => chooseExisting(o)}>
                              {o.name}
                            </Anchor>
                          </span>
                        ))}
                      </Text>
                    )}
                  </>
                )}
              </Stack>
            </Fieldset>

            <Fieldset legend={t('triage.processLegend')}>
              <Stack gap="sm">
                <NativeSelect label={t('triage.service')} required {...form.getInputProps('serviceId')}>
                  <option value="">{tCommon('common.choose')}</option>
                  {activeServices.map((s) => (
                    <option key={s.id} value={s.id}>
                      {s.name}
                    </option>
                  ))}
                </NativeSelect>
                <TextInput label={t('triage.processTitle')} required {...form.getInputProps('title')} />
                <Group align="flex-start" gap="sm" wrap="wrap">
                  <NumberInput
                    label={t('triage.agreedSessions')}
                    description={t('form.optional')}
                    min={1}
                    max={100}
                    allowDecimal={false}
                    allowNegative={false}
                    w={200}
                    {...form.getInputProps('agreedSessions')}
                  />
                  <TextInput
                    label={t('triage.startDate')}
                    description={t('form.optional')}
                    type="date"
                    w={200}
                    {...form.getInputProps('startDate')}
                  />
                </Group>
              </Stack>
            </Fieldset>

            <Checkbox.Group
              label={t('triage.practitioners')}
              description={t('triage.practitionersHelp')}
              {...form.getInputProps('practitionerIds')}
            >
              <Stack gap="xs" mt={4}>
                {(practitioners.data ?? []).map((p) => (
                  <Checkbox
                    key={p.userId}
                    value={p.userId}
                    label={p.userId === session?.user.id ? t('triage.me', { name: p.name }) : p.name}
                  />
                ))}
                {practitioners.data?.length === 0 && <Text size="sm">{t('triage.noPractitioners')}</Text>}
              </Stack>
            </Checkbox.Group>

            <Fieldset legend={t('triage.participantsLegend')}>
              <Stack gap="sm">
                {orgMode === 'existing' && form.values.organisationId && (
                  <Checkbox.Group label={t('triage.existingPeople')} {...form.getInputProps('personIds')}>
                    <Stack gap="xs" mt={4}>
                      {(people.data?.items ?? []).map((p) => (
                        <Checkbox key={p.id} value={p.id} label={p.email ? `${p.name} (${p.email})` : p.name} />
                      ))}
                      {people.data?.items.length === 0 && <Text size="sm">{t('triage.noPeople')}</Text>}
                    </Stack>
                  </Checkbox.Group>
                )}
                <ErrorAlert error={people.error} />
                {form.values.newPeople.map((_, i) => (
                  <Fieldset
                    // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity until saved; removing re-renders the rest
                    key={i}
                    legend={t('triage.newPerson', { number: i + 1 })}
                    variant="filled"
                  >
                    <Group align="flex-start" gap="sm" grow preventGrowOverflow={false} wrap="wrap">
                      <TextInput label={t('triage.personName')} required miw={200} {...form.getInputProps(`newPeople.${i}.name`)} />
                      <TextInput
                        label={t('triage.personEmail')}
                        description={t('form.optional')}
                        type="email"
                        miw={200}
                        {...form.getInputProps(`newPeople.${i}.email`)}
                      />
                      <TextInput
                        label={t('triage.personPhone')}
                        description={t('form.optional')}
                        type="tel"
                        miw={160}
                        {...form.getInputProps(`newPeople.${i}.phone`)}
                      />
                    </Group>
                    <Button variant="subtle" color="red" size="xs" mt="xs" onClick={() => form.removeListItem('newPeople', i)}>
                      {t('triage.removePerson', { number: i + 1 })}
                    </Button>
                  </Fieldset>
                ))}
                <Button
                  variant="default"
                  w="fit-content"
                  onClick={() => form.insertListItem('newPeople', { name: '', email: '', phone: '' })}
                >
                  {t('triage.addPerson')}
                </Button>
              </Stack>
            </Fieldset>

            <Button type="submit" loading={triage.isPending} w="fit-content">
              {t('triage.submit')}
            </Button>
          </Stack>
        </form>
      </Paper>
    </section>
  );
}
