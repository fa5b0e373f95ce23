import { sql } from 'kysely';
import { systemCaller } from '../../kernel/access/caller.js';
import { Repository } from '../../kernel/access/repository.js';
import { appendAudit } from '../../kernel/audit/audit.js';
import type { Clock } from '../../kernel/clock.js';
import type { Config } from '../../kernel/config.js';
import type { Db } from '../../kernel/db/database.js';
import type { JobDefinition } from '../../kernel/jobs/scheduler.js';
import { enqueueMail } from '../../kernel/mail/mailer.js';
import { nudgeMail } from './mail.js';
import { sendMeetingMails } from './notify.js';
import { meetingParticipants, meetingPractitioners, meetingRow, type ProviderSettings, providerOf } from './queries.js';

export interface SchedulingJobDeps {
  db: Db;
  config: Config;
  clock: Clock;
}

const HOUR = 3600_000;
/** How far ahead a reminder goes out. */
export const reminderLeadHours = 24;
/** A process nudged less than this long ago is not nudged again (several servers, or a re-run). */
const nudgeQuietHours = 20;

/** The jobs of the scheduling module; the kernel registers them beside its own. */
export function schedulingJobs(deps: SchedulingJobDeps): JobDefinition[] {
  return [
    { name: 'scheduling-reminders', pattern: '0 */5 * * * *', run: () => sendDueReminders(deps, deps.clock.now()) },
    // 06:00 UTC: 08:00 or 09:00 in Helsinki, 07:00 or 08:00 in Stockholm and Oslo.
    { name: 'scheduling-nudges', pattern: '0 0 6 * * *', run: () => sendIdleProcessNudges(deps, deps.clock.now()) },
  ];
}

/**
 * Reminders for the planned meetings that begin within the next 24 hours, once per meeting: due
 * rows are claimed with FOR UPDATE SKIP LOCKED and marked in the same transaction as their mails
 * are queued, so several servers never remind twice and a failure reminds nobody half-way.
 * Returns the number of meetings reminded.
 */
export async function sendDueReminders(deps: SchedulingJobDeps, now: Date, batch = 200): Promise<number> {
  return deps.db.kysely.transaction().execute(async (trx) => {
    const due = await trx
      .selectFrom('meetings')
      .select(['id', 'provider_id'])
      .where('status', '=', 'planned')
      .where('reminder_sent_at', 'is', null)
      .where('starts_at', '>', now)
      .where('starts_at', '<=', new Date(now.getTime() + reminderLeadHours * HOUR))
      .orderBy('starts_at')
      .limit(batch)
      .forUpdate()
      .skipLocked()
      .execute();
    if (due.length === 0) return 0;
    await trx
      .updateTable('meetings')
      .set({ reminder_sent_at: now })
      .where(
        'id',
        'in',
        due.map((d) => d.id),
      )
      .execute();
    const providers = new Map<string, ProviderSettings>();
    for (const d of due) {
      const repo = new Repository(trx, systemCaller(d.provider_id), true);
      const row = await meetingRow(repo, d.id);
      if (!row) continue;
      let settings = providers.get(d.provider_id);
      if (!settings) {
        settings = await providerOf(trx, d.provider_id);
        providers.set(d.provider_id, settings);
      }
      await sendMeetingMails(trx, {
        kind: 'reminder',
        meeting: {
          id: row.id,
          startsAt: new Date(row.starts_at),
          endsAt: new Date(row.ends_at),
          timeZone: row.time_zone,
          place: row.place,
          location: row.location,
          videoLink: row.video_link,
          sequence: row.sequence,
          title: row.process_title,
          organisationName: row.organisation_name,
          createdBy: row.created_by,
          processLanguage: row.process_language,
        },
        audience: {
          practitioners: await meetingPractitioners(repo, d.id),
          participants: (await meetingParticipants(repo, d.id)).filter((p) => p.status !== 'cancelled'),
        },
        provider: settings,
        mailFrom: deps.config.mailFrom,
        now,
      });
    }
    return due.length;
  });
}

/**
 * The daily nudge: every active process with no planned meeting ahead, one mail per practitioner
 * listing theirs. Each nudge is an audit event (`process.nudge`), which is also how a second
 * server or a re-run the same day knows it was done; an advisory lock keeps two runs apart.
 * Returns the ids of the processes nudged.
 */
export async function sendIdleProcessNudges(deps: SchedulingJobDeps, now: Date): Promise<string[]> {
  return deps.db.kysely.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(hashtext('rinnalla.scheduling.nudges'))`.execute(trx);
    const idle = await trx
      .selectFrom('processes')
      .innerJoin('organisations', 'organisations.id', 'processes.organisation_id')
      .select(['processes.id', 'processes.provider_id', 'processes.title', 'organisations.name as organisation_name'])
      .where('processes.status', '=', 'active')
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom('meetings')
              .select('meetings.id')
              .whereRef('meetings.process_id', '=', 'processes.id')
              .where('meetings.status', '=', 'planned')
              .where('meetings.starts_at', '>', now),
          ),
        ),
      )
      .orderBy('processes.title')
      .execute();
    if (idle.length === 0) return [];
    const recent = new Set(
      (
        await trx
          .selectFrom('audit_events')
          .select('entity_id')
          .where('action', '=', 'process.nudge')
          .where('at', '>', new Date(now.getTime() - nudgeQuietHours * HOUR))
          .where(
            'entity_id',
            'in',
            idle.map((p) => p.id),
          )
          .execute()
      ).map((e) => e.entity_id),
    );
    const todo = idle.filter((p) => !recent.has(p.id));
    if (todo.length === 0) return [];
    const practitioners = await trx
      .selectFrom('process_practitioners')
      .innerJoin('users', 'users.id', 'process_practitioners.user_id')
      .select([
        'process_practitioners.process_id',
        'process_practitioners.provider_id',
        'users.id as user_id',
        'users.name',
        'users.email',
        'users.locale',
      ])
      .where(
        'process_practitioners.process_id',
        'in',
        todo.map((p) => p.id),
      )
      .where('users.disabled_at', 'is', null)
      .execute();
    const byProcess = new Map(todo.map((p) => [p.id, p]));
    const perRecipient = new Map<
      string,
      { providerId: string; name: string; email: string; locale: string | null; processes: typeof todo }
    >();
    for (const pp of practitioners) {
      const key = `${pp.provider_id}/${pp.user_id}`;
      const entry = perRecipient.get(key) ?? {
        providerId: pp.provider_id,
        name: pp.name,
        email: pp.email,
        locale: pp.locale,
        processes: [],
      };
      entry.processes.push(byProcess.get(pp.process_id)!);
      perRecipient.set(key, entry);
    }
    const providers = new Map<string, ProviderSettings>();
    for (const r of perRecipient.values()) {
      let settings = providers.get(r.providerId);
      if (!settings) {
        settings = await providerOf(trx, r.providerId);
        providers.set(r.providerId, settings);
      }
      const { subject, text } = nudgeMail(r.locale ?? settings.default_locale, {
        recipientName: r.name,
        providerName: settings.name,
        link: `${deps.config.publicUrl}/processes`,
        processes: r.processes.map((p) => ({ title: p.title, organisationName: p.organisation_name })),
      });
      await enqueueMail(trx, { providerId: r.providerId, to: r.email, subject, text });
    }
    for (const p of todo) {
      await appendAudit(trx, systemCaller(p.provider_id), { action: 'process.nudge', entityType: 'process', entityId: p.id });
    }
    return todo.map((p) => p.id);
  });
}
