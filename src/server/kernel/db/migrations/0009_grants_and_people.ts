import type { Kysely } from 'kysely';
import { runStatements } from '../statements.js';

// Findings 1 and 12 of issue 7.
// - checkins.sent_to: a link goes to the address it was sent to; the reminder must not follow a
//   later change of people.email (that is how an employer's HR contact took over a questionnaire).
//   Check-ins already sent keep the address they have now.
// - Staff roles belong to the provider, with no organisation: the database refuses the other shape
//   too (kernel/roles.ts checks it first and answers 400). NOT VALID so that an installation with
//   an old mis-shaped row still migrates; new and changed rows are checked.
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    alter table checkins add column sent_to text;
    update checkins set sent_to = people.email from people where people.id = checkins.person_id and checkins.status = 'sent' and checkins.sent_to is null;
    alter table memberships add constraint memberships_staff_without_organisation check (role not in ('provider_admin','practitioner','municipal_expert') or organisation_id is null) not valid;
    alter table invitations add constraint invitations_role_shape check ((role not in ('provider_admin','practitioner','municipal_expert') or organisation_id is null) and (role not in ('client_contact','participant','peer_supporter','job_seeker') or organisation_id is not null)) not valid;
    `,
  );
}
