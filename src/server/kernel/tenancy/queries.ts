import { sql } from 'kysely';
import type { Repository } from '../access/repository.js';
import type { Role } from '../roles.js';

export interface MemberFilters {
  q?: string | undefined;
  role?: Role | undefined;
  organisationId?: string | undefined;
  page: number;
  pageSize: number;
}

export const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * One page of the provider's members with the total in the same round trip. Prefix search on
 * name or e-mail uses the lower() text_pattern_ops indexes.
 */
export function memberSearch(repo: Repository, f: MemberFilters) {
  let query = repo
    .select('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .leftJoin('organisations', 'organisations.id', 'memberships.organisation_id');
  if (f.q) {
    const pattern = `${escapeLike(f.q.toLowerCase())}%`;
    query = query.where((eb) => eb.or([eb(eb.fn('lower', ['users.name']), 'like', pattern), eb(eb.fn('lower', ['users.email']), 'like', pattern)]));
  }
  if (f.role) query = query.where('memberships.role', '=', f.role);
  if (f.organisationId) query = query.where('memberships.organisation_id', '=', f.organisationId);
  return query
    .select([
      'memberships.id',
      'memberships.user_id',
      'users.name',
      'users.email',
      'memberships.role',
      'memberships.organisation_id',
      'organisations.name as organisation_name',
      'memberships.created_at',
      sql<number>`count(*) over ()`.as('total'),
    ])
    .orderBy('users.name')
    .orderBy('memberships.id')
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize);
}
