import { Alert, Button, CopyButton, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Out } from '../../../shared/http';
import { schedulingRoutes } from '../../../shared/scheduling';
import { call } from '../../app/api';
import { ConfirmModal } from '../../app/components';
import { ErrorAlert } from '../../app/forms';
import { PageLoader } from '../../app/guards';
import { notifySuccess } from '../../app/notify';
import { relativeAge } from '../../app/time';
import { useSupervisionFormat } from './hooks';
import { keys } from './queries';

export type FeedStatus = Out<typeof schedulingRoutes.feedStatus>;

/**
 * What the section says about the feed, in the reader's language and time zone. The server never
 * returns the address (it keeps only a hash), so an active feed is described by its dates alone;
 * "no feed" is said only when the server says none is active.
 */
export function feedStatusLines(
  status: FeedStatus,
  fmt: { t: TFunction; dateTime: (iso: string) => string; locale: string; now: number },
): string[] {
  const { t } = fmt;
  if (!status.active) return [t('feed.none')];
  const lines = [status.createdAt ? t('feed.activeSince', { date: fmt.dateTime(status.createdAt) }) : t('feed.active')];
  const last = status.lastFetchedAt;
  if (!last) lines.push(t('feed.neverFetched'));
  // "Read it now" reads oddly: under a minute is "just now".
  else if (fmt.now - Date.parse(last) < 60_000) lines.push(t('feed.lastFetchedNow', { date: fmt.dateTime(last) }));
  else lines.push(t('feed.lastFetched', { age: relativeAge(last, fmt.now, fmt.locale), date: fmt.dateTime(last) }));
  return lines;
}

/**
 * The subscribable calendar feed: whether one is active, since when and when a calendar app last
 * read it; make, replace (with a warning that the old address dies) or revoke it. The address holds
 * the secret and is shown only right after it is made: it is kept in this component's state, not in
 * the query cache, so a refetch of the status (window focus) does not take it away while the user
 * is pasting it into their calendar app.
 */
export function CalendarFeedSection() {
  const { t } = useTranslation('supervision');
  const format = useSupervisionFormat();
  const queryClient = useQueryClient();
  const headingId = useId();
  const [shownUrl, setShownUrl] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<'rotate' | 'revoke' | null>(null);
  const feed = useQuery({ queryKey: keys.feed, queryFn: () => call(schedulingRoutes.feedStatus) });
  const create = useMutation({
    mutationFn: () => call(schedulingRoutes.rotateFeed),
    onSuccess: (result) => {
      const replaced = feed.data?.active ?? false;
      notifySuccess(t(replaced ? 'feed.replaced' : 'feed.created'));
      setShownUrl(new URL(result.url, window.location.origin).toString());
      setConfirming(null);
      // Until the server's answer comes back: a new feed, never read yet.
      queryClient.setQueryData<FeedStatus>(keys.feed, {
        url: null,
        active: true,
        createdAt: new Date().toISOString(),
        lastFetchedAt: null,
      });
      void queryClient.invalidateQueries({ queryKey: keys.feed });
    },
  });
  const revoke = useMutation({
    mutationFn: () => call(schedulingRoutes.revokeFeed),
    onSuccess: () => {
      notifySuccess(t('feed.revoked'));
      setShownUrl(null);
      setConfirming(null);
      queryClient.setQueryData<FeedStatus>(keys.feed, { url: null, active: false, createdAt: null, lastFetchedAt: null });
      void queryClient.invalidateQueries({ queryKey: keys.feed });
    },
  });
  const status = feed.data;
  const active = Boolean(status?.active);
  const close = () => {
    setConfirming(null);
    create.reset();
    revoke.reset();
  };
  return (
    <Paper component="section" withBorder p="md" aria-labelledby={headingId} data-testid="calendar-feed">
      <Title order={2} size="h3" id={headingId} mb="sm">
        {t('feed.title')}
      </Title>
      <Stack gap="sm">
        <Text size="sm">{t('feed.intro')}</Text>
        {feed.isPending && <PageLoader />}
        <ErrorAlert error={feed.error ?? (confirming ? null : create.error)} />
        {status &&
          feedStatusLines(status, { t, dateTime: (iso) => format.dateTime(iso), locale: format.locale, now: Date.now() }).map((line) => (
            <Text key={line} data-testid="calendar-feed-status">
              {line}
            </Text>
          ))}
        {shownUrl && (
          <>
            <Group gap="sm" align="flex-end" wrap="wrap">
              <TextInput
                label={t('feed.url')}
                value={shownUrl}
                readOnly
                miw={0}
                style={{ flex: '1 1 16rem' }}
                onFocus={(e) => e.currentTarget.select()}
              />
              <CopyButton value={shownUrl}>
                {({ copied, copy }) => (
                  <Button variant={copied ? 'light' : 'default'} color={copied ? 'green' : undefined} onClick={copy}>
                    {copied ? t('feed.copied') : t('feed.copy')}
                  </Button>
                )}
              </CopyButton>
            </Group>
            <Alert color="yellow" variant="light" title={t('feed.onceTitle')}>
              <Stack gap={4}>
                <Text size="sm">{t('feed.once')}</Text>
                <Text size="sm">{t('feed.secret')}</Text>
              </Stack>
            </Alert>
          </>
        )}
        {status && active && !shownUrl && (
          <Text size="sm" c="dimmed">
            {t('feed.notShownAgain')}
          </Text>
        )}
        {status && (
          <Group gap="sm">
            {active ? (
              <Button variant="default" onClick={() => setConfirming('rotate')}>
                {t('feed.rotate')}
              </Button>
            ) : (
              <Button onClick={() => create.mutate()} loading={create.isPending}>
                {t('feed.create')}
              </Button>
            )}
            {active && (
              <Button variant="subtle" color="red" onClick={() => setConfirming('revoke')}>
                {t('feed.revoke')}
              </Button>
            )}
          </Group>
        )}
      </Stack>
      <ConfirmModal
        opened={confirming === 'rotate'}
        title={t('feed.rotateTitle')}
        confirmLabel={t('feed.rotateConfirmLabel')}
        loading={create.isPending}
        onClose={close}
        onConfirm={() => create.mutate()}
      >
        <Text>{t('feed.rotateConfirm')}</Text>
        <ErrorAlert error={create.error} />
      </ConfirmModal>
      <ConfirmModal
        opened={confirming === 'revoke'}
        title={t('feed.revokeTitle')}
        confirmLabel={t('feed.revoke')}
        loading={revoke.isPending}
        onClose={close}
        onConfirm={() => revoke.mutate()}
      >
        <Text>{t('feed.revokeConfirm')}</Text>
        <ErrorAlert error={revoke.error} />
      </ConfirmModal>
    </Paper>
  );
}
