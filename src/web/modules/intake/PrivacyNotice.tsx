import { Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** The short privacy notice shown above the consent checkbox of the public request form. */
export function PrivacyNotice({ providerName, version }: { providerName: string; version?: string }) {
  const { t } = useTranslation('intake');
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="privacy-notice-title">
      <Stack gap="xs">
        <Title order={2} size="h4" id="privacy-notice-title">
          {t('privacy.title')}
        </Title>
        <Text size="sm">{t('privacy.controller', { provider: providerName })}</Text>
        <Text size="sm">{t('privacy.purpose', { provider: providerName })}</Text>
        <Text size="sm">{t('privacy.retention')}</Text>
        <Text size="sm">{t('privacy.rights', { provider: providerName })}</Text>
        {version && (
          <Text size="xs" c="dimmed">
            {t('privacy.version', { version })}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
