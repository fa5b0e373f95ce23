import { Badge, Button, Group, Stack, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { meRoutes } from '../../../shared/auth';
import { call } from '../../app/api';
import { DataTable } from '../../app/DataTable';
import { useFormat } from '../../app/format-hooks';
import { ErrorAlert } from '../../app/forms';
import { PageLoader } from '../../app/guards';
import { useSignOut } from '../../app/useSignOut';

export function SessionsList() {
  const { t } = useTranslation();
  const format = useFormat();
  const sessions = useQuery({
    queryKey: ['me', 'sessions'],
    queryFn: () => call(meRoutes.sessions),
  });
  const signOutEverywhere = useSignOut({ everywhere: true });
  const queryClient = useQueryClient();
  const endSession = useMutation({
    mutationFn: (id: string) => call(meRoutes.endSession, { params: { id } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['me', 'sessions'] }),
  });

  return (
    <Stack gap="sm">
      {sessions.isPending && <PageLoader />}
      <ErrorAlert error={sessions.error ?? endSession.error} />
      {sessions.data && (
        <DataTable
          rows={sessions.data.items}
          rowKey={(s) => s.id}
          label={t('profile.sessionsCaption')}
          caption={t('profile.sessionsCaption')}
          columns={[
            {
              key: 'started',
              header: t('profile.sessionStarted'),
              primary: true,
              cell: (s) => (
                <Group gap="xs" wrap="nowrap">
                  {format.dateTime(s.createdAt)}
                  {s.current && (
                    <Badge size="sm" variant="light" color="green">
                      {t('profile.thisSession')}
                    </Badge>
                  )}
                </Group>
              ),
            },
            { key: 'lastSeen', header: t('profile.sessionLastSeen'), cell: (s) => format.dateTime(s.lastSeenAt) },
            { key: 'ip', header: t('profile.sessionIp'), cell: (s) => s.ip ?? '—' },
            {
              key: 'device',
              header: t('profile.sessionDevice'),
              cell: (s) => (
                <Text size="sm" lineClamp={2} title={s.userAgent ?? undefined}>
                  {s.userAgent ?? '—'}
                </Text>
              ),
            },
            {
              key: 'actions',
              header: t('profile.sessionActions'),
              action: true,
              cell: (s) =>
                s.current ? null : (
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
                ),
            },
          ]}
        />
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
