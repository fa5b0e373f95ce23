import { useQuery } from '@tanstack/react-query';
import { organisationRoutes } from '../../../shared/tenancy';
import { call } from '../../app/api';

/** Up to 100 organisations, by name, for filters and pickers. */
export function useOrganisationOptions() {
  return useQuery({
    queryKey: ['organisations', 'options'],
    queryFn: () => call(organisationRoutes.list, { query: { page: 1, pageSize: 100 } }),
    select: (data) => data.items.map((o) => ({ value: o.id, label: o.name })).sort((a, b) => a.label.localeCompare(b.label)),
    staleTime: 30_000,
  });
}

export function useOrganisation(id: string | null | undefined) {
  return useQuery({
    queryKey: ['organisations', 'detail', id],
    queryFn: () => call(organisationRoutes.get, { params: { id: id ?? '' } }),
    enabled: Boolean(id),
  });
}
