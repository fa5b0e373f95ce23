import { Alert, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router-dom';
import { intakeApi, type PublicRequestBody, type RequestKind } from '../../../shared/intake';
import { call, isApiError } from '../../app/api';
import { useFormat } from '../../app/format-hooks';
import { ErrorAlert } from '../../app/forms';
import { PageLoader } from '../../app/guards';
import { usePageTitle } from '../../app/usePageTitle';
import { RequestConfirmation } from './RequestConfirmation';
import { RequestForm } from './RequestForm';

function kindFrom(value: string | null): RequestKind | null {
  return value === 'crisis' || value === 'service' ? value : null;
}

/** `/request/:slug`: anyone can ask the provider for support, no account needed. */
export function PublicRequestPage() {
  const { t } = useTranslation('intake');
  const { slug = '' } = useParams();
  const [params] = useSearchParams();
  const format = useFormat();
  const [sent, setSent] = useState<{ kind: RequestKind; email: string } | null>(null);
  const [formKey, setFormKey] = useState(0);
  const provider = useQuery({
    queryKey: ['public-provider', slug],
    queryFn: () => call(intakeApi.publicProvider, { params: { slug } }),
    staleTime: 5 * 60_000,
  });
  const name = provider.data?.name ?? '';
  usePageTitle(name ? t('public.title', { provider: name }) : t('public.titlePlain'));

  const submit = async (body: PublicRequestBody) => {
    await call(intakeApi.submitPublic, { params: { slug }, body });
    setSent({ kind: body.kind, email: body.contactEmail });
  };

  if (provider.isPending) return <PageLoader />;
  if (isApiError(provider.error) && provider.error.status === 404) {
    return (
      <Stack>
        <Title order={1}>{t('public.notFoundTitle')}</Title>
        <Text>{t('public.notFound')}</Text>
      </Stack>
    );
  }

  return (
    <Stack gap="lg" maw={720}>
      <Title order={1}>{name ? t('public.title', { provider: name }) : t('public.titlePlain')}</Title>
      <ErrorAlert error={provider.error} />
      {provider.data && (
        <Paper withBorder p={{ base: 'md', sm: 'lg' }}>
          {sent ? (
            <RequestConfirmation
              kind={sent.kind}
              email={sent.email}
              targetMinutes={provider.data.firstContactTargetMinutes}
              onAnother={() => {
                setSent(null);
                setFormKey((k) => k + 1);
              }}
            />
          ) : (
            <Stack gap="md">
              <Text>{t('public.intro', { provider: name })}</Text>
              <Alert color="blue" variant="light">
                {t('public.noAccount')}
              </Alert>
              <RequestForm
                key={formKey}
                mode="public"
                providerName={name}
                privacyNoticeVersion={provider.data.privacyNoticeVersion}
                initialKind={kindFrom(params.get('kind'))}
                timeZone={format.timeZone}
                onSubmit={submit}
              />
            </Stack>
          )}
        </Paper>
      )}
    </Stack>
  );
}
