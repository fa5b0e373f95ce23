import { Alert, Anchor, Button, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { authRoutes } from '../../../shared/auth';
import { call, isApiError } from '../../app/api';
import { applyFieldErrors, ErrorAlert } from '../../app/forms';
import { AuthLayout } from './AuthLayout';
import { NewPasswordFields, type NewPasswordValues, newPasswordRules } from './NewPasswordFields';

export function ResetPasswordPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';

  const form = useForm<NewPasswordValues>({
    mode: 'controlled',
    initialValues: { password: '', repeat: '' },
    validate: newPasswordRules(t),
  });
  const complete = useMutation({
    mutationFn: ({ password }: NewPasswordValues) => call(authRoutes.completePasswordReset, { body: { token, password } }),
    onError: (error) => applyFieldErrors(form, error),
  });

  const badToken = !token || (isApiError(complete.error) && complete.error.status === 422);

  return (
    <AuthLayout title={t('auth.reset.title')}>
      {complete.isSuccess ? (
        <Stack gap="sm">
          <Alert color="green" variant="light" role="status">
            {t('auth.reset.done')}
          </Alert>
          <Anchor component={Link} to="/sign-in">
            {t('auth.reset.signIn')}
          </Anchor>
        </Stack>
      ) : badToken ? (
        <Stack gap="sm">
          <Alert color="red" variant="light" role="alert" title={t('auth.reset.invalidTitle')}>
            {t('auth.reset.invalid')}
          </Alert>
          <Anchor component={Link} to="/forgot-password">
            {t('auth.reset.requestNew')}
          </Anchor>
        </Stack>
      ) : (
        <>
          <ErrorAlert error={complete.error} form={form} />
          <form onSubmit={form.onSubmit((values) => complete.mutate(values))} noValidate>
            <Stack gap="sm">
              <NewPasswordFields form={form} />
              <Button type="submit" loading={complete.isPending} w="fit-content">
                {t('auth.reset.submit')}
              </Button>
            </Stack>
          </form>
        </>
      )}
    </AuthLayout>
  );
}
