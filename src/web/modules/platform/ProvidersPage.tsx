import { Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { providerRoutes } from '../../../shared/tenancy';
import { call } from '../../app/api';
import { DataTable } from '../../app/DataTable';
import { useFormat } from '../../app/format-hooks';
import { ErrorAlert } from '../../app/forms';
import { PageLoader } from '../../app/guards';
import { usePageTitle } from '../../app/usePageTitle';
import { ProviderForm } from './ProviderForm';

export function ProvidersPage() {
  const { t } = useTranslation();
  const format = useFormat();
  usePageTitle(t('providers.title'));
  const providers = useQuery({
    queryKey: ['platform', 'providers'],
    queryFn: () => call(providerRoutes.list),
  });

  return (
    <Stack gap="lg">
      <Title order={1}>{t('providers.title')}</Title>
      <section aria-labelledby="providers-list">
        <Title order={2} size="h3" id="providers-list" mb="sm">
          {t('providers.list')}
        </Title>
        {providers.isPending && <PageLoader />}
        <ErrorAlert error={providers.error} />
        {providers.data &&
          (providers.data.items.length === 0 ? (
            <Text>{t('providers.empty')}</Text>
          ) : (
            <DataTable
              rows={providers.data.items}
              rowKey={(p) => p.id}
              label={t('providers.list')}
              minWidth={520}
              testId="providers-table"
              columns={[
                { key: 'name', header: t('providers.name'), primary: true, cell: (p) => p.name },
                {
                  key: 'slug',
                  header: t('providers.slug'),
                  cell: (p) => (
                    <Text size="sm" ff="monospace">
                      {p.slug}
                    </Text>
                  ),
                },
                { key: 'country', header: t('providers.country'), cell: (p) => t(`countries.${p.country}`, { defaultValue: p.country }) },
                { key: 'created', header: t('providers.createdAt'), cell: (p) => format.date(p.createdAt) },
              ]}
            />
          ))}
      </section>
      <section aria-labelledby="providers-new">
        <Paper withBorder p="md">
          <Title order={2} size="h3" id="providers-new" mb="sm">
            {t('providers.new')}
          </Title>
          <ProviderForm />
        </Paper>
      </section>
    </Stack>
  );
}
