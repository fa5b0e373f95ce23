import type { Repository } from '../../kernel/access/repository.js';

// Queries of the intake module. Requests, organisations and memberships are read through the
// caller's repository (provider and role scope applied in SQL first); the provider row itself is
// the kernel's (`repo.provider()`).

/**
 * The intake queue: crises first, then the oldest first (the same order as `queueOrder`, done in
 * SQL so the limit keeps the most urgent). `open` = new or contacted. One index range scan on
 * `requests_queue (provider_id, status, kind, created_at)`.
 */
export function requestList(repo: Repository, filter: { status: 'open' | 'all'; submittedBy?: string | undefined }, limit = 500) {
  let query = repo.select('requests').selectAll('requests');
  if (filter.status === 'open') query = query.where('requests.status', 'in', ['new', 'contacted']);
  if (filter.submittedBy) query = query.where('requests.submitted_by', '=', filter.submittedBy);
  return query
    .orderBy((eb) => eb.case().when('requests.kind', '=', 'crisis').then(0).else(1).end())
    .orderBy('requests.created_at', 'asc')
    .orderBy('requests.id')
    .limit(limit)
    .execute();
}

export function requestById(repo: Repository, id: string) {
  return repo.select('requests').selectAll('requests').where('requests.id', '=', id).executeTakeFirst();
}

/** Every client organisation of the provider, for the duplicate check (names are normalised in logic.ts). */
export function organisationNames(repo: Repository) {
  return repo.select('organisations').select(['organisations.id', 'organisations.name', 'organisations.business_id']).execute();
}

/**
 * The practitioners to alert about a crisis: on call, in this provider, account not disabled. Read
 * with the system's repository for the provider (a client contact cannot list the staff).
 */
export function onCallPractitioners(system: Repository) {
  return system
    .select('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .select(['users.email', 'users.locale'])
    .where('memberships.role', '=', 'practitioner')
    .where('memberships.on_call', '=', true)
    .where('users.disabled_at', 'is', null)
    .orderBy('users.email')
    .execute();
}

function practitionerMemberships(repo: Repository) {
  return repo
    .select('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .select(['memberships.id', 'memberships.user_id', 'memberships.role', 'users.name', 'users.email', 'memberships.on_call']);
}

/** The provider's practitioners with their on-call flag, for the on-call list. */
export function onCallList(repo: Repository) {
  return practitionerMemberships(repo)
    .where('memberships.role', '=', 'practitioner')
    .orderBy('users.name')
    .orderBy('memberships.id')
    .limit(5000)
    .execute();
}

/** One membership with its user, as the caller reaches it. */
export function membershipEntry(repo: Repository, id: string) {
  return practitionerMemberships(repo).where('memberships.id', '=', id).executeTakeFirst();
}
