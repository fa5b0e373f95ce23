import type { Kysely } from 'kysely';
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

/** The outside world: replaced in tests by one that records what it was given. */
export interface MailTransport {
  send(mail: { from: string; to: string; subject: string; text: string; html?: string | undefined; attachments?: MailAttachment[] | undefined }): Promise<void>;
}

export function smtpTransport(smtpUrl: string): MailTransport {
  const transporter = nodemailer.createTransport(smtpUrl);
  return {
    async send(mail) {
      await transporter.sendMail({ ...mail, attachments: mail.attachments?.map((a) => ({ filename: a.filename, content: a.content, contentType: a.contentType })) });
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

/**
 * Delivers due mail. Rows are claimed with SKIP LOCKED so several servers never send one twice.
 * Without a transport (the embedded default) mail is kept as 'stored' for the development outbox.
 */
export async function deliverDueMail(
  db: Kysely<Database>,
  transport: MailTransport | null,
  from: string,
  clock: Clock,
  batch = 20,
): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const due = await trx
      .selectFrom('mail_outbox')
      .selectAll()
      .where('status', '=', 'pending')
      .where('next_attempt_at', '<=', clock.now())
      .orderBy('next_attempt_at')
      .limit(batch)
      .forUpdate()
      .skipLocked()
      .execute();
    for (const mail of due) {
      if (!transport) {
        await trx.updateTable('mail_outbox').set({ status: 'stored' }).where('id', '=', mail.id).execute();
        continue;
      }
      try {
        const attachments = typeof mail.attachments === 'string' ? (JSON.parse(mail.attachments) as MailAttachment[]) : (mail.attachments ?? undefined);
        await transport.send({ from, to: mail.to_address, subject: mail.subject, text: mail.text_body, html: mail.html_body ?? undefined, attachments });
        await trx.updateTable('mail_outbox').set({ status: 'sent', sent_at: clock.now(), attempts: mail.attempts + 1 }).where('id', '=', mail.id).execute();
      } catch (err) {
        const attempts = mail.attempts + 1;
        const backoffMs = Math.min(2 ** attempts * 30_000, 6 * 3600_000);
        await trx
          .updateTable('mail_outbox')
          .set({
            status: attempts >= maxAttempts ? 'failed' : 'pending',
            attempts,
            last_error: String((err as Error).message ?? err).slice(0, 500),
            next_attempt_at: new Date(clock.now().getTime() + backoffMs),
          })
          .where('id', '=', mail.id)
          .execute();
      }
    }
    return due.length;
  });
}
