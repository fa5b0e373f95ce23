import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { RouteQuery } from '../../../shared/http';
import { intakeApi } from '../../../shared/intake';
import { personRoutes, processRoutes, serviceRoutes } from '../../../shared/processes';
import { schedulingRoutes } from '../../../shared/scheduling';
import { memberRoutes, organisationRoutes } from '../../../shared/tenancy';
import { call } from '../../app/api';

const enc = encodeURIComponent;

export const keys = {
  all: ['supervision'] as const,
  processes: (params: Record<string, string>) => ['supervision', 'processes', params] as const,
  process: (id: string) => ['supervision', 'process', id] as const,
  scaling: (id: string) => ['supervision', 'scaling', id] as const,
  services: ['supervision', 'services'] as const,
  people: (organisationId: string) => ['supervision', 'people', organisationId] as const,
  calendar: (from: string, to: string) => ['supervision', 'calendar', from, to] as const,
  calendarAll: ['supervision', 'calendar'] as const,
  meeting: (id: string) => ['supervision', 'meeting', id] as const,
  note: (id: string) => ['supervision', 'note', id] as const,
  availability: ['supervision', 'availability'] as const,
  feed: ['supervision', 'feed'] as const,
};

/** The processes in the caller's reach; `status: 'open'` for those under way. Empty filters are left out. */
export function useProcesses(params: RouteQuery<typeof processRoutes.list> = {}, enabled = true) {
  const clean = Object.fromEntries(Object.entries(params ?? {}).filter(([, v]) => v)) as Record<string, string>;
  return useQuery({
    queryKey: keys.processes(clean),
    queryFn: () => call(processRoutes.list, { query: clean as RouteQuery<typeof processRoutes.list> }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useProcess(id: string | null | undefined) {
  return useQuery({
    queryKey: keys.process(id ?? ''),
    queryFn: () => call(processRoutes.get, { params: { id: id ?? '' } }),
    enabled: Boolean(id),
  });
}

export function useScaling(id: string | null | undefined, enabled = true) {
  return useQuery({
    queryKey: keys.scaling(id ?? ''),
    queryFn: () => call(processRoutes.scaling, { params: { id: id ?? '' } }),
    enabled: Boolean(id) && enabled,
  });
}

export function useServices(enabled = true) {
  return useQuery({
    queryKey: keys.services,
    queryFn: () => call(serviceRoutes.list),
    staleTime: 60_000,
    enabled,
  });
}

export function usePeople(organisationId: string | null | undefined) {
  return useQuery({
    queryKey: keys.people(organisationId ?? ''),
    queryFn: () => call(personRoutes.list, { query: organisationId ? { organisationId } : {} }),
    enabled: Boolean(organisationId),
  });
}

export function useCalendar(from: string, to: string, enabled = true) {
  return useQuery({
    queryKey: keys.calendar(from, to),
    queryFn: () => call(schedulingRoutes.calendar, { query: { from, to } }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useMeeting(id: string | null | undefined) {
  return useQuery({
    queryKey: keys.meeting(id ?? ''),
    queryFn: () => call(schedulingRoutes.meeting, { params: { id: id ?? '' } }),
    enabled: Boolean(id),
  });
}

export function useAvailability(enabled = true) {
  return useQuery({
    queryKey: keys.availability,
    queryFn: () => call(schedulingRoutes.getAvailability),
    enabled,
  });
}

export const paths = {
  process: (id: string) => `/processes/${enc(id)}`,
  agreement: (id: string) => `/processes/${enc(id)}/agreement`,
  meeting: (id: string) => `/meetings/${enc(id)}`,
};

export { enc };

/**
 * Client organisations to choose from: the admin list when the caller may read it, else the
 * organisations of the caller's processes.
 */
export function useOrganisationChoices() {
  const processes = useProcesses();
  const list = useQuery({
    queryKey: ['supervision', 'organisations'],
    queryFn: async () => {
      try {
        const page = await call(organisationRoutes.list, { query: { page: 1, pageSize: 100 } });
        return page.items.map((o) => ({ value: o.id, label: o.name }));
      } catch {
        return null;
      }
    },
    staleTime: 30_000,
    retry: false,
  });
  const fromProcesses = new Map<string, string>();
  for (const p of processes.data?.items ?? []) fromProcesses.set(p.organisationId, p.organisationName);
  const options = list.data ?? [...fromProcesses].map(([value, label]) => ({ value, label }));
  return {
    isPending: list.isPending,
    options: [...options].sort((a, b) => a.label.localeCompare(b.label)),
  };
}

/** Practitioners of the provider, to choose supervisors from (on-call list, else the member list for admins). */
export function usePractitionerChoices(isAdmin: boolean) {
  return useQuery({
    queryKey: ['supervision', 'practitioners', isAdmin],
    queryFn: async () => {
      try {
        const list = await call(intakeApi.onCall);
        return list.items.map((p) => ({ value: p.userId, label: p.name, email: p.email }));
      } catch {
        if (!isAdmin) return [];
        const page = await call(memberRoutes.list, { query: { role: 'practitioner', page: 1, pageSize: 100 } });
        return page.items.map((p) => ({ value: p.userId, label: p.name, email: p.email }));
      }
    },
    staleTime: 60_000,
    retry: false,
  });
}
