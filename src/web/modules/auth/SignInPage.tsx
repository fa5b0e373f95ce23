import { Anchor, Button, Group, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router-dom';
import { authRoutes } from '../../../shared/auth';
import { email } from '../../../shared/schemas';
import { call, isApiError, refreshCsrfToken } from '../../app/api';
import { applyFieldErrors, ErrorAlert, Password } from '../../app/forms';
import { PageLoader } from '../../app/guards';
import { useOutbox } from '../../app/outbox';
import { pathForStage, reloadSession, safeReturnTo, useSession } from '../../app/session';
import { AuthLayout } from './AuthLayout';

export function SignInPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [params] = useSearchParams();
  const returnTo = safeReturnTo(params.get('returnTo'));
  const { data: session, isPending } = useSession();
  const { data: outbox } = useOutbox();

  const form = useForm({
    mode: 'controlled',
    initialValues: { email: '', password: '' },
    validate: {
      email: (v) => (email.safeParse(v).success ? null : t('validation.email')),
      password: (v) => (v ? null : t('validation.required')),
    },
  });

  const signIn = useMutation({
    mutationFn: (values: typeof form.values) =>
      call(authRoutes.signIn, { body: { email: values.email.trim(), password: values.password } }),
    onSuccess: async ({ stage }) => {
      await refreshCsrfToken();
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== 'session' });
      await reloadSession(queryClient);
      navigate(pathForStage(stage, returnTo), { replace: true });
    },
    onError: (error) => {
      form.setFieldValue('password', '');
      applyFieldErrors(form, error);
    },
  });

  if (isPending) return <PageLoader />;
  if (session && !signIn.isPending && !signIn.isSuccess) {
    return <Navigate to={pathForStage(session.stage, returnTo)} replace />;
  }

  const error = signIn.error;
  const invalidCredentials = isApiError(error) && (error.status === 401 || error.code === 'invalid_credentials');

  return (
    <AuthLayout title={t('auth.signIn.title')}>
      {error &&
        (invalidCredentials ? (
          <ErrorAlert error={error} title={t('errorTitles.invalid_credentials')} message={t('auth.signIn.invalidHelp')} />
        ) : (
          <ErrorAlert error={error} form={form} />
        ))}
      <form onSubmit={form.onSubmit((values) => signIn.mutate(values))} noValidate>
        <Stack gap="sm">
          <TextInput label={t('auth.email')} type="email" autoComplete="username" required {...form.getInputProps('email')} />
          <Password label={t('auth.password')} autoComplete="current-password" required {...form.getInputProps('password')} />
          <Group justify="space-between" mt="xs">
            <Anchor component={Link} to="/forgot-password" size="sm">
              {t('auth.signIn.forgot')}
            </Anchor>
            <Button type="submit" loading={signIn.isPending}>
              {t('auth.signIn.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
      {outbox && (
        <Anchor component={Link} to="/dev/outbox" size="sm">
          {t('auth.signIn.outbox')}
        </Anchor>
      )}
    </AuthLayout>
  );
}
