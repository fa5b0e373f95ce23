import { Alert, Button, Code, Image, List, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router-dom';
import { authRoutes } from '../../../shared/auth';
import { call, isApiError, refreshCsrfToken } from '../../app/api';
import { applyFieldErrors, ErrorAlert } from '../../app/forms';
import { PageLoader } from '../../app/guards';
import { pathForStage, reloadSession, safeReturnTo, useSession } from '../../app/session';
import { AuthLayout } from './AuthLayout';
import { normaliseCode } from './MfaPage';

const ENROL_KEY = ['mfa-enrol-start'] as const;

function RecoveryCodes({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  const { t } = useTranslation();
  return (
    <Stack gap="md">
      <Alert color="yellow" variant="light" title={t('mfa.enrol.codesTitle')}>
        {t('mfa.enrol.codesIntro')}
      </Alert>
      <List data-testid="recovery-codes" spacing={4} ff="monospace" listStyleType="none" aria-label={t('mfa.enrol.codesTitle')}>
        {codes.map((code) => (
          <List.Item key={code}>
            <Code fz="md">{code}</Code>
          </List.Item>
        ))}
      </List>
      <Button onClick={onDone} w="fit-content">
        {t('mfa.enrol.saved')}
      </Button>
    </Stack>
  );
}

export function MfaEnrolPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [params] = useSearchParams();
  const returnTo = safeReturnTo(params.get('returnTo'));
  const { data: session, isPending } = useSession();
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);

  const allowed = Boolean(
    session && (session.stage === 'mfa-enrolment-required' || (session.stage === 'signed-in' && !session.user.totpEnabled)),
  );

  const start = useQuery({
    queryKey: ENROL_KEY,
    queryFn: () => call(authRoutes.startEnrolment),
    enabled: allowed && !recoveryCodes,
    staleTime: Number.POSITIVE_INFINITY,
    retry: false,
  });

  const form = useForm({
    mode: 'controlled',
    initialValues: { code: '' },
    validate: { code: (v) => (/^\d{6}$/.test(normaliseCode(v)) ? null : t('validation.totp')) },
  });

  const confirm = useMutation({
    mutationFn: ({ code }: typeof form.values) => call(authRoutes.confirmEnrolment, { body: { code: normaliseCode(code) } }),
    onSuccess: async (result) => {
      setRecoveryCodes(result.recoveryCodes);
      queryClient.removeQueries({ queryKey: ENROL_KEY });
      await refreshCsrfToken();
    },
    onError: (error) => {
      form.setFieldValue('code', '');
      applyFieldErrors(form, error);
    },
  });

  const done = async () => {
    await reloadSession(queryClient);
    navigate(returnTo ?? '/', { replace: true });
  };

  if (recoveryCodes) {
    return (
      <AuthLayout title={t('mfa.enrol.title')}>
        <RecoveryCodes codes={recoveryCodes} onDone={() => void done()} />
      </AuthLayout>
    );
  }
  if (isPending) return <PageLoader />;
  if (!session) return <Navigate to="/sign-in" replace />;
  if (!allowed) return <Navigate to={pathForStage(session.stage, returnTo)} replace />;

  const wrongCode = isApiError(confirm.error) && confirm.error.fields.length === 0 && [400, 401, 422].includes(confirm.error.status);

  return (
    <AuthLayout title={t('mfa.enrol.title')}>
      <Text>{t('mfa.enrol.intro')}</Text>
      {start.isPending && <PageLoader />}
      {start.error && <ErrorAlert error={start.error} />}
      {start.data && (
        <Stack gap="md">
          <Title order={2} size="h4">
            {t('mfa.enrol.step1')}
          </Title>
          <Image src={start.data.qrDataUrl} alt={t('mfa.enrol.qrAlt')} w={200} h={200} fit="contain" />
          <Text size="sm">{t('mfa.enrol.manual')}</Text>
          <Code block data-testid="totp-secret" fz="md" style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' }}>
            {start.data.secret}
          </Code>
          <Title order={2} size="h4">
            {t('mfa.enrol.step2')}
          </Title>
          {confirm.error &&
            (wrongCode ? (
              <ErrorAlert error={confirm.error} message={t('mfa.verify.invalid')} />
            ) : (
              <ErrorAlert error={confirm.error} form={form} />
            ))}
          <form onSubmit={form.onSubmit((values) => confirm.mutate(values))} noValidate>
            <Stack gap="sm">
              <TextInput
                label={t('mfa.enrol.code')}
                autoComplete="one-time-code"
                inputMode="numeric"
                maxLength={7}
                required
                {...form.getInputProps('code')}
              />
              <Button type="submit" loading={confirm.isPending} w="fit-content">
                {t('mfa.enrol.submit')}
              </Button>
            </Stack>
          </form>
        </Stack>
      )}
    </AuthLayout>
  );
}
