import { Alert, Button, CopyButton, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Out } from '../../../shared/http';
import { schedulingRoutes } from '../../../shared/scheduling';
import { call } from '../../app/api';
import { ConfirmModal } from '../../app/components';
import { ErrorAlert } from '../../app/forms';
import { PageLoader } from '../../app/guards';
import { notifySuccess } from '../../app/notify';
import { useSupervisionFormat } from './hooks';
import { keys } from './queries';

type FeedStatus = Out<typeof schedulingRoutes.feedStatus>;

/** The subscribable calendar feed: its URL holds the secret and is shown only right after it is made. */
export function CalendarFeedSection() {
  const { t } = useTranslation('supervision');
  const format = useSupervisionFormat();
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const feed = useQuery({ queryKey: keys.feed, queryFn: () => call(schedulingRoutes.feedStatus) });
  const create = useMutation({
    mutationFn: () => call(schedulingRoutes.rotateFeed),
    onSuccess: (result) => {
      notifySuccess(t('feed.created'));
      queryClient.setQueryData<FeedStatus>(keys.feed, { url: result.url, active: true, createdAt: new Date().toISOString() });
    },
  });
  const revoke = useMutation({
    mutationFn: () => call(schedulingRoutes.revokeFeed),
    onSuccess: () => {
      notifySuccess(t('feed.revoked'));
      setConfirming(false);
      queryClient.setQueryData<FeedStatus>(keys.feed, { url: null, active: false, createdAt: null });
    },
  });
  const url = feed.data?.url ? new URL(feed.data.url, window.location.origin).toString() : null;
  const active = Boolean(feed.data?.active || url);
  return (
    <Paper component="section" withBorder p="md" aria-labelledby="availability-feed">
      <Title order={2} size="h3" id="availability-feed" mb="sm">
        {t('feed.title')}
      </Title>
      <Stack gap="sm">
        <Text size="sm">{t('feed.intro')}</Text>
        {feed.isPending && <PageLoader />}
        <ErrorAlert error={feed.error ?? create.error} />
        {feed.data && !active && <Text>{t('feed.none')}</Text>}
        {feed.data && active && !url && (
          <Text>{t('feed.active', { date: feed.data.createdAt ? format.dateTime(feed.data.createdAt) : '—' })}</Text>
        )}
        {url && (
          <>
            <Group gap="sm" align="flex-end" wrap="wrap">
              <TextInput
                label={t('feed.url')}
                value={url}
                readOnly
                miw={280}
                style={{ flex: 1 }}
                onFocus={(e) => e.currentTarget.select()}
              />
              <CopyButton value={url}>
                {({ copied, copy }) => (
                  <Button variant={copied ? 'light' : 'default'} color={copied ? 'green' : undefined} onClick={copy}>
                    {copied ? t('feed.copied') : t('feed.copy')}
                  </Button>
                )}
              </CopyButton>
            </Group>
            <Alert color="yellow" variant="light">
              {t('feed.secret')}
            </Alert>
          </>
        )}
        {feed.data && (
          <Group gap="sm">
            <Button variant={active ? 'default' : 'filled'} onClick={() => create.mutate()} loading={create.isPending}>
              {active ? t('feed.rotate') : t('feed.create')}
            </Button>
            {active && (
              <Button variant="subtle" color="red" onClick={() => setConfirming(true)}>
                {t('feed.revoke')}
              </Button>
            )}
          </Group>
        )}
      </Stack>
      <ConfirmModal
        opened={confirming}
        title={t('feed.revokeTitle')}
        confirmLabel={t('feed.revoke')}
        loading={revoke.isPending}
        onClose={() => {
          setConfirming(false);
          revoke.reset();
        }}
        onConfirm={() => revoke.mutate()}
      >
        <Text>{t('feed.revokeConfirm')}</Text>
        <ErrorAlert error={revoke.error} />
      </ConfirmModal>
    </Paper>
  );
}
