import { Anchor, Button, Paper, Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { type IntakeRequest, intakeApi, type PortalRequestBody, type RequestKind } from '../../../shared/intake';
import { call } from '../../app/api';
import { useFormat } from '../../app/format-hooks';
import { useSession } from '../../app/session';
import { usePageTitle } from '../../app/usePageTitle';
import { REQUESTS_KEY, useMyRequests } from './hooks';
import { RequestConfirmation } from './RequestConfirmation';
import { RequestForm } from './RequestForm';

/** `/requests/new`: a signed-in client contact asks for support for their organisation. */
export function PortalRequestPage() {
  const { t } = useTranslation('intake');
  const [params] = useSearchParams();
  const format = useFormat();
  const queryClient = useQueryClient();
  const { data: session } = useSession();
  const [sent, setSent] = useState<IntakeRequest | null>(null);
  const mine = useMyRequests();
  usePageTitle(t('portal.newTitle'));
  const membership = session?.memberships.find((m) => m.providerId === session.providerId && m.role === 'client_contact');
  const kind = params.get('kind');
  const initialKind: RequestKind | null = kind === 'crisis' || kind === 'service' ? kind : null;

  const submit = async (body: PortalRequestBody) => {
    const created = await call(intakeApi.submitPortal, { body });
    await queryClient.invalidateQueries({ queryKey: REQUESTS_KEY });
    setSent(created);
  };

  return (
    <Stack gap="lg" maw={720}>
      <Anchor component={Link} to="/requests" size="sm">
        {t('portal.back')}
      </Anchor>
      <Title order={1}>{t('portal.newTitle')}</Title>
      <Paper withBorder p={{ base: 'md', sm: 'lg' }}>
        {sent ? (
          <RequestConfirmation kind={sent.kind} email={sent.contactEmail} targetMinutes={mine.data?.targetMinutes}>
            <Button component={Link} to="/requests">
              {t('portal.toList')}
            </Button>
          </RequestConfirmation>
        ) : (
          <Stack gap="md">
            <Text>{t('portal.intro', { provider: membership?.providerName ?? '' })}</Text>
            <RequestForm
              mode="portal"
              providerName={membership?.providerName ?? ''}
              organisationName={membership?.organisationName}
              initialKind={initialKind}
              initialContact={{ name: session?.user.name, email: session?.user.email }}
              timeZone={format.timeZone}
              onSubmit={submit}
            />
          </Stack>
        )}
      </Paper>
    </Stack>
  );
}
