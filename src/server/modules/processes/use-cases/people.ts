import { conflict, isUniqueViolation, notFound } from '../../../kernel/errors.js';
import type { ServiceContext } from '../../../kernel/service-context.js';
import { emailChangedMail } from '../mail.js';
import { personById } from '../queries.js';
import { field, requireOrganisation, requireUnit } from './checks.js';

// The people of a client organisation: adding one and keeping their details.

type Ctx = Pick<ServiceContext, 'repo'>;

export interface PersonInput {
  organisationId: string;
  name: string;
  email?: string | null | undefined;
  phone?: string | null | undefined;
  locale?: 'fi' | 'sv' | 'nb' | 'en' | null | undefined;
  unitId?: string | null | undefined;
}

async function uniqueEmail<R>(work: () => Promise<R>): Promise<R> {
  try {
    return await work();
  } catch (err) {
    if (isUniqueViolation(err)) throw conflict('This organisation already has a person with that e-mail', field('email', 'already in use'));
    throw err;
  }
}

export async function createPerson(ctx: Ctx, input: PersonInput) {
  return uniqueEmail(() =>
    ctx.repo.transaction(async (tx) => {
      await requireOrganisation(tx, input.organisationId);
      if (input.unitId) await requireUnit(tx, input.organisationId, input.unitId);
      return tx.insert('people', {
        organisation_id: input.organisationId,
        name: input.name,
        email: input.email ?? null,
        phone: input.phone ?? null,
        locale: input.locale ?? null,
        unit_id: input.unitId ?? null,
      });
    }),
  );
}

export async function updatePerson(ctx: Ctx, id: string, input: Partial<Omit<PersonInput, 'organisationId'>>) {
  return uniqueEmail(() =>
    ctx.repo.transaction(async (tx) => {
      const person = await personById(tx, id);
      if (!person) throw notFound();
      if (input.unitId) await requireUnit(tx, person.organisation_id, input.unitId);
      // Who may change which field is the policy's (people: contact details are the person's and
      // their practitioners'); this only composes the write.
      const updated = await tx.update('people', id, {
        ...(input.name !== undefined ? { name: input.name } : {}),
        ...(input.email !== undefined ? { email: input.email } : {}),
        ...(input.phone !== undefined ? { phone: input.phone } : {}),
        ...(input.locale !== undefined ? { locale: input.locale } : {}),
        ...(input.unitId !== undefined ? { unit_id: input.unitId } : {}),
      });
      // The old address hears of a new one, in the same transaction: a change made behind the
      // person's back does not go unnoticed.
      if (person.email && person.email.toLowerCase() !== (updated.email ?? '').toLowerCase()) {
        const providerRow = await tx.provider();
        const mail = emailChangedMail(updated.locale ?? person.locale ?? providerRow.default_locale, {
          name: updated.name,
          providerName: providerRow.name,
          newAddress: updated.email,
        });
        await tx.enqueueMail({ to: person.email, ...mail });
      }
      return updated;
    }),
  );
}
