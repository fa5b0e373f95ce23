import { Anchor, Button, Checkbox, Group, NativeSelect, NumberInput, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { locales } from '../../../shared/locales';
import { cadences, places, processLimits, processRoutes, type Service } from '../../../shared/processes';
import { call } from '../../app/api';
import { applyFieldErrors, ErrorAlert } from '../../app/forms';
import { currentLocale } from '../../app/i18n';
import { notifySuccess } from '../../app/notify';
import { useServiceName } from '../../app/service-name';
import { useRoles } from '../../app/session';
import { usePageTitle } from '../../app/usePageTitle';
import { AddPersonForm } from './AddPersonForm';
import { useSupervisionError } from './hooks';
import { useEnumLabels } from './labels';
import { emptyNewProcess, type NewProcessValues, newProcessRules, toProcessBody } from './newProcessForm';
import { paths, useOrganisationChoices, usePeople, usePractitionerChoices, useServices } from './queries';

export function NewProcessPage() {
  const { t } = useTranslation('supervision');
  const serviceName = useServiceName();
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

  const form = useForm<NewProcessValues>({
    mode: 'controlled',
    initialValues: emptyNewProcess(currentLocale()),
    validate: newProcessRules(t, { needsPractitioner: !isPractitioner }),
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
    mutationFn: (values: NewProcessValues) =>
      call(processRoutes.create, {
        body: toProcessBody(
          values,
          activeServices.find((s) => s.id === values.serviceId),
        ),
      }),
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
                  {serviceName(s.names)}
                </option>
              ))}
            </NativeSelect>
          </Group>
          <TextInput
            label={t('process.titleLabel')}
            description={t('newProcess.titleHelp')}
            required
            maxLength={processLimits.nameMax}
            {...form.getInputProps('title')}
          />
          <Group align="flex-start" gap="sm" grow preventGrowOverflow={false} wrap="wrap">
            <NativeSelect label={t('process.cadence')} miw={180} {...form.getInputProps('cadence')}>
              <option value="">{t('newProcess.fromService')}</option>
              {cadences.map((c) => (
                <option key={c} value={c}>
                  {labels.cadence(c)}
                </option>
              ))}
            </NativeSelect>
            <NumberInput
              label={t('process.sessionMinutes')}
              min={processLimits.minutesMin}
              max={processLimits.minutesMax}
              step={15}
              allowDecimal={false}
              miw={160}
              {...form.getInputProps('sessionMinutes')}
            />
            <NumberInput
              label={t('newProcess.price', { currency })}
              min={processLimits.centsMin / 100}
              max={processLimits.centsMax / 100}
              decimalScale={2}
              fixedDecimalScale
              miw={160}
              {...form.getInputProps('price')}
            />
          </Group>
          <Group align="flex-start" gap="sm" grow preventGrowOverflow={false} wrap="wrap">
            <NativeSelect label={t('process.place')} miw={180} {...form.getInputProps('place')}>
              <option value="">{t('newProcess.fromService')}</option>
              {places.map((p) => (
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
                maxLength={processLimits.videoLinkMax}
                miw={260}
                {...form.getInputProps('videoLink')}
              />
            ) : (
              <TextInput
                label={t('process.location')}
                description={t('newProcess.locationHelp')}
                maxLength={processLimits.locationMax}
                miw={260}
                {...form.getInputProps('location')}
              />
            )}
          </Group>
          <Group align="flex-start" gap="sm" grow preventGrowOverflow={false} wrap="wrap">
            <NumberInput
              label={t('process.agreedSessions')}
              description={t('common.optional')}
              min={processLimits.agreedSessionsMin}
              max={processLimits.agreedSessionsMax}
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
              {locales.map((l) => (
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
                <AddPersonForm
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
