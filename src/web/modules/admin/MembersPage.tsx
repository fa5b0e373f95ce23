import { Button, Group, NativeSelect, Stack, Table, Text, TextInput, Title, VisuallyHidden } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, query } from '../../app/api';
import { ConfirmModal, ScrollTable, TablePagination } from '../../app/components';
import { useFormat } from '../../app/format-hooks';
import { ErrorAlert } from '../../app/forms';
import { PageLoader } from '../../app/guards';
import { useLabels } from '../../app/labels';
import { notifySuccess } from '../../app/notify';
import { isRole, type Member, type Page, type Role } from '../../app/types';
import { usePageTitle } from '../../app/usePageTitle';
import { RoleOptions } from './RoleOptions';
import { useOrganisationOptions } from './useOrganisations';

const PAGE_SIZE = 25;

function MemberRow({
  member,
  onRoleChange,
  onRemove,
  busy,
}: {
  member: Member;
  onRoleChange: (role: Role) => void;
  onRemove: () => void;
  busy: boolean;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Table.Tr>
      <Table.Td>{member.name}</Table.Td>
      <Table.Td>{member.email}</Table.Td>
      <Table.Td>
        <NativeSelect
          aria-label={t('members.roleOf', { name: member.name })}
          value={member.role}
          disabled={busy}
          size="xs"
          onChange={(event) => {
            const role = event.currentTarget.value;
            if (isRole(role)) onRoleChange(role);
          }}
        >
          <RoleOptions />
        </NativeSelect>
      </Table.Td>
      <Table.Td>{member.organisationName ?? '—'}</Table.Td>
      <Table.Td>{format.date(member.createdAt)}</Table.Td>
      <Table.Td>
        <Button size="xs" variant="subtle" color="red" onClick={onRemove} disabled={busy}>
          {t('members.remove')}
          <VisuallyHidden>{` ${member.name}`}</VisuallyHidden>
        </Button>
      </Table.Td>
    </Table.Tr>
  );
}

export function MembersPage() {
  const { t } = useTranslation();
  const labels = useLabels();
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
    queryFn: () => api.get<Page<Member>>(`/api/members${query(params)}`),
    placeholderData: keepPreviousData,
  });

  const changeRole = useMutation({
    mutationFn: ({ member, role: next }: { member: Member; role: Role }) =>
      api.patch<Member>(`/api/members/${encodeURIComponent(member.id)}`, { role: next }),
    onSuccess: (_, { member, role: next }) => {
      notifySuccess(t('members.roleChanged', { name: member.name, role: labels.role(next) }));
      void queryClient.invalidateQueries({ queryKey: ['members'] });
      void queryClient.invalidateQueries({ queryKey: ['session'] });
    },
  });
  const remove = useMutation({
    mutationFn: (member: Member) => api.delete(`/api/members/${encodeURIComponent(member.id)}`),
    onSuccess: (_, member) => {
      notifySuccess(t('members.removed', { name: member.name }));
      setRemoving(null);
      void queryClient.invalidateQueries({ queryKey: ['members'] });
    },
  });

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
          <ScrollTable minWidth={760} label={t('members.caption')}>
            <Table data-testid="members-table" striped highlightOnHover>
              <Table.Caption>{t('members.caption')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('members.name')}</Table.Th>
                  <Table.Th scope="col">{t('auth.email')}</Table.Th>
                  <Table.Th scope="col">{t('members.role')}</Table.Th>
                  <Table.Th scope="col">{t('members.organisation')}</Table.Th>
                  <Table.Th scope="col">{t('members.added')}</Table.Th>
                  <Table.Th scope="col">
                    <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {members.data.items.map((member) => (
                  <MemberRow
                    key={member.id}
                    member={member}
                    busy={changeRole.isPending || remove.isPending}
                    onRoleChange={(next) => changeRole.mutate({ member, role: next })}
                    onRemove={() => setRemoving(member)}
                  />
                ))}
              </Table.Tbody>
            </Table>
          </ScrollTable>
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
