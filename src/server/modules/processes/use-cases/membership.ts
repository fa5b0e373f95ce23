import { conflict, HttpError, notFound, unprocessable } from '../../../kernel/errors.js';
import type { ServiceContext } from '../../../kernel/service-context.js';
import type { ProcessDetail } from '../queries.js';
import { assignment, detailOrThrow, field, requirePeople, requirePractitioners, requireProcess } from './checks.js';

// Who is on a process: its participants (people of the organisation) and its practitioners.

/** What these use cases need of the service context (src/server/kernel/service-context.ts). */
type Ctx = Pick<ServiceContext, 'repo' | 'clock'>;

export async function addParticipant(ctx: Ctx, processId: string, personId: string): Promise<ProcessDetail> {
  await ctx.repo.transaction(async (tx) => {
    const process = await requireProcess(tx, processId);
    await requirePeople(tx, process.organisation_id, [personId], 'personId');
    const existing = await tx
      .select('process_participants')
      .select('process_participants.id')
      .where('process_participants.process_id', '=', processId)
      .where('process_participants.person_id', '=', personId)
      .executeTakeFirst();
    if (existing) throw conflict('Already a participant', field('personId', 'already a participant'));
    await tx.insert('process_participants', { process_id: processId, person_id: personId });
  });
  return detailOrThrow(ctx, processId);
}

export async function removeParticipant(ctx: Ctx, processId: string, personId: string): Promise<void> {
  await ctx.repo.transaction(async (tx) => {
    await requireProcess(tx, processId);
    const link = await tx
      .select('process_participants')
      .select('process_participants.id')
      .where('process_participants.process_id', '=', processId)
      .where('process_participants.person_id', '=', personId)
      .executeTakeFirst();
    if (!link) throw notFound();
    await tx.delete('process_participants', link.id);
  });
}

export async function addPractitioner(ctx: Ctx, processId: string, userId: string): Promise<ProcessDetail> {
  await ctx.repo.transaction(async (tx) => {
    await requireProcess(tx, processId);
    // Joining an existing process opens its answers and notes to the one who joins: someone else
    // decides that (policy.ts refuses it as well; this says why).
    if (userId === tx.caller.userId)
      throw new HttpError(
        403,
        'self_grant',
        'Nobody assigns themself to a process: ask a colleague or another administrator',
        field('userId', 'your own account'),
      );
    await requirePractitioners(tx, [userId], 'userId');
    const existing = await tx
      .select('process_practitioners')
      .select('process_practitioners.id')
      .where('process_practitioners.process_id', '=', processId)
      .where('process_practitioners.user_id', '=', userId)
      .executeTakeFirst();
    if (existing) throw conflict('Already a practitioner of this process', field('userId', 'already on the process'));
    await tx.insert('process_practitioners', { process_id: processId, user_id: userId }, assignment(userId, processId));
  });
  return detailOrThrow(ctx, processId);
}

/** Removes a practitioner; the last one stays (a process nobody leads would drop out of every caseload). */
export async function removePractitioner(ctx: Ctx, processId: string, userId: string): Promise<void> {
  await ctx.repo.transaction(async (tx) => {
    await requireProcess(tx, processId);
    const links = await tx
      .select('process_practitioners')
      .select(['process_practitioners.id', 'process_practitioners.user_id'])
      .where('process_practitioners.process_id', '=', processId)
      .forUpdate()
      .execute();
    const link = links.find((l) => l.user_id === userId);
    if (!link) throw notFound();
    if (links.length === 1)
      throw unprocessable('last_practitioner', 'A process keeps at least one practitioner', field('userId', 'the last practitioner'));
    await tx.delete('process_practitioners', link.id, assignment(userId, processId));
  });
}
