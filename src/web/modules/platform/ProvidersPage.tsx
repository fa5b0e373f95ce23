import { Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api';
import { ScrollTable } from '../../app/components';
import { useFormat } from '../../app/format-hooks';
import { ErrorAlert } from '../../app/forms';
import { PageLoader } from '../../app/guards';
import type { Items, Provider } from '../../app/types';
import { usePageTitle } from '../../app/usePageTitle';
import { ProviderForm } from './ProviderForm';

export function ProvidersPage() {
  const { t } = useTranslation();
  const format = useFormat();
  usePageTitle(t('providers.title'));
  const providers = useQuery({
    queryKey: ['platform', 'providers'],
    queryFn: () => api.get<Items<Provider>>('/api/platform/providers'),
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
            <ScrollTable minWidth={520} label={t('providers.list')}>
              <Table striped data-testid="providers-table">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('providers.name')}</Table.Th>
                    <Table.Th scope="col">{t('providers.slug')}</Table.Th>
                    <Table.Th scope="col">{t('providers.country')}</Table.Th>
                    <Table.Th scope="col">{t('providers.createdAt')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {providers.data.items.map((p) => (
                    <Table.Tr key={p.id}>
                      <Table.Td>{p.name}</Table.Td>
                      <Table.Td>
                        <Text size="sm" ff="monospace">
                          {p.slug}
                        </Text>
                      </Table.Td>
                      <Table.Td>{t(`countries.${p.country}`, { defaultValue: p.country })}</Table.Td>
                      <Table.Td>{format.date(p.createdAt)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollTable>
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
