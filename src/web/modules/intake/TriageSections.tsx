import { Button, Checkbox, Fieldset, Group, NativeSelect, NumberInput, Stack, Text, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { intakeLimits } from '../../../shared/intake';
import { personRoutes, processLimits, type Service } from '../../../shared/processes';
import { call } from '../../app/api';
import { ErrorAlert } from '../../app/forms';
import { useServiceName } from '../../app/service-name';
import type { StaffOption, TriageFormType } from './triage';

/** Triage, the process: its service, title, agreed sessions and start. */
export function ProcessFields({ form, services }: { form: TriageFormType; services: Service[] }) {
  const { t } = useTranslation('intake');
  const { t: tCommon } = useTranslation();
  const serviceName = useServiceName();
  const activeServices = services.filter((s) => s.active || s.id === form.values.serviceId);
  return (
    <Fieldset legend={t('triage.processLegend')}>
      <Stack gap="sm">
        <NativeSelect label={t('triage.service')} required {...form.getInputProps('serviceId')}>
          <option value="">{tCommon('common.choose')}</option>
          {activeServices.map((s) => (
            <option key={s.id} value={s.id}>
              {serviceName(s.names)}
            </option>
          ))}
        </NativeSelect>
        <TextInput label={t('triage.processTitle')} required maxLength={intakeLimits.nameMax} {...form.getInputProps('title')} />
        <Group align="flex-start" gap="sm" wrap="wrap">
          <NumberInput
            label={t('triage.agreedSessions')}
            description={t('form.optional')}
            min={processLimits.agreedSessionsMin}
            max={processLimits.agreedSessionsMax}
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
  );
}

/** Triage, who works with the client: the caller is ticked by default. */
export function PractitionerField({
  form,
  practitioners,
  myUserId,
}: {
  form: TriageFormType;
  practitioners: StaffOption[] | undefined;
  myUserId: string | undefined;
}) {
  const { t } = useTranslation('intake');
  return (
    <Checkbox.Group
      label={t('triage.practitioners')}
      description={t('triage.practitionersHelp')}
      {...form.getInputProps('practitionerIds')}
    >
      <Stack gap="xs" mt={4}>
        {(practitioners ?? []).map((p) => (
          <Checkbox key={p.userId} value={p.userId} label={p.userId === myUserId ? t('triage.me', { name: p.name }) : p.name} />
        ))}
        {practitioners?.length === 0 && <Text size="sm">{t('triage.noPractitioners')}</Text>}
      </Stack>
    </Checkbox.Group>
  );
}

/** Triage, the participants: people the existing organisation already has, and new ones. */
export function ParticipantsFieldset({ form }: { form: TriageFormType }) {
  const { t } = useTranslation('intake');
  const organisationId = form.values.orgMode === 'existing' ? form.values.organisationId : '';
  const people = useQuery({
    queryKey: ['people', { organisationId }],
    queryFn: () => call(personRoutes.list, { query: { organisationId } }),
    enabled: Boolean(organisationId),
  });
  return (
    <Fieldset legend={t('triage.participantsLegend')}>
      <Stack gap="sm">
        {organisationId && (
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
              <TextInput
                label={t('triage.personName')}
                required
                miw={200}
                maxLength={intakeLimits.nameMax}
                {...form.getInputProps(`newPeople.${i}.name`)}
              />
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
                maxLength={intakeLimits.phoneMax}
                {...form.getInputProps(`newPeople.${i}.phone`)}
              />
            </Group>
            <Button variant="subtle" color="red" size="xs" mt="xs" onClick={() => form.removeListItem('newPeople', i)}>
              {t('triage.removePerson', { number: i + 1 })}
            </Button>
          </Fieldset>
        ))}
        <Button variant="default" w="fit-content" onClick={() => form.insertListItem('newPeople', { name: '', email: '', phone: '' })}>
          {t('triage.addPerson')}
        </Button>
      </Stack>
    </Fieldset>
  );
}
