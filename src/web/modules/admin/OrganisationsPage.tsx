import { Anchor, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api, query } from '../../app/api';
import { ScrollTable, TablePagination } from '../../app/components';
import { useFormat } from '../../app/format-hooks';
import { ErrorAlert } from '../../app/forms';
import { PageLoader } from '../../app/guards';
import { notifySuccess } from '../../app/notify';
import type { OrganisationSummary, Page } from '../../app/types';
import { usePageTitle } from '../../app/usePageTitle';
import { OrganisationForm } from './OrganisationForm';

const PAGE_SIZE = 25;

export function OrganisationsPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const queryClient = useQueryClient();
  usePageTitle(t('organisations.title'));
  const [q, setQ] = useState('');
  const [search] = useDebouncedValue(q.trim(), 300);
  const [page, setPage] = useState(1);
  const params = { q: search, page, pageSize: PAGE_SIZE };
  const list = useQuery({
    queryKey: ['organisations', 'list', params],
    queryFn: () => api.get<Page<OrganisationSummary>>(`/api/organisations${query(params)}`),
    placeholderData: keepPreviousData,
  });

  const create = async (values: { name: string; businessId?: string | null }) => {
    const created = await api.post<OrganisationSummary>('/api/organisations', values);
    notifySuccess(t('organisations.created', { name: values.name }));
    await queryClient.invalidateQueries({ queryKey: ['organisations'] });
    return created;
  };

  return (
    <Stack gap="lg">
      <Title order={1}>{t('organisations.title')}</Title>
      <section aria-labelledby="org-list">
        <Title order={2} size="h3" id="org-list" mb="sm">
          {t('organisations.list')}
        </Title>
        <Stack gap="sm">
          <TextInput
            label={t('common.search')}
            type="search"
            value={q}
            onChange={(e) => {
              setQ(e.currentTarget.value);
              setPage(1);
            }}
            maw={320}
          />
          {list.isPending && <PageLoader />}
          <ErrorAlert error={list.error} />
          {list.data && (
            <>
              <ScrollTable minWidth={560} label={t('organisations.title')}>
                <Table striped highlightOnHover data-testid="organisations-table">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">{t('organisations.name')}</Table.Th>
                      <Table.Th scope="col">{t('organisations.businessId')}</Table.Th>
                      <Table.Th scope="col">{t('organisations.unitCount')}</Table.Th>
                      <Table.Th scope="col">{t('organisations.createdAt')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {list.data.items.map((o) => (
                      <Table.Tr key={o.id}>
                        <Table.Td>
                          <Anchor component={Link} to={`/admin/organisations/${encodeURIComponent(o.id)}`}>
                            {o.name}
                          </Anchor>
                        </Table.Td>
                        <Table.Td>{o.businessId ?? '—'}</Table.Td>
                        <Table.Td>{format.number(o.unitCount)}</Table.Td>
                        <Table.Td>{format.date(o.createdAt)}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </ScrollTable>
              {list.data.items.length === 0 && <Text>{t('organisations.empty')}</Text>}
              <TablePagination page={page} pageSize={PAGE_SIZE} total={list.data.total} onChange={setPage} />
            </>
          )}
        </Stack>
      </section>
      <section aria-labelledby="org-new">
        <Paper withBorder p="md">
          <Title order={2} size="h3" id="org-new" mb="sm">
            {t('organisations.new')}
          </Title>
          <OrganisationForm submitLabel={t('organisations.create')} onSubmit={create} resetOnSuccess />
        </Paper>
      </section>
    </Stack>
  );
}
