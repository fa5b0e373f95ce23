import { Button, Paper, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api';
import { ConfirmModal, ScrollTable } from '../../app/components';
import { useFormat } from '../../app/format-hooks';
import { ErrorAlert } from '../../app/forms';
import { PageLoader } from '../../app/guards';
import { useLabels } from '../../app/labels';
import { notifySuccess } from '../../app/notify';
import type { Invitation, Items } from '../../app/types';
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
    queryFn: () => api.get<Items<Invitation>>('/api/invitations?status=pending'),
  });
  const revoke = useMutation({
    mutationFn: (invitation: Invitation) => api.delete(`/api/invitations/${encodeURIComponent(invitation.id)}`),
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
            <ScrollTable minWidth={720} label={t('invitations.title')}>
              <Table striped data-testid="invitations-table">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('auth.email')}</Table.Th>
                    <Table.Th scope="col">{t('invitations.role')}</Table.Th>
                    <Table.Th scope="col">{t('invitations.organisation')}</Table.Th>
                    <Table.Th scope="col">{t('invitations.sentAt')}</Table.Th>
                    <Table.Th scope="col">{t('invitations.expiresAt')}</Table.Th>
                    <Table.Th scope="col">
                      <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {pending.data.items.map((inv) => (
                    <Table.Tr key={inv.id}>
                      <Table.Td>{inv.email}</Table.Td>
                      <Table.Td>{labels.role(inv.role)}</Table.Td>
                      <Table.Td>{inv.organisationName ?? '—'}</Table.Td>
                      <Table.Td>{format.dateTime(inv.createdAt)}</Table.Td>
                      <Table.Td>{format.dateTime(inv.expiresAt)}</Table.Td>
                      <Table.Td>
                        <Button size="xs" variant="subtle" color="red" onClick={() => setRevoking(inv)}>
                          {t('invitations.revoke')}
                          <VisuallyHidden>{` ${inv.email}`}</VisuallyHidden>
                        </Button>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollTable>
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
