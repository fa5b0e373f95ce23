import type { UseFormReturnType } from '@mantine/form';
import { useQuery } from '@tanstack/react-query';
import { type IntakeRequest, intakeApi, type TriageBody } from '../../../shared/intake';
import type { ProcessKind, Service } from '../../../shared/processes';
import { memberRoutes } from '../../../shared/tenancy';
import { call, isApiError } from '../../app/api';

/** The triage form's state: what the form edits, before it becomes a `TriageBody`. */
export interface NewPerson {
  name: string;
  email: string;
  phone: string;
}

export interface TriageValues {
  orgMode: 'existing' | 'new';
  organisationId: string;
  newOrgName: string;
  newOrgBusinessId: string;
  serviceId: string;
  title: string;
  practitionerIds: string[];
  personIds: string[];
  newPeople: NewPerson[];
  agreedSessions: number | string;
  startDate: string;
}

export type TriageFormType = UseFormReturnType<TriageValues>;

export interface StaffOption {
  userId: string;
  name: string;
}

/**
 * Practitioners to choose from: the members list (provider admins), else the on-call list, which
 * every staff member may read.
 */
export function usePractitioners() {
  return useQuery({
    queryKey: ['intake', 'practitioners'],
    queryFn: async (): Promise<StaffOption[]> => {
      try {
        const members = await call(memberRoutes.list, { query: { role: 'practitioner', page: 1, pageSize: 100 } });
        return members.items.map((m) => ({ userId: m.userId, name: m.name }));
      } catch (error) {
        if (!isApiError(error) || (error.status !== 403 && error.status !== 404)) throw error;
        const onCall = await call(intakeApi.onCall);
        return onCall.items.map((m) => ({ userId: m.userId, name: m.name }));
      }
    },
    staleTime: 60_000,
  });
}

/** The service that fits the request best: crisis group/individual by the number affected, else the kind asked for. */
export function suggestService(request: IntakeRequest, services: Service[]): Service | undefined {
  const active = services.filter((s) => s.active);
  let kind: ProcessKind | null = request.serviceKind;
  if (request.kind === 'crisis') kind = (request.affectedCount ?? 2) > 1 ? 'crisis_group' : 'crisis_individual';
  return active.find((s) => s.kind === kind) ?? (request.kind === 'crisis' ? active.find((s) => s.kind.startsWith('crisis')) : undefined);
}

/** The API's field paths → the form's fields, so a 400/409/422 lands at the right input. */
export function triageAliases(values: TriageValues): Record<string, string> {
  const aliases: Record<string, string> = {
    'organisation.id': 'organisationId',
    'organisation.name': 'newOrgName',
    'organisation.businessId': 'newOrgBusinessId',
    'process.serviceId': 'serviceId',
    'process.title': 'title',
    'process.practitionerIds': 'practitionerIds',
    'process.participants': 'personIds',
    'process.agreedSessions': 'agreedSessions',
    'process.startDate': 'startDate',
  };
  const offset = values.personIds.length;
  values.newPeople.forEach((_, i) => {
    for (const field of ['name', 'email', 'phone']) aliases[`process.participants.${offset + i}.${field}`] = `newPeople.${i}.${field}`;
  });
  return aliases;
}

/** The body of `POST /api/requests/:id/triage` from the form's values. */
export function toTriageBody(values: TriageValues): TriageBody {
  return {
    organisation:
      values.orgMode === 'existing'
        ? { id: values.organisationId }
        : { name: values.newOrgName.trim(), ...(values.newOrgBusinessId.trim() ? { businessId: values.newOrgBusinessId.trim() } : {}) },
    process: {
      serviceId: values.serviceId,
      title: values.title.trim(),
      practitionerIds: values.practitionerIds,
      participants: [
        ...values.personIds.map((personId) => ({ personId })),
        ...values.newPeople.map((p) => ({
          name: p.name.trim(),
          ...(p.email.trim() ? { email: p.email.trim() } : {}),
          ...(p.phone.trim() ? { phone: p.phone.trim() } : {}),
        })),
      ],
      ...(typeof values.agreedSessions === 'number' ? { agreedSessions: values.agreedSessions } : {}),
      ...(values.startDate ? { startDate: values.startDate } : {}),
    },
  };
}
