import { useQuery } from '@tanstack/react-query';
import { api, query } from '../../app/api';
import type { Organisation, OrganisationSummary, Page } from '../../app/types';

/** Up to 100 organisations, by name, for filters and pickers. */
export function useOrganisationOptions() {
  return useQuery({
    queryKey: ['organisations', 'options'],
    queryFn: () => api.get<Page<OrganisationSummary>>(`/api/organisations${query({ page: 1, pageSize: 100 })}`),
    select: (data) => data.items.map((o) => ({ value: o.id, label: o.name })).sort((a, b) => a.label.localeCompare(b.label)),
    staleTime: 30_000,
  });
}

export function useOrganisation(id: string | null | undefined) {
  return useQuery({
    queryKey: ['organisations', 'detail', id],
    queryFn: () => api.get<Organisation>(`/api/organisations/${encodeURIComponent(id ?? '')}`),
    enabled: Boolean(id),
  });
}
