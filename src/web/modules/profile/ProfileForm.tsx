import { Alert, Button, Select, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { type Me, meRoutes, type Session } from '../../../shared/auth';
import { nameMax } from '../../../shared/tenancy';
import { call } from '../../app/api';
import { applyFieldErrors, ErrorAlert } from '../../app/forms';
import { currentLocale } from '../../app/i18n';
import { SESSION_KEY } from '../../app/session';
import { browserTimeZone, timeZoneOptions } from '../../app/time';

export function ProfileForm({ me }: { me: Me }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const browserZone = browserTimeZone();
  const zones = useMemo(() => timeZoneOptions([me.timeZone ?? '', browserZone]), [me.timeZone, browserZone]);

  const form = useForm({
    mode: 'controlled',
    initialValues: { name: me.name, timeZone: me.timeZone ?? browserZone },
    validate: {
      name: (v) => (v.trim() ? null : t('validation.required')),
      timeZone: (v) => (v ? null : t('validation.required')),
    },
  });

  const save = useMutation({
    mutationFn: (values: typeof form.values) => call(meRoutes.update, { body: { name: values.name.trim(), timeZone: values.timeZone } }),
    onSuccess: (updated) => {
      queryClient.setQueryData(['me'], updated);
      queryClient.setQueryData<Session | null>(SESSION_KEY, (old) =>
        old ? { ...old, user: { ...old.user, name: updated.name, timeZone: updated.timeZone } } : old,
      );
      form.resetDirty();
    },
    onError: (error) => applyFieldErrors(form, error),
  });

  return (
    <form onSubmit={form.onSubmit((values) => save.mutate(values))} noValidate>
      <Stack gap="sm" maw={480}>
        {save.isSuccess && (
          <Alert color="green" variant="light" role="status">
            {t('profile.saved')}
          </Alert>
        )}
        <ErrorAlert error={save.error} form={form} />
        <TextInput label={t('auth.email')} value={me.email} readOnly variant="filled" />
        <TextInput label={t('profile.name')} autoComplete="name" required maxLength={nameMax} {...form.getInputProps('name')} />
        <Select
          label={t('profile.timeZone')}
          description={t('profile.timeZoneHelp', { zone: browserZone })}
          data={zones}
          searchable
          allowDeselect={false}
          nothingFoundMessage={t('common.nothingFound')}
          maxDropdownHeight={280}
          required
          {...form.getInputProps('timeZone')}
        />
        <div>
          <Text size="sm" fw={500}>
            {t('profile.language')}
          </Text>
          <Text size="sm">
            {t(`language.names.${currentLocale()}`)} — {t('profile.languageHelp')}
          </Text>
        </div>
        <Button type="submit" loading={save.isPending} w="fit-content">
          {t('common.save')}
        </Button>
      </Stack>
    </form>
  );
}
