import { Button, Paper, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Invitation, invitationRoutes } from '../../../shared/tenancy';
import { call } from '../../app/api';
import { ConfirmModal } from '../../app/components';
import { DataTable } from '../../app/DataTable';
import { useFormat } from '../../app/format-hooks';
import { ErrorAlert } from '../../app/forms';
import { PageLoader } from '../../app/guards';
import { useLabels } from '../../app/labels';
import { notifySuccess } from '../../app/notify';
import { usePageTitle } from '../../app/usePageTitle';
import { InviteForm } from './InviteForm';

export function InvitationsPage() {
  const { t } = useTranslation();
  const labels = useLabels();
  const format = useFormat();
  const queryClient = useQueryClient();
  usePageTitle(t('invitations.title'));
  const [revoking, setRevoking] = useState<Invitation | null>(null);

  const pending = useQuery({
    queryKey: ['invitations', 'pending'],
    queryFn: () => call(invitationRoutes.list, { query: { status: 'pending' } }),
  });
  const revoke = useMutation({
    mutationFn: (invitation: Invitation) => call(invitationRoutes.revoke, { params: { id: invitation.id } }),
    onSuccess: (_, invitation) => {
      notifySuccess(t('invitations.revoked', { email: invitation.email }));
      setRevoking(null);
      void queryClient.invalidateQueries({ queryKey: ['invitations'] });
    },
  });

  return (
    <Stack gap="lg">
      <Title order={1}>{t('invitations.title')}</Title>
      <section aria-labelledby="invite-new">
        <Paper withBorder p="md">
          <Title order={2} size="h3" id="invite-new" mb="sm">
            {t('invitations.new')}
          </Title>
          <InviteForm />
        </Paper>
      </section>
      <section aria-labelledby="invite-pending">
        <Title order={2} size="h3" id="invite-pending" mb="sm">
          {t('invitations.pending')}
        </Title>
        {pending.isPending && <PageLoader />}
        <ErrorAlert error={pending.error} />
        {pending.data &&
          (pending.data.items.length === 0 ? (
            <Text>{t('invitations.none')}</Text>
          ) : (
            <DataTable
              rows={pending.data.items}
              rowKey={(inv) => inv.id}
              label={t('invitations.title')}
              minWidth={720}
              testId="invitations-table"
              columns={[
                { key: 'email', header: t('auth.email'), primary: true, cell: (inv) => inv.email },
                { key: 'role', header: t('invitations.role'), cell: (inv) => labels.role(inv.role) },
                { key: 'organisation', header: t('invitations.organisation'), cell: (inv) => inv.organisationName ?? '—' },
                { key: 'sent', header: t('invitations.sentAt'), cell: (inv) => format.dateTime(inv.createdAt) },
                { key: 'expires', header: t('invitations.expiresAt'), cell: (inv) => format.dateTime(inv.expiresAt) },
                {
                  key: 'actions',
                  header: <VisuallyHidden>{t('common.actions')}</VisuallyHidden>,
                  action: true,
                  cell: (inv) => (
                    <Button size="xs" variant="subtle" color="red" onClick={() => setRevoking(inv)}>
                      {t('invitations.revoke')}
                      <VisuallyHidden>{` ${inv.email}`}</VisuallyHidden>
                    </Button>
                  ),
                },
              ]}
            />
          ))}
      </section>
      <ConfirmModal
        opened={revoking !== null}
        title={t('invitations.revokeTitle')}
        confirmLabel={t('invitations.revoke')}
        loading={revoke.isPending}
        onClose={() => {
          setRevoking(null);
          revoke.reset();
        }}
        onConfirm={() => revoking && revoke.mutate(revoking)}
      >
        <Text>{t('invitations.revokeConfirm', { email: revoking?.email ?? '' })}</Text>
        <ErrorAlert error={revoke.error} />
      </ConfirmModal>
    </Stack>
  );
}
