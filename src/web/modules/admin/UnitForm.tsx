import { Button, Group, NativeSelect, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { nameMax, type Organisation, organisationRoutes } from '../../../shared/tenancy';
import { call } from '../../app/api';
import { applyFieldErrors, ErrorAlert } from '../../app/forms';
import { notifySuccess } from '../../app/notify';
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
      call(organisationRoutes.createUnit, {
        params: { id: organisation.id },
        body: { name: values.name.trim(), ...(values.parentId ? { parentId: values.parentId } : {}) },
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
          <TextInput label={t('organisations.unitName')} required maxLength={nameMax} miw={220} {...form.getInputProps('name')} />
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
