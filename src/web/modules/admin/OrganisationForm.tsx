import { Button, Group, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { businessIdMax, nameMax } from '../../../shared/tenancy';
import { applyFieldErrors, ErrorAlert } from '../../app/forms';

export interface OrganisationValues {
  name: string;
  businessId: string;
}

/** Name + business ID; used both to create and to edit an organisation. */
export function OrganisationForm({
  initial = { name: '', businessId: '' },
  submitLabel,
  onSubmit,
  resetOnSuccess = false,
}: {
  initial?: OrganisationValues;
  submitLabel: string;
  onSubmit: (values: { name: string; businessId?: string | null }) => Promise<unknown>;
  resetOnSuccess?: boolean;
}) {
  const { t } = useTranslation();
  const form = useForm<OrganisationValues>({
    mode: 'controlled',
    initialValues: initial,
    validate: { name: (v) => (v.trim() ? null : t('validation.required')) },
  });
  const save = useMutation({
    mutationFn: (values: OrganisationValues) => onSubmit({ name: values.name.trim(), businessId: values.businessId.trim() || undefined }),
    onSuccess: () => {
      if (resetOnSuccess) form.reset();
      else form.resetDirty();
    },
    onError: (error) => applyFieldErrors(form, error),
  });
  return (
    <form onSubmit={form.onSubmit((values) => save.mutate(values))} noValidate>
      <Stack gap="sm">
        <ErrorAlert error={save.error} form={form} />
        <Group align="flex-start" gap="sm" grow preventGrowOverflow={false} wrap="wrap">
          <TextInput label={t('organisations.name')} required maxLength={nameMax} miw={220} {...form.getInputProps('name')} />
          <TextInput
            label={t('organisations.businessId')}
            description={t('organisations.businessIdHelp')}
            maxLength={businessIdMax}
            miw={180}
            {...form.getInputProps('businessId')}
          />
        </Group>
        <Button type="submit" loading={save.isPending} w="fit-content">
          {submitLabel}
        </Button>
      </Stack>
    </form>
  );
}
