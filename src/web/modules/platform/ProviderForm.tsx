import { Button, Group, NativeSelect, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { email } from '../../../shared/schemas';
import { type Country, countries, nameMax, providerRoutes, slug as slugSchema } from '../../../shared/tenancy';
import { call } from '../../app/api';
import { applyFieldErrors, ErrorAlert } from '../../app/forms';
import { notifySuccess } from '../../app/notify';

interface Values {
  name: string;
  slug: string;
  country: string;
  adminEmail: string;
}

/** "Työterveys Pohjola Oy" → "tyoterveys-pohjola-oy" */
export function slugify(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[øØ]/g, 'o')
    .replace(/[æÆ]/g, 'ae')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
}

export function ProviderForm() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: { name: '', slug: '', country: '', adminEmail: '' },
    validate: {
      name: (v) => (v.trim() ? null : t('validation.required')),
      slug: (v) => (slugSchema.safeParse(v).success ? null : t('providers.slugInvalid')),
      country: (v) => (v ? null : t('validation.required')),
      adminEmail: (v) => (email.safeParse(v).success ? null : t('validation.email')),
    },
  });
  const create = useMutation({
    mutationFn: (values: Values) =>
      call(providerRoutes.create, {
        body: { name: values.name.trim(), slug: values.slug, country: values.country as Country, adminEmail: values.adminEmail.trim() },
      }),
    onSuccess: (_, values) => {
      notifySuccess(t('providers.created', { name: values.name.trim(), email: values.adminEmail.trim() }));
      form.reset();
      void queryClient.invalidateQueries({ queryKey: ['platform', 'providers'] });
    },
    onError: (error) => applyFieldErrors(form, error),
  });

  const nameProps = form.getInputProps('name');
  return (
    <form onSubmit={form.onSubmit((values) => create.mutate(values))} noValidate>
      <Stack gap="sm">
        <ErrorAlert error={create.error} form={form} />
        <Group align="flex-start" gap="sm" grow preventGrowOverflow={false} wrap="wrap">
          <TextInput
            label={t('providers.name')}
            required
            maxLength={nameMax}
            miw={220}
            {...nameProps}
            onChange={(e) => {
              const name = e.currentTarget.value;
              // Keep the slug following the name until it is edited by hand.
              if (!form.isDirty('slug') || form.values.slug === slugify(form.values.name)) {
                form.setFieldValue('slug', slugify(name));
              }
              form.setFieldValue('name', name);
            }}
          />
          <TextInput label={t('providers.slug')} description={t('providers.slugHelp')} required miw={200} {...form.getInputProps('slug')} />
        </Group>
        <Group align="flex-start" gap="sm" grow preventGrowOverflow={false} wrap="wrap">
          <NativeSelect label={t('providers.country')} required miw={180} {...form.getInputProps('country')}>
            <option value="">{t('common.choose')}</option>
            {countries.map((c) => (
              <option key={c} value={c}>
                {t(`countries.${c}`)}
              </option>
            ))}
          </NativeSelect>
          <TextInput
            label={t('providers.adminEmail')}
            description={t('providers.adminEmailHelp')}
            type="email"
            autoComplete="off"
            required
            miw={220}
            {...form.getInputProps('adminEmail')}
          />
        </Group>
        <Button type="submit" loading={create.isPending} w="fit-content">
          {t('providers.create')}
        </Button>
      </Stack>
    </form>
  );
}
