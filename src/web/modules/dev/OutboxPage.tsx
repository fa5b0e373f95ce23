import { Alert, Anchor, Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { OutboxMail } from '../../../shared/outbox';
import { useFormat } from '../../app/format-hooks';
import { ErrorAlert } from '../../app/forms';
import { PageLoader } from '../../app/guards';
import { useOutbox } from '../../app/outbox';
import { usePageTitle } from '../../app/usePageTitle';
import { Linkified } from './Linkified';

/** A mail attachment as the outbox lists it (e.g. the .ics of a meeting invitation). */
type OutboxAttachment = OutboxMail['attachments'][number];

/** A download address for an attachment's text content. */
function attachmentHref(attachment: OutboxAttachment): string {
  const type = attachment.contentType.split(';')[0]?.trim() || 'application/octet-stream';
  return `data:${type};charset=utf-8,${encodeURIComponent(attachment.content)}`;
}

function Attachments({ attachments }: { attachments: OutboxAttachment[] }) {
  const { t } = useTranslation('supervision');
  return (
    <div>
      <Text size="sm" fw={700}>
        {t('outbox.attachments')}:
      </Text>
      <ul>
        {attachments.map((a) => (
          <li key={`${a.filename}:${a.contentType}:${a.content.length}`}>
            <Anchor href={attachmentHref(a)} download={a.filename} size="sm" data-testid="outbox-attachment">
              {t('outbox.download', { filename: a.filename })}
            </Anchor>
          </li>
        ))}
      </ul>
    </div>
  );
}

function Mail({ mail }: { mail: OutboxMail & { attachments?: OutboxAttachment[] | null } }) {
  const { t } = useTranslation();
  const format = useFormat();
  const headingId = `mail-${mail.id}`;
  return (
    <Paper component="article" withBorder p="md" data-testid="outbox-mail" aria-labelledby={headingId}>
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" gap="xs">
          <Title order={2} size="h4" id={headingId} style={{ overflowWrap: 'anywhere' }}>
            {mail.subject}
          </Title>
          {mail.status && (
            <Badge variant="light" tt="none">
              {t(`outbox.status.${mail.status}`, { defaultValue: mail.status })}
            </Badge>
          )}
        </Group>
        <Text size="sm">
          <strong>{t('outbox.to')}:</strong> {mail.to}
        </Text>
        <Text size="sm">
          <strong>{t('outbox.sent')}:</strong>{' '}
          <time dateTime={mail.createdAt}>{format.dateTime(mail.createdAt, { dateStyle: 'medium', timeStyle: 'medium' })}</time>
        </Text>
        <pre className="mail-body">
          <Linkified text={mail.text} />
        </pre>
        {mail.attachments && mail.attachments.length > 0 && <Attachments attachments={mail.attachments} />}
      </Stack>
    </Paper>
  );
}

export function OutboxPage() {
  const { t } = useTranslation();
  usePageTitle(t('outbox.title'));
  const outbox = useOutbox({ refetchInterval: 10_000 });
  const mails = [...(outbox.data?.items ?? [])].sort((a, b) => b.createdAt.localeCompare(a.createdAt));

  return (
    <Stack gap="md">
      <Group justify="space-between" align="center">
        <Title order={1}>{t('outbox.title')}</Title>
        {outbox.data && (
          <Button variant="default" size="xs" onClick={() => void outbox.refetch()}>
            {t('outbox.refresh')}
          </Button>
        )}
      </Group>
      <Text c="dimmed">{t('outbox.intro')}</Text>
      {outbox.isPending && <PageLoader />}
      <ErrorAlert error={outbox.error} />
      {outbox.data === null && (
        <Alert color="gray" variant="light" title={t('outbox.disabledTitle')}>
          {t('outbox.disabled')}
        </Alert>
      )}
      {outbox.data && mails.length === 0 && <Text>{t('outbox.empty')}</Text>}
      {mails.map((mail) => (
        <Mail key={mail.id} mail={mail} />
      ))}
    </Stack>
  );
}
