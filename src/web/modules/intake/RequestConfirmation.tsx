import { Alert, Button, Group, Stack, Text, Title } from '@mantine/core';
import { type ReactNode, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { RequestKind } from '../../../shared/intake';
import { useDuration } from './hooks';

/** Shown after a request was sent: what happens next, and 112 for an emergency. */
export function RequestConfirmation({
  kind,
  email,
  targetMinutes,
  onAnother,
  children,
}: {
  kind: RequestKind;
  email: string;
  targetMinutes?: number | null;
  onAnother?: () => void;
  children?: ReactNode;
}) {
  const { t } = useTranslation('intake');
  const duration = useDuration();
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    headingRef.current?.focus();
  }, []);
  const within =
    targetMinutes && targetMinutes > 0
      ? targetMinutes % 60 === 0
        ? t('confirmation.hours', { count: targetMinutes / 60 })
        : duration(targetMinutes)
      : null;
  return (
    <Stack gap="md" data-testid="request-confirmation">
      <Title order={2} size="h3" ref={headingRef} tabIndex={-1}>
        {t('confirmation.title')}
      </Title>
      <Text>
        {kind === 'crisis' ? (within ? t('confirmation.crisisWithin', { within }) : t('confirmation.crisis')) : t('confirmation.service')}
      </Text>
      <Text>{t('confirmation.mail', { email })}</Text>
      {kind === 'crisis' && (
        <Alert color="red" variant="light" title={t('form.emergencyTitle')}>
          {t('confirmation.emergency')}
        </Alert>
      )}
      <Group gap="sm">
        {children}
        {onAnother && (
          <Button variant="default" onClick={onAnother}>
            {t('confirmation.another')}
          </Button>
        )}
      </Group>
    </Stack>
  );
}
