import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ShownTranslation } from '../../../shared/measures';
import { useSession } from '../../app/session';

/** The name of the provider the signed-in user works at (the one that entered its translations). */
export function useProviderName(): string {
  const { data } = useSession();
  return data?.memberships.find((m) => m.providerId === data.providerId)?.providerName ?? '';
}

/**
 * The honest mark a report carries where answers were given in a translation the provider
 * entered itself: which language, which version, and that it was not shipped with the service.
 */
export function TranslationMark({ translations, testId }: { translations: readonly (ShownTranslation | null)[]; testId?: string }) {
  const { t } = useTranslation('measures');
  const provider = useProviderName();
  const used = translations.filter((x): x is ShownTranslation => x !== null);
  if (used.length === 0) return null;
  const kinds = [...new Map(used.map((u) => [`${u.locale}:${u.version}`, u])).values()];
  const list = kinds
    .map((k) => t('translations.markItem', { language: t(`language.names.${k.locale}`, { ns: 'translation' }), version: k.version }))
    .join(', ');
  return (
    <Text size="sm" c="dimmed" data-testid={testId ?? 'translation-mark'}>
      {provider
        ? t('translations.mark', { count: used.length, provider, list })
        : t('translations.markPlain', { count: used.length, list })}
    </Text>
  );
}

/** The same mark for one answer, small enough for a table row or a card. */
export function RowTranslationMark({ translation }: { translation: ShownTranslation | null }) {
  const { t } = useTranslation('measures');
  const provider = useProviderName();
  if (!translation) return null;
  const language = t(`language.names.${translation.locale}`, { ns: 'translation' });
  return (
    <Text size="xs" c="dimmed" data-testid="translation-row-mark">
      {provider
        ? t('translations.rowMark', { provider, language, version: translation.version })
        : t('translations.rowMarkPlain', { language, version: translation.version })}
    </Text>
  );
}
