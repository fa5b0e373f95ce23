import { Button, Group, NativeSelect, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { clientSideRoles, type Role } from '../../../shared/roles';
import { email } from '../../../shared/schemas';
import { invitationRoutes } from '../../../shared/tenancy';
import { call } from '../../app/api';
import { applyFieldErrors, ErrorAlert } from '../../app/forms';
import { notifySuccess } from '../../app/notify';
import { RoleOptions } from './RoleOptions';
import { useOrganisation, useOrganisationOptions } from './useOrganisations';

interface Values {
  email: string;
  role: string;
  organisationId: string;
  unitId: string;
}

function needsOrganisation(role: string) {
  return clientSideRoles.includes(role as Role);
}

export function InviteForm() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const organisations = useOrganisationOptions();
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: { email: '', role: '', organisationId: '', unitId: '' },
    validate: {
      email: (v) => (email.safeParse(v).success ? null : t('validation.email')),
      role: (v) => (v ? null : t('validation.required')),
      organisationId: (v, values) => (needsOrganisation(values.role) && !v ? t('invitations.organisationRequired') : null),
    },
  });
  const organisation = useOrganisation(form.values.organisationId || null);
  const orgRequired = needsOrganisation(form.values.role);

  const invite = useMutation({
    mutationFn: (values: Values) =>
      call(invitationRoutes.create, {
        body: {
          email: values.email.trim(),
          role: values.role as Role,
          ...(values.organisationId ? { organisationId: values.organisationId } : {}),
          ...(values.unitId ? { unitId: values.unitId } : {}),
        },
      }),
    onSuccess: (invitation) => {
      notifySuccess(t('invitations.sent', { email: invitation?.email ?? form.values.email }));
      form.reset();
      void queryClient.invalidateQueries({ queryKey: ['invitations'] });
    },
    onError: (error) => applyFieldErrors(form, error),
  });

  return (
    <form onSubmit={form.onSubmit((values) => invite.mutate(values))} noValidate>
      <Stack gap="sm">
        <ErrorAlert error={invite.error} form={form} />
        <Group align="flex-start" gap="sm" grow preventGrowOverflow={false} wrap="wrap">
          <TextInput label={t('auth.email')} type="email" autoComplete="off" required miw={220} {...form.getInputProps('email')} />
          <NativeSelect label={t('invitations.role')} required miw={180} {...form.getInputProps('role')}>
            <option value="">{t('common.choose')}</option>
            <RoleOptions />
          </NativeSelect>
        </Group>
        <Group align="flex-start" gap="sm" grow preventGrowOverflow={false} wrap="wrap">
          <NativeSelect
            label={t('invitations.organisation')}
            description={orgRequired ? t('invitations.organisationRequired') : t('invitations.organisationOptional')}
            required={orgRequired}
            miw={220}
            {...form.getInputProps('organisationId')}
            onChange={(e) => {
              form.setFieldValue('organisationId', e.currentTarget.value);
              form.setFieldValue('unitId', '');
            }}
          >
            <option value="">{t('invitations.noOrganisation')}</option>
            {(organisations.data ?? []).map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </NativeSelect>
          <NativeSelect
            label={t('invitations.unit')}
            description={t('invitations.unitOptional')}
            disabled={!form.values.organisationId || !organisation.data?.units.length}
            miw={180}
            {...form.getInputProps('unitId')}
          >
            <option value="">{t('invitations.noUnit')}</option>
            {(organisation.data?.units ?? []).map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </NativeSelect>
        </Group>
        <Button type="submit" loading={invite.isPending} w="fit-content">
          {t('invitations.send')}
        </Button>
      </Stack>
    </form>
  );
}
