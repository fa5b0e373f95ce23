import { Alert, Button, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { meRoutes } from '../../../shared/auth';
import { call, refreshCsrfToken } from '../../app/api';
import { applyFieldErrors, ErrorAlert, Password } from '../../app/forms';
import { NewPasswordFields, newPasswordRules } from '../auth/NewPasswordFields';

const ALIASES = { newPassword: 'password' };

export function PasswordForm() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useForm({
    mode: 'controlled',
    initialValues: { currentPassword: '', password: '', repeat: '' },
    validate: {
      currentPassword: (v) => (v ? null : t('validation.required')),
      ...newPasswordRules(t),
    },
  });
  const change = useMutation({
    mutationFn: (values: typeof form.values) =>
      call(meRoutes.changePassword, { body: { currentPassword: values.currentPassword, newPassword: values.password } }),
    onSuccess: async () => {
      form.reset();
      await refreshCsrfToken();
      void queryClient.invalidateQueries({ queryKey: ['me', 'sessions'] });
    },
    onError: (error) => applyFieldErrors(form, error, ALIASES),
  });

  return (
    <form onSubmit={form.onSubmit((values) => change.mutate(values))} noValidate>
      <Stack gap="sm" maw={480}>
        {change.isSuccess && (
          <Alert color="green" variant="light" role="status">
            {t('profile.passwordChanged')}
          </Alert>
        )}
        <ErrorAlert error={change.error} form={form} aliases={ALIASES} />
        <Password
          label={t('profile.currentPassword')}
          autoComplete="current-password"
          required
          {...form.getInputProps('currentPassword')}
        />
        <NewPasswordFields form={form} />
        <Button type="submit" loading={change.isPending} w="fit-content">
          {t('profile.changePassword')}
        </Button>
      </Stack>
    </form>
  );
}
