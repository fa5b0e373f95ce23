import { Box, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Outlet, useSearchParams } from 'react-router-dom';
import { LanguageSelect } from '../../app/LanguageSelect';
import { Shell } from '../../app/Shell';

/** Minimal chrome for the request form inside a provider's own web page (`?embed=1`). */
function EmbedFrame() {
  const { t } = useTranslation('intake');
  return (
    <Box p={{ base: 'sm', sm: 'md' }} maw={760} mx="auto">
      <Group component="header" justify="flex-end" mb="sm">
        <LanguageSelect />
      </Group>
      <main id="main-content" aria-label={t('public.embedLandmark')}>
        <Outlet />
      </main>
    </Box>
  );
}

/** The public request page: the ordinary page frame, or minimal chrome when embedded. */
export function PublicRequestFrame() {
  const [params] = useSearchParams();
  if (params.get('embed') === '1') return <EmbedFrame />;
  return <Shell />;
}
