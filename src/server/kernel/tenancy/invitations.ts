import type { Kysely } from 'kysely';
import type { Caller } from '../access/caller.js';
import { kernelDbOf, type Repository } from '../access/repository.js';
import { appendAudit } from '../audit/audit.js';
import { hashPassword } from '../auth/passwords.js';
import { createSession } from '../auth/sessions.js';
import { hashToken, newToken } from '../crypto.js';
import type { Database } from '../db/schema.js';
import { badRequest, HttpError, notFound, unprocessable } from '../errors.js';
import type { Kernel } from '../http/types.js';
import { translator } from '../i18n/i18n.js';
import { enqueueMail } from '../mail/mailer.js';
import { clientSideRoles, type Role, roleShapeProblem } from '../roles.js';

const invitationDays = 7;

/** Granting oneself a role (or a process) is refused whoever asks: issue 7, finding 3. */
export const selfGrant = (path: string) =>
  new HttpError(403, 'self_grant', 'Nobody grants a role to themself: ask another administrator', [{ path, message: 'your own account' }]);

export interface InvitationInput {
  email: string;
  role: Role;
  organisationId?: string | undefined;
  unitId?: string | undefined;
}

/** Creates the invitation and its mail in one transaction through the caller's repository. */
export async function createInvitation(kernel: Kernel, repo: Repository, input: InvitationInput) {
  const shape = roleShapeProblem(input.role, input.organisationId, 'organisationId');
  if (shape)
    throw badRequest(
      clientSideRoles.includes(input.role)
        ? 'This role belongs to a client organisation'
        : 'A staff role belongs to the provider, not to an organisation',
      [shape],
    );
  const token = newToken();
  const now = kernel.clock.now();
  const expiresAt = new Date(now.getTime() + invitationDays * 86400_000);
  return repo.transaction(async (tx) => {
    // Nobody grants a role to themself: another admin (or the platform admin) does it.
    if (tx.caller.userId) {
      const me = await kernelDbOf(tx).selectFrom('users').select('email').where('id', '=', tx.caller.userId).executeTakeFirst();
      if (me && me.email.toLowerCase() === input.email.toLowerCase()) throw selfGrant('email');
    }
    let organisationName: string | null = null;
    if (input.organisationId) {
      const org = await tx
        .select('organisations')
        .select(['organisations.name'])
        .where('organisations.id', '=', input.organisationId)
        .executeTakeFirst();
      if (!org) throw unprocessable('invalid_reference', 'Unknown organisation', [{ path: 'organisationId', message: 'not found' }]);
      organisationName = org.name;
    }
    if (input.unitId) {
      const unit = await tx
        .select('units')
        .select('units.id')
        .where('units.id', '=', input.unitId)
        .where('units.organisation_id', '=', input.organisationId ?? '00000000-0000-0000-0000-000000000000')
        .executeTakeFirst();
      if (!unit) throw unprocessable('invalid_reference', 'Unknown unit of that organisation', [{ path: 'unitId', message: 'not found' }]);
    }
    const invitation = await tx.insert(
      'invitations',
      {
        email: input.email,
        role: input.role,
        organisation_id: input.organisationId ?? null,
        unit_id: input.unitId ?? null,
        token_hash: hashToken(token),
        invited_by: tx.caller.userId,
        expires_at: expiresAt,
        accepted_at: null,
        revoked_at: null,
      },
      { details: { role: input.role } },
    );
    await mailInvitation(kernel, kernelDbOf(tx), tx.caller, { email: input.email, role: input.role, token, expiresAt });
    return { ...invitation, organisationName };
  });
}

async function mailInvitation(
  kernel: Kernel,
  db: Kysely<Database>,
  caller: Caller,
  input: { email: string; role: Role; token: string; expiresAt: Date },
) {
  const provider = await db
    .selectFrom('providers')
    .select(['name', 'default_locale', 'time_zone'])
    .where('id', '=', caller.providerId!)
    .executeTakeFirstOrThrow();
  const inviter = caller.userId
    ? await db.selectFrom('users').select(['name', 'email']).where('id', '=', caller.userId).executeTakeFirst()
    : undefined;
  const existing = await db
    .selectFrom('users')
    .select('locale')
    .where(db.fn('lower', ['email']), '=', input.email)
    .executeTakeFirst();
  const lang = existing?.locale ?? provider.default_locale;
  const t = translator(lang);
  const expires = new Intl.DateTimeFormat(lang === 'nb' ? 'nb-NO' : lang, {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: provider.time_zone,
  }).format(input.expiresAt);
  await enqueueMail(db, {
    providerId: caller.providerId,
    to: input.email,
    subject: t('mail.invitation.subject', { providerName: provider.name }),
    text: `${t('mail.invitation.body', {
      inviterName: inviter?.name || inviter?.email || provider.name,
      providerName: provider.name,
      roleName: t(`role.${input.role}`),
      expires,
      link: `${kernel.config.publicUrl}/invitation?token=${input.token}`,
    })}\n\n— ${t('mail.signature', { providerName: provider.name })}`,
  });
}

async function openInvitation(db: Kysely<Database>, kernel: Kernel, token: string) {
  const invitation = await db
    .selectFrom('invitations as i')
    .innerJoin('providers as p', 'p.id', 'i.provider_id')
    .leftJoin('organisations as o', 'o.id', 'i.organisation_id')
    .select([
      'i.id',
      'i.provider_id',
      'i.email',
      'i.role',
      'i.organisation_id',
      'i.unit_id',
      'i.invited_by',
      'p.name as provider_name',
      'o.name as organisation_name',
    ])
    .where('i.token_hash', '=', hashToken(token))
    .where('i.accepted_at', 'is', null)
    .where('i.revoked_at', 'is', null)
    .where('i.expires_at', '>', kernel.clock.now())
    .executeTakeFirst();
  if (!invitation) throw notFound('The invitation is unknown, used, revoked or expired');
  return invitation;
}

/** The token is the credential here: it is looked up by its hash, not through a caller's scope. */
export async function describeInvitation(kernel: Kernel, token: string) {
  const db = kernel.db.kysely;
  const invitation = await openInvitation(db, kernel, token);
  const existing = await db
    .selectFrom('users')
    .select('id')
    .where(db.fn('lower', ['email']), '=', invitation.email.toLowerCase())
    .executeTakeFirst();
  return {
    email: invitation.email,
    providerName: invitation.provider_name,
    role: invitation.role,
    organisationName: invitation.organisation_name,
    existingUser: !!existing,
  };
}

export async function acceptInvitation(
  kernel: Kernel,
  caller: Caller,
  token: string,
  input: { name: string; password?: string | undefined },
): Promise<{ sessionToken: string | null }> {
  const db = kernel.db.kysely;
  const passwordHash = input.password ? await hashPassword(input.password) : null;
  return db.transaction().execute(async (trx) => {
    const invitation = await openInvitation(trx, kernel, token);
    const now = kernel.clock.now();
    let user = await trx
      .selectFrom('users')
      .select(['id'])
      .where(trx.fn('lower', ['email']), '=', invitation.email.toLowerCase())
      .executeTakeFirst();
    let sessionToken: string | null = null;
    // The second wall against a self-granted role: whatever address it was sent to, an invitation
    // is never accepted by the account that sent it.
    if (user && invitation.invited_by === user.id) throw selfGrant('token');
    // An invitation made before roles' shapes were checked may bind a staff role to an organisation.
    if (roleShapeProblem(invitation.role as Role, invitation.organisation_id, 'organisationId'))
      throw unprocessable('invitation_invalid', 'This invitation cannot be accepted: ask for a new one');
    if (user) {
      // An invitation must not hand an existing account to whoever holds the link.
      if (caller.userId !== user.id)
        throw new HttpError(409, 'sign_in_first', 'This address already has an account: sign in first, then accept');
    } else {
      // Someone signed in as another account would create this one without noticing: ask them to sign out.
      if (caller.userId)
        throw new HttpError(409, 'signed_in_as_other', 'You are signed in as someone else: sign out first, then open the link again');
      if (!passwordHash) throw badRequest('A password is needed', [{ path: 'password', message: 'required' }]);
      user = await trx
        .insertInto('users')
        .values({
          email: invitation.email,
          name: input.name,
          password_hash: passwordHash,
          updated_at: now,
          locale: null,
          time_zone: null,
          totp_secret: null,
          totp_pending_secret: null,
          totp_enabled_at: null,
          totp_last_step: null,
          disabled_at: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
    }
    await trx
      .insertInto('memberships')
      .values({
        provider_id: invitation.provider_id,
        user_id: user.id,
        role: invitation.role,
        organisation_id: invitation.organisation_id,
        unit_id: invitation.unit_id,
      })
      .onConflict((oc) => oc.doNothing())
      .execute();
    await trx.updateTable('invitations').set({ accepted_at: now }).where('id', '=', invitation.id).execute();
    await appendAudit(
      trx,
      { ...caller, providerId: invitation.provider_id },
      {
        action: 'invitation.accept',
        entityType: 'invitation',
        entityId: invitation.id,
        actorUserId: user.id,
        details: { role: invitation.role },
      },
    );
    if (!caller.userId) {
      sessionToken = await createSession(trx, kernel.clock, {
        userId: user.id,
        providerId: invitation.provider_id,
        ttlHours: kernel.config.sessionTtlHours,
        ip: caller.ip,
        userAgent: caller.userAgent,
      });
    }
    return { sessionToken };
  });
}
