import { randomUUID } from 'node:crypto';
import type { ExpressionBuilder, Kysely } from 'kysely';
import nodemailer from 'nodemailer';
import type { Clock } from '../clock.js';
import type { Database, MailAttachment } from '../db/schema.js';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html?: string | null;
  providerId?: string | null;
  /** e.g. a meeting's .ics: `{ filename: 'invite.ics', contentType: 'text/calendar; method=REQUEST', content }` */
  attachments?: MailAttachment[];
}

/** What one delivery hands the transport; `messageId` is the same on every attempt of a mail. */
export interface TransportMail {
  from: string;
  to: string;
  subject: string;
  text: string;
  html?: string | undefined;
  attachments?: MailAttachment[] | undefined;
  messageId: string;
}

/** The outside world: replaced in tests by one that records what it was given. */
export interface MailTransport {
  send(mail: TransportMail): Promise<void>;
}

export function smtpTransport(smtpUrl: string): MailTransport {
  // Bounded waits: a send must end well within its lease (see deliverDueMail), or another server
  // would take the mail over while this one still talks to the relay.
  const transporter = nodemailer.createTransport({
    url: smtpUrl,
    connectionTimeout: 30_000,
    greetingTimeout: 30_000,
    socketTimeout: 60_000,
  });
  return {
    async send(mail) {
      await transporter.sendMail({
        ...mail,
        attachments: mail.attachments?.map((a) => ({ filename: a.filename, content: a.content, contentType: a.contentType })),
      });
    },
  };
}

/**
 * Mail is written to the outbox in the transaction of the change that caused it (an invitation
 * and its mail commit together); a job delivers it afterwards and retries on failure.
 */
export async function enqueueMail(db: Kysely<Database>, mail: OutgoingMail): Promise<void> {
  await db
    .insertInto('mail_outbox')
    .values({
      provider_id: mail.providerId ?? null,
      to_address: mail.to,
      subject: mail.subject,
      text_body: mail.text,
      html_body: mail.html ?? null,
      attachments: mail.attachments?.length ? JSON.stringify(mail.attachments) : null,
      status: 'pending',
      next_attempt_at: new Date(0),
      last_error: null,
      sent_at: null,
    })
    .execute();
}

const maxAttempts = 8;
const defaultLeaseMs = 15 * 60_000;

export interface DeliveryOptions {
  batch?: number;
  /** The public host, for the Message-ID (`<outbox id@host>`); defaults to the sender's domain. */
  host?: string;
  /** Who holds the lease: one name per delivering server (a fresh one per run by default). */
  owner?: string;
  leaseMs?: number;
}

/** The same on every attempt of a mail, so a mail sent again after a crash is recognisable as the same one. */
export function messageIdOf(outboxId: string, host: string): string {
  return `<${outboxId}@${host}>`;
}

const emptied = { text_body: null, html_body: null, attachments: null } as const;

/**
 * Delivers due mail. A short transaction claims a batch with a lease; each mail is sent outside
 * any transaction and marked sent right after, so a server killed mid-batch leaves at most the mail
 * in flight unmarked — another server sends that one again once the lease has run out, under the
 * same Message-ID. A server whose lease ran out stops and leaves the rest to whoever took it over.
 * A sent or given-up mail keeps its metadata only: its body held live links.
 * Without a transport (the embedded default) mail is kept whole as 'stored' for the development outbox.
 */
export async function deliverDueMail(
  db: Kysely<Database>,
  transport: MailTransport | null,
  from: string,
  clock: Clock,
  options: DeliveryOptions = {},
): Promise<number> {
  const now = clock.now();
  const batch = options.batch ?? 20;
  if (!transport) {
    const stored = await db
      .updateTable('mail_outbox')
      .set({ status: 'stored' })
      .where('status', '=', 'pending')
      .where('next_attempt_at', '<=', now)
      .returning('id')
      .execute();
    return stored.length;
  }
  const host = options.host ?? from.split('@').pop()?.replace(/[>\s]/g, '') ?? 'localhost';
  const owner = options.owner ?? randomUUID();
  const leaseMs = options.leaseMs ?? defaultLeaseMs;
  const leaseUntil = new Date(now.getTime() + leaseMs);
  const claimable = (eb: ExpressionBuilder<Database, 'mail_outbox'>) =>
    eb.and([
      eb('status', '=', 'pending'),
      eb('next_attempt_at', '<=', now),
      eb.or([eb('claimed_until', 'is', null), eb('claimed_until', '<', now)]),
    ]);
  const claimed = await db.transaction().execute(async (trx) => {
    // A mail whose sends kept dying with their server (attempts are counted at the claim) is given up.
    await trx
      .updateTable('mail_outbox')
      .set({ status: 'failed', claimed_until: null, claimed_by: null, last_error: 'delivery never completed', ...emptied })
      .where(claimable)
      .where('attempts', '>=', maxAttempts)
      .execute();
    const due = await trx
      .selectFrom('mail_outbox')
      .select('id')
      .where(claimable)
      .orderBy('next_attempt_at')
      .orderBy('created_at')
      .orderBy('id')
      .limit(batch)
      .forUpdate()
      .skipLocked()
      .execute();
    if (due.length === 0) return [];
    return trx
      .updateTable('mail_outbox')
      .set((eb) => ({ claimed_until: leaseUntil, claimed_by: owner, attempts: eb('attempts', '+', 1) }))
      .where(
        'id',
        'in',
        due.map((d) => d.id),
      )
      .returningAll()
      .execute();
  });
  const at = (d: Date | string) => new Date(d).getTime();
  claimed.sort((a, b) => at(a.next_attempt_at) - at(b.next_attempt_at) || at(a.created_at) - at(b.created_at) || a.id.localeCompare(b.id));
  const mine = (eb: ExpressionBuilder<Database, 'mail_outbox'>) => eb.and([eb('claimed_by', '=', owner), eb('status', '=', 'pending')]);
  for (const [index, mail] of claimed.entries()) {
    // Leave a margin for the send itself (the SMTP transport's waits are bounded well below it).
    if (clock.now().getTime() > leaseUntil.getTime() - Math.min(5 * 60_000, leaseMs / 3)) {
      await db
        .updateTable('mail_outbox')
        .set({ claimed_until: null, claimed_by: null })
        .where(
          'id',
          'in',
          claimed.slice(index).map((m) => m.id),
        )
        .where(mine)
        .execute();
      break;
    }
    try {
      const attachments =
        typeof mail.attachments === 'string' ? (JSON.parse(mail.attachments) as MailAttachment[]) : (mail.attachments ?? undefined);
      await transport.send({
        from,
        to: mail.to_address,
        subject: mail.subject,
        text: mail.text_body ?? '',
        html: mail.html_body ?? undefined,
        attachments,
        messageId: messageIdOf(mail.id, host),
      });
      // Sent is sent, whoever holds the lease by now.
      await db
        .updateTable('mail_outbox')
        .set({ status: 'sent', sent_at: clock.now(), claimed_until: null, claimed_by: null, last_error: null, ...emptied })
        .where('id', '=', mail.id)
        .where('status', '=', 'pending')
        .execute();
    } catch (err) {
      const backoffMs = Math.min(2 ** mail.attempts * 30_000, 6 * 3600_000);
      const failed = mail.attempts >= maxAttempts;
      await db
        .updateTable('mail_outbox')
        .set({
          status: failed ? 'failed' : 'pending',
          last_error: String((err as Error).message ?? err).slice(0, 500),
          next_attempt_at: new Date(clock.now().getTime() + backoffMs),
          claimed_until: null,
          claimed_by: null,
          ...(failed ? emptied : {}),
        })
        .where('id', '=', mail.id)
        .where(mine)
        .execute();
    }
  }
  return claimed.length;
}
