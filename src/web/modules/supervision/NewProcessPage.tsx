import { Anchor, Button, Checkbox, Group, NativeSelect, NumberInput, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { api } from '../../app/api';
import { applyFieldErrors, ErrorAlert } from '../../app/forms';
import { currentLocale } from '../../app/i18n';
import { notifySuccess } from '../../app/notify';
import { useRoles } from '../../app/session';
import { usePageTitle } from '../../app/usePageTitle';
import { useSupervisionError } from './hooks';
import { useEnumLabels } from './labels';
import { keys, paths, useOrganisationChoices, usePeople, usePractitionerChoices, useServices } from './queries';
import { CADENCES, LANGUAGES, type Language, type Person, PLACES, type ProcessDetail, type Service } from './types';

interface Values {
  organisationId: string;
  serviceId: string;
  title: string;
  cadence: string;
  sessionMinutes: number | string;
  place: string;
  location: string;
  videoLink: string;
  price: number | string;
  agreedSessions: number | string;
  startDate: string;
  reviewDate: string;
  language: string;
  participantIds: string[];
  practitionerIds: string[];
}

function AddPerson({ organisationId, onAdded }: { organisationId: string; onAdded: (person: Person) => void }) {
  const { t } = useTranslation('supervision');
  const labels = useEnumLabels();
  const queryClient = useQueryClient();
  const form = useForm({
    mode: 'controlled',
    initialValues: { name: '', email: '', phone: '', locale: currentLocale() as string },
    validate: {
      name: (v) => (v.trim() ? null : t('validation.required')),
      email: (v) => (!v.trim() || /^\S+@\S+$/.test(v.trim()) ? null : t('validation.email')),
    },
  });
  const add = useMutation({
    mutationFn: (values: typeof form.values) =>
      api.post<Person>('/api/people', {
        organisationId,
        name: values.name.trim(),
        ...(values.email.trim() ? { email: values.email.trim() } : {}),
        ...(values.phone.trim() ? { phone: values.phone.trim() } : {}),
        locale: values.locale,
      }),
    onSuccess: (person) => {
      notifySuccess(t('newProcess.personAdded', { name: person.name }));
      form.reset();
      void queryClient.invalidateQueries({ queryKey: keys.people(organisationId) });
      onAdded(person);
    },
    onError: (error) => applyFieldErrors(form, error),
  });
  const submit = () => {
    if (!form.validate().hasErrors) add.mutate(form.getValues());
  };
  return (
    <fieldset className="plain-fieldset">
      <legend>
        <Text fw={600} size="sm">
          {t('newProcess.addPerson')}
        </Text>
      </legend>
      <Stack gap="xs">
        <ErrorAlert error={add.error} form={form} />
        <Group align="flex-start" gap="sm" grow preventGrowOverflow={false} wrap="wrap">
          <TextInput label={t('newProcess.personName')} required miw={200} {...form.getInputProps('name')} />
          <TextInput
            label={t('newProcess.personEmail')}
            description={t('common.optional')}
            type="email"
            autoComplete="off"
            miw={200}
            {...form.getInputProps('email')}
          />
        </Group>
        <Group align="flex-start" gap="sm" grow preventGrowOverflow={false} wrap="wrap">
          <TextInput
            label={t('newProcess.personPhone')}
            description={t('common.optional')}
            type="tel"
            autoComplete="off"
            miw={200}
            {...form.getInputProps('phone')}
          />
          <NativeSelect label={t('newProcess.personLanguage')} miw={160} {...form.getInputProps('locale')}>
            {LANGUAGES.map((l) => (
              <option key={l} value={l}>
                {labels.language(l)}
              </option>
            ))}
          </NativeSelect>
        </Group>
        <Button type="button" variant="default" onClick={submit} loading={add.isPending} w="fit-content">
          {t('newProcess.addPersonButton')}
        </Button>
      </Stack>
    </fieldset>
  );
}

export function NewProcessPage() {
  const { t } = useTranslation('supervision');
  const labels = useEnumLabels();
  const errorText = useSupervisionError();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  usePageTitle(t('newProcess.title'));
  const organisations = useOrganisationChoices();
  const services = useServices();
  const activeServices = (services.data?.items ?? []).filter((s) => s.active);
  const [currency, setCurrency] = useState('EUR');
  const { session, isAdmin, isPractitioner } = useRoles();
  const me = session?.user.id ?? '';
  const practitioners = usePractitionerChoices(isAdmin);
  const colleagues = (practitioners.data ?? []).filter((p) => !(isPractitioner && p.value === me));

  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: {
      organisationId: '',
      serviceId: '',
      title: '',
      cadence: '',
      sessionMinutes: '',
      place: '',
      location: '',
      videoLink: '',
      price: '',
      agreedSessions: '',
      startDate: '',
      reviewDate: '',
      language: currentLocale(),
      participantIds: [],
      practitionerIds: [],
    },
    validate: {
      organisationId: (v) => (v ? null : t('validation.required')),
      serviceId: (v) => (v ? null : t('validation.required')),
      title: (v) => (v.trim() ? null : t('validation.required')),
      practitionerIds: (v) => (!isPractitioner && v.length === 0 ? t('newProcess.choosePractitioner') : null),
      reviewDate: (v, values) => (v && values.startDate && v < values.startDate ? t('validation.reviewAfterStart') : null),
    },
  });
  const people = usePeople(form.values.organisationId || null);

  const applyService = (service: Service | undefined) => {
    if (!service) return;
    form.setValues({
      cadence: service.defaultCadence,
      sessionMinutes: service.defaultMinutes,
      place: service.defaultPlace,
      price: service.priceCents / 100,
    });
    setCurrency(service.currency || 'EUR');
  };

  const create = useMutation({
    mutationFn: (values: Values) => {
      const service = activeServices.find((s) => s.id === values.serviceId);
      const num = (v: number | string) => (v === '' || v === null ? undefined : Number(v));
      const price = num(values.price);
      return api.post<ProcessDetail>('/api/processes', {
        organisationId: values.organisationId,
        serviceId: values.serviceId,
        title: values.title.trim(),
        ...(service ? { kind: service.kind } : {}),
        ...(values.cadence ? { cadence: values.cadence } : {}),
        ...(num(values.sessionMinutes) !== undefined ? { sessionMinutes: num(values.sessionMinutes) } : {}),
        ...(values.place ? { place: values.place } : {}),
        ...(values.location.trim() && values.place !== 'video' ? { location: values.location.trim() } : {}),
        ...(values.videoLink.trim() && values.place === 'video' ? { videoLink: values.videoLink.trim() } : {}),
        ...(price !== undefined ? { priceCents: Math.round(price * 100) } : {}),
        ...(num(values.agreedSessions) !== undefined ? { agreedSessions: num(values.agreedSessions) } : {}),
        language: values.language as Language,
        ...(values.startDate ? { startDate: values.startDate } : {}),
        ...(values.reviewDate ? { reviewDate: values.reviewDate } : {}),
        participantIds: values.participantIds,
        ...(values.practitionerIds.length > 0 ? { practitionerIds: values.practitionerIds } : {}),
      });
    },
    onSuccess: (created) => {
      notifySuccess(t('newProcess.created', { title: created.title }));
      void queryClient.invalidateQueries({ queryKey: ['supervision', 'processes'] });
      navigate(paths.process(created.id));
    },
    onError: (error) => applyFieldErrors(form, error, { priceCents: 'price' }),
  });

  return (
    <Stack gap="md">
      <Anchor component={Link} to="/processes" size="sm">
        {t('processes.back')}
      </Anchor>
      <Title order={1}>{t('newProcess.title')}</Title>
      <Text c="dimmed">{t('newProcess.intro')}</Text>
      <form onSubmit={form.onSubmit((values) => create.mutate(values))} noValidate>
        <Stack gap="md" maw={760}>
          <ErrorAlert error={create.error} form={form} aliases={{ priceCents: 'price' }} message={errorText(create.error)} />
          <ErrorAlert error={services.error} />
          <Group align="flex-start" gap="sm" grow preventGrowOverflow={false} wrap="wrap">
            <NativeSelect
              label={t('process.organisation')}
              required
              miw={240}
              {...form.getInputProps('organisationId')}
              onChange={(e) => {
                form.setFieldValue('organisationId', e.currentTarget.value);
                form.setFieldValue('participantIds', []);
              }}
            >
              <option value="">{t('common.choose')}</option>
              {organisations.options.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </NativeSelect>
            <NativeSelect
              label={t('process.service')}
              description={t('newProcess.serviceHelp')}
              required
              miw={240}
              {...form.getInputProps('serviceId')}
              onChange={(e) => {
                const id = e.currentTarget.value;
                form.setFieldValue('serviceId', id);
                applyService(activeServices.find((s) => s.id === id));
              }}
            >
              <option value="">{t('common.choose')}</option>
              {activeServices.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </NativeSelect>
          </Group>
          <TextInput label={t('process.titleLabel')} description={t('newProcess.titleHelp')} required {...form.getInputProps('title')} />
          <Group align="flex-start" gap="sm" grow preventGrowOverflow={false} wrap="wrap">
            <NativeSelect label={t('process.cadence')} miw={180} {...form.getInputProps('cadence')}>
              <option value="">{t('newProcess.fromService')}</option>
              {CADENCES.map((c) => (
                <option key={c} value={c}>
                  {labels.cadence(c)}
                </option>
              ))}
            </NativeSelect>
            <NumberInput
              label={t('process.sessionMinutes')}
              min={15}
              max={480}
              step={15}
              allowDecimal={false}
              miw={160}
              {...form.getInputProps('sessionMinutes')}
            />
            <NumberInput
              label={t('newProcess.price', { currency })}
              min={0}
              decimalScale={2}
              fixedDecimalScale
              miw={160}
              {...form.getInputProps('price')}
            />
          </Group>
          <Group align="flex-start" gap="sm" grow preventGrowOverflow={false} wrap="wrap">
            <NativeSelect label={t('process.place')} miw={180} {...form.getInputProps('place')}>
              <option value="">{t('newProcess.fromService')}</option>
              {PLACES.map((p) => (
                <option key={p} value={p}>
                  {labels.place(p)}
                </option>
              ))}
            </NativeSelect>
            {form.values.place === 'video' ? (
              <TextInput
                label={t('process.videoLink')}
                description={t('common.optional')}
                type="url"
                miw={260}
                {...form.getInputProps('videoLink')}
              />
            ) : (
              <TextInput
                label={t('process.location')}
                description={t('newProcess.locationHelp')}
                miw={260}
                {...form.getInputProps('location')}
              />
            )}
          </Group>
          <Group align="flex-start" gap="sm" grow preventGrowOverflow={false} wrap="wrap">
            <NumberInput
              label={t('process.agreedSessions')}
              description={t('common.optional')}
              min={1}
              max={200}
              allowDecimal={false}
              miw={160}
              {...form.getInputProps('agreedSessions')}
            />
            <TextInput
              label={t('process.startDate')}
              description={t('common.optional')}
              type="date"
              miw={160}
              {...form.getInputProps('startDate')}
            />
            <TextInput
              label={t('process.reviewDate')}
              description={t('common.optional')}
              type="date"
              miw={160}
              {...form.getInputProps('reviewDate')}
            />
            <NativeSelect
              label={t('process.language')}
              description={t('newProcess.languageHelp')}
              miw={160}
              {...form.getInputProps('language')}
            >
              {LANGUAGES.map((l) => (
                <option key={l} value={l}>
                  {labels.language(l)}
                </option>
              ))}
            </NativeSelect>
          </Group>
          {(colleagues.length > 0 || !isPractitioner) && (
            <Checkbox.Group
              label={t('process.practitioners')}
              description={isPractitioner ? t('newProcess.practitionersHelpSelf') : t('newProcess.practitionersHelp')}
              {...form.getInputProps('practitionerIds')}
            >
              <Stack gap={6} mt="xs">
                {colleagues.map((p) => (
                  <Checkbox key={p.value} value={p.value} label={p.email ? `${p.label} (${p.email})` : p.label} />
                ))}
              </Stack>
            </Checkbox.Group>
          )}
          <Paper withBorder p="md">
            <Stack gap="sm">
              <Checkbox.Group
                label={t('process.participants')}
                description={t('newProcess.participantsHelp')}
                {...form.getInputProps('participantIds')}
              >
                {!form.values.organisationId && (
                  <Text size="sm" mt="xs">
                    {t('newProcess.chooseOrganisationFirst')}
                  </Text>
                )}
                <ErrorAlert error={people.error} />
                {people.data && people.data.items.length === 0 && (
                  <Text size="sm" mt="xs">
                    {t('newProcess.noPeople')}
                  </Text>
                )}
                <Stack gap={6} mt="xs">
                  {(people.data?.items ?? []).map((person) => (
                    <Checkbox key={person.id} value={person.id} label={person.email ? `${person.name} (${person.email})` : person.name} />
                  ))}
                </Stack>
              </Checkbox.Group>
              {form.values.organisationId && (
                <AddPerson
                  organisationId={form.values.organisationId}
                  onAdded={(person) => form.setFieldValue('participantIds', [...form.getValues().participantIds, person.id])}
                />
              )}
            </Stack>
          </Paper>
          <Button type="submit" loading={create.isPending} w="fit-content">
            {t('newProcess.submit')}
          </Button>
        </Stack>
      </form>
    </Stack>
  );
}
