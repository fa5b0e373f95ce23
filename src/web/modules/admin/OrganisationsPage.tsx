import { Anchor, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { organisationRoutes } from '../../../shared/tenancy';
import { call } from '../../app/api';
import { TablePagination } from '../../app/components';
import { DataTable } from '../../app/DataTable';
import { useFormat } from '../../app/format-hooks';
import { ErrorAlert } from '../../app/forms';
import { PageLoader } from '../../app/guards';
import { notifySuccess } from '../../app/notify';
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
    queryFn: () => call(organisationRoutes.list, { query: { ...params, q: params.q || undefined } }),
    placeholderData: keepPreviousData,
  });

  const create = async (values: { name: string; businessId?: string | null }) => {
    const created = await call(organisationRoutes.create, { body: { name: values.name, businessId: values.businessId ?? undefined } });
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
              <DataTable
                rows={list.data.items}
                rowKey={(o) => o.id}
                label={t('organisations.title')}
                testId="organisations-table"
                columns={[
                  {
                    key: 'name',
                    header: t('organisations.name'),
                    primary: true,
                    cell: (o) => (
                      <Anchor component={Link} to={`/admin/organisations/${encodeURIComponent(o.id)}`}>
                        {o.name}
                      </Anchor>
                    ),
                  },
                  { key: 'businessId', header: t('organisations.businessId'), cell: (o) => o.businessId ?? '—' },
                  { key: 'units', header: t('organisations.unitCount'), cell: (o) => format.number(o.unitCount) },
                  { key: 'created', header: t('organisations.createdAt'), cell: (o) => format.date(o.createdAt) },
                ]}
              />
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
