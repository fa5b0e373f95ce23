import { Alert, Anchor, Button, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { authRoutes } from '../../../shared/auth';
import { email } from '../../../shared/schemas';
import { call } from '../../app/api';
import { applyFieldErrors, ErrorAlert } from '../../app/forms';
import { AuthLayout } from './AuthLayout';

export function ForgotPasswordPage() {
  const { t } = useTranslation();
  const form = useForm({
    mode: 'controlled',
    initialValues: { email: '' },
    validate: { email: (v) => (email.safeParse(v).success ? null : t('validation.email')) },
  });
  const request = useMutation({
    mutationFn: ({ email }: typeof form.values) => call(authRoutes.requestPasswordReset, { body: { email: email.trim() } }),
    onError: (error) => applyFieldErrors(form, error),
  });

  return (
    <AuthLayout title={t('auth.forgot.title')}>
      {request.isSuccess ? (
        <Alert color="green" variant="light" role="status" title={t('auth.forgot.sentTitle')}>
          {t('auth.forgot.sent')}
        </Alert>
      ) : (
        <>
          <Text>{t('auth.forgot.intro')}</Text>
          <ErrorAlert error={request.error} form={form} />
          <form onSubmit={form.onSubmit((values) => request.mutate(values))} noValidate>
            <Stack gap="sm">
              <TextInput label={t('auth.email')} type="email" autoComplete="email" required {...form.getInputProps('email')} />
              <Button type="submit" loading={request.isPending} w="fit-content">
                {t('auth.forgot.submit')}
              </Button>
            </Stack>
          </form>
        </>
      )}
      <Anchor component={Link} to="/sign-in" size="sm">
        {t('auth.backToSignIn')}
      </Anchor>
    </AuthLayout>
  );
}
