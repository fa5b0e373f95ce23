import { Button, Group, NativeSelect, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { type Locale, locales } from '../../../shared/locales';
import { type Person, personRoutes, phone, processLimits } from '../../../shared/processes';
import { email } from '../../../shared/schemas';
import { call } from '../../app/api';
import { applyFieldErrors, ErrorAlert } from '../../app/forms';
import { currentLocale } from '../../app/i18n';
import { notifySuccess } from '../../app/notify';
import { useEnumLabels } from './labels';
import { keys } from './queries';

/** Adds a person to a client organisation, to take part in the process being opened. */
export function AddPersonForm({ organisationId, onAdded }: { organisationId: string; onAdded: (person: Person) => void }) {
  const { t } = useTranslation('supervision');
  const labels = useEnumLabels();
  const queryClient = useQueryClient();
  const form = useForm({
    mode: 'controlled',
    initialValues: { name: '', email: '', phone: '', locale: currentLocale() as Locale },
    validate: {
      name: (v) => (v.trim() ? null : t('validation.required')),
      email: (v) => (!v.trim() || email.safeParse(v).success ? null : t('validation.email')),
      phone: (v) =>
        !v.trim() || phone.safeParse(v).success
          ? null
          : t('validation.lengthBetween', { min: processLimits.phoneMin, max: processLimits.phoneMax }),
    },
  });
  const add = useMutation({
    mutationFn: (values: typeof form.values) =>
      call(personRoutes.create, {
        body: {
          organisationId,
          name: values.name.trim(),
          ...(values.email.trim() ? { email: values.email.trim() } : {}),
          ...(values.phone.trim() ? { phone: values.phone.trim() } : {}),
          locale: values.locale,
        },
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
          <TextInput
            label={t('newProcess.personName')}
            required
            maxLength={processLimits.nameMax}
            miw={200}
            {...form.getInputProps('name')}
          />
          <TextInput
            label={t('newProcess.personEmail')}
            description={t('common.optional')}
            type="email"
            autoComplete="off"
            maxLength={email.maxLength ?? undefined}
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
            maxLength={processLimits.phoneMax}
            miw={200}
            {...form.getInputProps('phone')}
          />
          <NativeSelect label={t('newProcess.personLanguage')} miw={160} {...form.getInputProps('locale')}>
            {locales.map((l) => (
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
