import { Button, Group, NativeSelect, Stack, Text, TextInput, Title, VisuallyHidden } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../../shared/roles';
import { role as roleSchema } from '../../../shared/schemas';
import { type Member, memberRoutes, searchMax } from '../../../shared/tenancy';
import { call } from '../../app/api';
import { ConfirmModal, TablePagination } from '../../app/components';
import { DataTable } from '../../app/DataTable';
import { useFormat } from '../../app/format-hooks';
import { ErrorAlert } from '../../app/forms';
import { PageLoader } from '../../app/guards';
import { useLabels } from '../../app/labels';
import { notifySuccess } from '../../app/notify';
import { usePageTitle } from '../../app/usePageTitle';
import { RoleOptions } from './RoleOptions';
import { useOrganisationOptions } from './useOrganisations';

const PAGE_SIZE = 25;

export function MembersPage() {
  const { t } = useTranslation();
  const labels = useLabels();
  const format = useFormat();
  const queryClient = useQueryClient();
  usePageTitle(t('members.title'));
  const [q, setQ] = useState('');
  const [search] = useDebouncedValue(q.trim(), 300);
  const [role, setRole] = useState('');
  const [organisationId, setOrganisationId] = useState('');
  const [page, setPage] = useState(1);
  const [removing, setRemoving] = useState<Member | null>(null);
  const organisations = useOrganisationOptions();

  const params = { q: search, role, organisationId, page, pageSize: PAGE_SIZE };
  const members = useQuery({
    queryKey: ['members', params],
    queryFn: () =>
      call(memberRoutes.list, {
        query: {
          page,
          pageSize: PAGE_SIZE,
          q: search || undefined,
          role: roleSchema.safeParse(role).data,
          organisationId: organisationId || undefined,
        },
      }),
    placeholderData: keepPreviousData,
  });

  const changeRole = useMutation({
    mutationFn: ({ member, role: next }: { member: Member; role: Role }) =>
      call(memberRoutes.update, { params: { id: member.id }, body: { role: next } }),
    onSuccess: (_, { member, role: next }) => {
      notifySuccess(t('members.roleChanged', { name: member.name, role: labels.role(next) }));
      void queryClient.invalidateQueries({ queryKey: ['members'] });
      void queryClient.invalidateQueries({ queryKey: ['session'] });
    },
  });
  const remove = useMutation({
    mutationFn: (member: Member) => call(memberRoutes.remove, { params: { id: member.id } }),
    onSuccess: (_, member) => {
      notifySuccess(t('members.removed', { name: member.name }));
      setRemoving(null);
      void queryClient.invalidateQueries({ queryKey: ['members'] });
    },
  });

  const busy = changeRole.isPending || remove.isPending;

  const resetPage =
    <T,>(setter: (v: T) => void) =>
    (value: T) => {
      setter(value);
      setPage(1);
    };

  return (
    <Stack gap="md">
      <Title order={1}>{t('members.title')}</Title>
      <Group align="flex-end" gap="sm" wrap="wrap">
        <TextInput
          label={t('common.search')}
          type="search"
          placeholder={t('members.searchPlaceholder')}
          value={q}
          onChange={(e) => resetPage(setQ)(e.currentTarget.value)}
          maxLength={searchMax}
          w={{ base: '100%', xs: 260 }}
        />
        <NativeSelect
          label={t('members.filterRole')}
          value={role}
          onChange={(e) => resetPage(setRole)(e.currentTarget.value)}
          w={{ base: '100%', xs: 200 }}
        >
          <option value="">{t('members.allRoles')}</option>
          <RoleOptions />
        </NativeSelect>
        <NativeSelect
          label={t('members.filterOrganisation')}
          value={organisationId}
          onChange={(e) => resetPage(setOrganisationId)(e.currentTarget.value)}
          w={{ base: '100%', xs: 240 }}
        >
          <option value="">{t('members.allOrganisations')}</option>
          {(organisations.data ?? []).map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </NativeSelect>
      </Group>
      <ErrorAlert error={members.error ?? changeRole.error} />
      {members.isPending && <PageLoader />}
      {members.data && (
        <>
          <DataTable
            rows={members.data.items}
            rowKey={(member) => member.id}
            label={t('members.caption')}
            caption={t('members.caption')}
            minWidth={760}
            testId="members-table"
            columns={[
              { key: 'name', header: t('members.name'), primary: true, cell: (member) => member.name },
              { key: 'email', header: t('auth.email'), cell: (member) => member.email },
              {
                key: 'role',
                header: t('members.role'),
                cell: (member) => (
                  <NativeSelect
                    aria-label={t('members.roleOf', { name: member.name })}
                    value={member.role}
                    disabled={busy}
                    size="xs"
                    onChange={(event) => {
                      const next = roleSchema.safeParse(event.currentTarget.value);
                      if (next.success) changeRole.mutate({ member, role: next.data });
                    }}
                  >
                    <RoleOptions />
                  </NativeSelect>
                ),
              },
              { key: 'organisation', header: t('members.organisation'), cell: (member) => member.organisationName ?? '—' },
              { key: 'added', header: t('members.added'), cell: (member) => format.date(member.createdAt) },
              {
                key: 'actions',
                header: <VisuallyHidden>{t('common.actions')}</VisuallyHidden>,
                action: true,
                cell: (member) => (
                  <Button size="xs" variant="subtle" color="red" onClick={() => setRemoving(member)} disabled={busy}>
                    {t('members.remove')}
                    <VisuallyHidden>{` ${member.name}`}</VisuallyHidden>
                  </Button>
                ),
              },
            ]}
          />
          {members.data.items.length === 0 && <Text>{t('members.empty')}</Text>}
          <TablePagination page={page} pageSize={PAGE_SIZE} total={members.data.total} onChange={setPage} />
        </>
      )}
      <ConfirmModal
        opened={removing !== null}
        title={t('members.removeTitle')}
        confirmLabel={t('members.remove')}
        loading={remove.isPending}
        onClose={() => {
          setRemoving(null);
          remove.reset();
        }}
        onConfirm={() => removing && remove.mutate(removing)}
      >
        <Text>{t('members.removeConfirm', { name: removing?.name ?? '', email: removing?.email ?? '' })}</Text>
        <ErrorAlert error={remove.error} />
      </ConfirmModal>
    </Stack>
  );
}
