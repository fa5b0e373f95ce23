import { Button, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router-dom';
import { authRoutes } from '../../../shared/auth';
import { call, isApiError, refreshCsrfToken } from '../../app/api';
import { applyFieldErrors, ErrorAlert } from '../../app/forms';
import { PageLoader } from '../../app/guards';
import { pathForStage, reloadSession, safeReturnTo, useSession } from '../../app/session';
import { AuthLayout } from './AuthLayout';

/** "123 456" → "123456"; recovery codes are kept as typed (trimmed). */
export function normaliseCode(code: string): string {
  const trimmed = code.trim();
  return /^\d{3}[\s-]?\d{3}$/.test(trimmed) ? trimmed.replace(/[\s-]/, '') : trimmed;
}

export function MfaPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [params] = useSearchParams();
  const returnTo = safeReturnTo(params.get('returnTo'));
  const { data: session, isPending } = useSession();

  const form = useForm({
    mode: 'controlled',
    initialValues: { code: '' },
    validate: { code: (v) => (v.trim() ? null : t('validation.required')) },
  });

  const verify = useMutation({
    mutationFn: ({ code }: typeof form.values) => call(authRoutes.verifyMfa, { body: { code: normaliseCode(code) } }),
    onSuccess: async ({ stage }) => {
      await refreshCsrfToken();
      await reloadSession(queryClient);
      navigate(pathForStage(stage, returnTo), { replace: true });
    },
    onError: (error) => {
      form.setFieldValue('code', '');
      applyFieldErrors(form, error);
    },
  });

  if (isPending) return <PageLoader />;
  if (!session) return <Navigate to="/sign-in" replace />;
  if (session.stage !== 'mfa-required' && !verify.isPending && !verify.isSuccess) {
    return <Navigate to={pathForStage(session.stage, returnTo)} replace />;
  }

  const wrongCode = isApiError(verify.error) && [400, 401, 422].includes(verify.error.status) && verify.error.fields.length === 0;

  return (
    <AuthLayout title={t('mfa.verify.title')}>
      <Text>{t('mfa.verify.intro')}</Text>
      {verify.error &&
        (wrongCode ? (
          <ErrorAlert error={verify.error} message={t('mfa.verify.invalid')} />
        ) : (
          <ErrorAlert error={verify.error} form={form} />
        ))}
      <form onSubmit={form.onSubmit((values) => verify.mutate(values))} noValidate>
        <Stack gap="sm">
          <TextInput
            label={t('mfa.verify.code')}
            description={t('mfa.verify.codeHelp')}
            autoComplete="one-time-code"
            autoCapitalize="off"
            spellCheck={false}
            required
            data-autofocus
            {...form.getInputProps('code')}
          />
          <Button type="submit" loading={verify.isPending} w="fit-content">
            {t('mfa.verify.submit')}
          </Button>
        </Stack>
      </form>
    </AuthLayout>
  );
}
