import { Button, Group, NativeSelect, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api';
import { applyFieldErrors, ErrorAlert } from '../../app/forms';
import { notifySuccess } from '../../app/notify';
import type { Organisation, Unit } from '../../app/types';
import { flattenUnits } from './UnitTree';

export function UnitForm({ organisation }: { organisation: Organisation }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useForm({
    mode: 'controlled',
    initialValues: { name: '', parentId: '' },
    validate: { name: (v) => (v.trim() ? null : t('validation.required')) },
  });
  const add = useMutation({
    mutationFn: (values: typeof form.values) =>
      api.post<Unit>(`/api/organisations/${encodeURIComponent(organisation.id)}/units`, {
        name: values.name.trim(),
        ...(values.parentId ? { parentId: values.parentId } : {}),
      }),
    onSuccess: (_, values) => {
      notifySuccess(t('organisations.unitAdded', { name: values.name.trim() }));
      form.reset();
      void queryClient.invalidateQueries({ queryKey: ['organisations'] });
    },
    onError: (error) => applyFieldErrors(form, error),
  });
  return (
    <form onSubmit={form.onSubmit((values) => add.mutate(values))} noValidate>
      <Stack gap="sm">
        <ErrorAlert error={add.error} form={form} />
        <Group align="flex-start" gap="sm" grow preventGrowOverflow={false} wrap="wrap">
          <TextInput label={t('organisations.unitName')} required miw={220} {...form.getInputProps('name')} />
          <NativeSelect label={t('organisations.parentUnit')} miw={200} {...form.getInputProps('parentId')}>
            <option value="">{t('organisations.noParent')}</option>
            {flattenUnits(organisation.units).map(({ unit, depth }) => (
              <option key={unit.id} value={unit.id}>
                {`${'\u2003'.repeat(depth)}${unit.name}`}
              </option>
            ))}
          </NativeSelect>
        </Group>
        <Button type="submit" loading={add.isPending} w="fit-content">
          {t('organisations.addUnit')}
        </Button>
      </Stack>
    </form>
  );
}
