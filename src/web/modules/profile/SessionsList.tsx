import { Badge, Button, Group, Stack, Table, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api';
import { ScrollTable } from '../../app/components';
import { useFormat } from '../../app/format-hooks';
import { ErrorAlert } from '../../app/forms';
import { PageLoader } from '../../app/guards';
import type { Items, UserSession } from '../../app/types';
import { useSignOut } from '../../app/useSignOut';

export function SessionsList() {
  const { t } = useTranslation();
  const format = useFormat();
  const sessions = useQuery({
    queryKey: ['me', 'sessions'],
    queryFn: () => api.get<Items<UserSession>>('/api/me/sessions'),
  });
  const signOutEverywhere = useSignOut({ everywhere: true });
  const queryClient = useQueryClient();
  const endSession = useMutation({
    mutationFn: (id: string) => api.delete(`/api/me/sessions/${id}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['me', 'sessions'] }),
  });

  return (
    <Stack gap="sm">
      {sessions.isPending && <PageLoader />}
      <ErrorAlert error={sessions.error ?? endSession.error} />
      {sessions.data && (
        <ScrollTable minWidth={560} label={t('profile.sessionsCaption')}>
          <Table striped>
            <Table.Caption>{t('profile.sessionsCaption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('profile.sessionStarted')}</Table.Th>
                <Table.Th scope="col">{t('profile.sessionLastSeen')}</Table.Th>
                <Table.Th scope="col">{t('profile.sessionIp')}</Table.Th>
                <Table.Th scope="col">{t('profile.sessionDevice')}</Table.Th>
                <Table.Th scope="col">{t('profile.sessionActions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {sessions.data.items.map((s) => (
                <Table.Tr key={s.id}>
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap">
                      {format.dateTime(s.createdAt)}
                      {s.current && (
                        <Badge size="sm" variant="light" color="green">
                          {t('profile.thisSession')}
                        </Badge>
                      )}
                    </Group>
                  </Table.Td>
                  <Table.Td>{format.dateTime(s.lastSeenAt)}</Table.Td>
                  <Table.Td>{s.ip ?? '—'}</Table.Td>
                  <Table.Td>
                    <Text size="sm" lineClamp={2} title={s.userAgent ?? undefined}>
                      {s.userAgent ?? '—'}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    {!s.current && (
                      <Button
                        size="xs"
                        variant="subtle"
                        color="red"
                        loading={endSession.isPending && endSession.variables === s.id}
                        onClick={() => endSession.mutate(s.id)}
                        aria-label={t('profile.endSessionOf', { started: format.dateTime(s.createdAt) })}
                      >
                        {t('profile.endSession')}
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      )}
      <Text size="sm">{t('profile.signOutEverywhereHelp')}</Text>
      <Button
        color="red"
        variant="outline"
        w="fit-content"
        loading={signOutEverywhere.isPending}
        onClick={() => signOutEverywhere.mutate()}
      >
        {t('profile.signOutEverywhere')}
      </Button>
    </Stack>
  );
}
