import type { Updateable } from 'kysely';
import type { Repository } from '../../../kernel/access/repository.js';
import type { ProcessesTable } from '../../../kernel/db/schema.js';
import { badRequest, HttpError, notFound, unprocessable } from '../../../kernel/errors.js';
import type { ServiceContext } from '../../../kernel/service-context.js';
import { type ProcessDetail, peopleOfOrganisation, practitionerUserIds, processDetail, serviceById } from '../queries.js';

// The checks the processes use cases share: each reference is checked through the caller's
// repository, so what the caller cannot reach is, for them, not there.

/** What these use cases need of the service context (src/server/kernel/service-context.ts). */
type Ctx = Pick<ServiceContext, 'repo' | 'clock'>;

export const field = (path: string, message: string) => [{ path, message }];

/** Who was put on (or taken off) which process, named in the audit event for the security view. */
export const assignment = (userId: string, processId: string) => ({ details: { userId, processId } });

/**
 * `processes.updated_at` is typed `Generated<Timestamp>` in the kernel schema, which makes Kysely
 * expect the column-type object itself in an update; a Date is what it takes at run time.
 */
export const stamp = (at: Date) => at as unknown as Updateable<ProcessesTable>['updated_at'];

/** The caller's own provider row (the kernel reads it: not a tenant table). */
export function provider(ctx: Pick<ServiceContext, 'repo'>) {
  return ctx.repo.provider();
}

/** A referenced organisation the caller cannot reach is, for them, not there. */
export async function requireOrganisation(repo: Repository, id: string, path = 'organisationId'): Promise<void> {
  const ok = await repo.readableIds('organisations', [id]);
  if (!ok.has(id)) throw new HttpError(404, 'not_found', 'Unknown organisation', field(path, 'not found'));
}

export async function requireService(repo: Repository, id: string, path = 'serviceId') {
  const service = await serviceById(repo, id);
  if (!service) throw unprocessable('invalid_reference', 'Unknown service', field(path, 'not found'));
  if (!service.active) throw unprocessable('invalid_reference', 'The service is no longer offered', field(path, 'inactive'));
  return service;
}

export async function requireUnit(repo: Repository, organisationId: string, unitId: string): Promise<void> {
  const unit = await repo
    .select('units')
    .select('units.id')
    .where('units.id', '=', unitId)
    .where('units.organisation_id', '=', organisationId)
    .executeTakeFirst();
  if (!unit) throw unprocessable('invalid_reference', 'Unknown unit', field('unitId', 'not a unit of this organisation'));
}

export async function requirePractitioners(repo: Repository, userIds: readonly string[], path: string): Promise<void> {
  const found = await practitionerUserIds(repo, userIds);
  const missing = userIds.findIndex((id) => !found.has(id));
  if (missing >= 0)
    throw unprocessable(
      'invalid_reference',
      'Not a practitioner of this provider',
      field(path.includes('[]') ? path.replace('[]', `.${missing}`) : path, 'not a practitioner'),
    );
}

export async function requirePeople(repo: Repository, organisationId: string, personIds: readonly string[], path: string): Promise<void> {
  const found = await peopleOfOrganisation(repo, organisationId, personIds);
  const missing = personIds.findIndex((id) => !found.has(id));
  if (missing >= 0)
    throw unprocessable(
      'invalid_reference',
      'Not a person of this organisation',
      field(path.includes('[]') ? path.replace('[]', `.${missing}`) : path, 'not a person of the organisation'),
    );
}

/** The process as the caller reaches it, or 404: a colleague who is not on it finds nothing. */
export async function requireProcess(repo: Repository, id: string) {
  const row = await repo.select('processes').selectAll('processes').where('processes.id', '=', id).executeTakeFirst();
  if (!row) throw notFound();
  return row;
}

export function checkDates(startDate: string | null | undefined, reviewDate: string | null | undefined): void {
  if (startDate && reviewDate && reviewDate < startDate)
    throw badRequest('The review date is before the start date', field('reviewDate', 'before the start date'));
}

export async function detailOrThrow(ctx: Ctx, id: string): Promise<ProcessDetail> {
  const detail = await processDetail(ctx.repo, id, ctx.clock.now());
  if (!detail) throw notFound();
  return detail;
}
