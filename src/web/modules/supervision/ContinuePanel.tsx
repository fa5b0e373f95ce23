import { Button, Group, NativeSelect, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { type ContinueKind, continueKinds, type ProcessDetail, processLimits, processRoutes } from '../../../shared/processes';
import { call } from '../../app/api';
import { applyFieldErrors, ErrorAlert } from '../../app/forms';
import { notifySuccess } from '../../app/notify';
import { useServiceName } from '../../app/service-name';
import { useSupervisionError } from './hooks';
import { useEnumLabels } from './labels';
import { keys, paths, useServices } from './queries';
import { Section } from './Section';

/** Continue a crisis process as ordinary supervision, keeping its history. */
export function ContinuePanel({ process }: { process: ProcessDetail }) {
  const { t } = useTranslation('supervision');
  const serviceName = useServiceName();
  const labels = useEnumLabels();
  const errorText = useSupervisionError();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const services = useServices();
  const form = useForm({
    mode: 'controlled',
    initialValues: { kind: (process.kind === 'crisis_group' ? 'group' : 'individual') as ContinueKind, serviceId: '', title: '' },
    validate: {
      kind: (v) => (v ? null : t('validation.required')),
      serviceId: (v) => (v ? null : t('validation.required')),
    },
  });
  const choices = (services.data?.items ?? []).filter((s) => s.active && s.kind === form.values.kind);
  const go = useMutation({
    mutationFn: (values: typeof form.values) =>
      call(processRoutes.continue, {
        params: { id: process.id },
        body: {
          kind: values.kind,
          serviceId: values.serviceId,
          ...(values.title.trim() ? { title: values.title.trim() } : {}),
        },
      }),
    onSuccess: (created) => {
      notifySuccess(t('continue.done', { title: created.title }));
      void queryClient.invalidateQueries({ queryKey: keys.process(process.id) });
      void queryClient.invalidateQueries({ queryKey: ['supervision', 'processes'] });
      navigate(paths.process(created.id));
    },
    onError: (error) => applyFieldErrors(form, error),
  });
  return (
    <Section id="process-continue" title={t('continue.title')}>
      <form onSubmit={form.onSubmit((values) => go.mutate(values))} noValidate>
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            {t('continue.intro')}
          </Text>
          <ErrorAlert error={go.error} form={form} message={errorText(go.error)} />
          <ErrorAlert error={services.error} />
          <Group align="flex-start" gap="sm" grow preventGrowOverflow={false} wrap="wrap">
            <NativeSelect
              label={t('continue.kind')}
              required
              miw={200}
              {...form.getInputProps('kind')}
              onChange={(e) => {
                form.setFieldValue('kind', e.currentTarget.value as ContinueKind);
                form.setFieldValue('serviceId', '');
              }}
            >
              {continueKinds.map((k) => (
                <option key={k} value={k}>
                  {labels.kind(k)}
                </option>
              ))}
            </NativeSelect>
            <NativeSelect label={t('process.service')} required miw={260} {...form.getInputProps('serviceId')}>
              <option value="">{t('common.choose')}</option>
              {choices.map((s) => (
                <option key={s.id} value={s.id}>
                  {serviceName(s.names)}
                </option>
              ))}
            </NativeSelect>
          </Group>
          <TextInput
            label={t('continue.newTitle')}
            description={t('continue.newTitleHelp')}
            maxLength={processLimits.nameMax}
            {...form.getInputProps('title')}
          />
          <Button type="submit" loading={go.isPending} w="fit-content">
            {t('continue.submit')}
          </Button>
        </Stack>
      </form>
    </Section>
  );
}
