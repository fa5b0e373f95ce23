import { sql } from 'kysely';
import { kernelDbOf, type Repository } from '../access/repository.js';
import { countUpTo } from '../db/count.js';
import type { Role } from '../roles.js';

export interface MemberFilters {
  q?: string | undefined;
  role?: Role | undefined;
  organisationId?: string | undefined;
  page: number;
  pageSize: number;
}

export const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

function filteredMembers(repo: Repository, f: Omit<MemberFilters, 'page' | 'pageSize'>) {
  let query = repo.select('memberships').innerJoin('users', 'users.id', 'memberships.user_id');
  const q = f.q?.toLowerCase();
  if (q && q.length < 3) {
    // Too short for trigrams: first name or e-mail starts with it (btree text_pattern_ops indexes).
    const pattern = `${escapeLike(q)}%`;
    query = query.where((eb) =>
      eb.or([eb(eb.fn('lower', ['users.name']), 'like', pattern), eb(eb.fn('lower', ['users.email']), 'like', pattern)]),
    );
  } else if (q) {
    // Anywhere in the name or e-mail (surnames too), on the trigram index.
    query = query.where(sql<boolean>`lower(users.name) || ' ' || lower(users.email) like ${`%${escapeLike(q)}%`}`);
  }
  if (f.role) query = query.where('memberships.role', '=', f.role);
  if (f.organisationId) query = query.where('memberships.organisation_id', '=', f.organisationId);
  return query;
}

/** How many members match, counted up to the cap. */
export function memberCount(repo: Repository, f: Omit<MemberFilters, 'page' | 'pageSize'>) {
  return countUpTo(kernelDbOf(repo), filteredMembers(repo, f));
}

/** One page of the provider's members, ordered by name on the (name, id) index. */
export function memberSearch(repo: Repository, f: MemberFilters) {
  return filteredMembers(repo, f)
    .leftJoin('organisations', 'organisations.id', 'memberships.organisation_id')
    .select([
      'memberships.id',
      'memberships.user_id',
      'users.name',
      'users.email',
      'memberships.role',
      'memberships.organisation_id',
      'organisations.name as organisation_name',
      'memberships.created_at',
    ])
    .orderBy('users.name')
    .orderBy('memberships.id')
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize);
}
