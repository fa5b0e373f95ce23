import type { SystemRunner } from '../../kernel/access/system.js';
import type { Clock } from '../../kernel/clock.js';
import type { Config } from '../../kernel/config.js';
import type { JobDefinition } from '../../kernel/jobs/scheduler.js';
import { nudgeMail } from './mail.js';
import { sendMeetingMails } from './notify.js';
import { meetingParticipants, meetingPractitioners, meetingRow } from './queries.js';
import { forMail } from './use-cases/common.js';

export interface SchedulingJobDeps {
  /** Named system repositories per provider (`reminders`, `nudges`): the jobs never see the database. */
  system: SystemRunner;
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
 * are queued, so several servers never remind twice and a failure reminds nobody half-way. Runs
 * as each provider's `reminders` system caller (reads meetings and their people, marks
 * `reminder_sent_at`). Returns the number of meetings reminded.
 */
export async function sendDueReminders(deps: SchedulingJobDeps, now: Date, batch = 200): Promise<number> {
  const counts = await deps.system.forEachProvider('reminders', async (repo) => {
    const due = await repo
      .select('meetings')
      .select('meetings.id')
      .where('meetings.status', '=', 'planned')
      .where('meetings.reminder_sent_at', 'is', null)
      .where('meetings.starts_at', '>', now)
      .where('meetings.starts_at', '<=', new Date(now.getTime() + reminderLeadHours * HOUR))
      .orderBy('meetings.starts_at')
      .limit(batch)
      .forUpdate()
      .skipLocked()
      .execute();
    if (due.length === 0) return 0;
    const settings = await repo.provider();
    for (const d of due) {
      await repo.update('meetings', d.id, { reminder_sent_at: now }, { action: 'meeting.remind' });
      const row = await meetingRow(repo, d.id);
      if (!row) continue;
      await sendMeetingMails(repo, {
        kind: 'reminder',
        meeting: forMail(row),
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
  return counts.reduce((a, b) => a + b, 0);
}

/**
 * The daily nudge: every active process with no planned meeting ahead, one mail per practitioner
 * listing theirs. Each nudge is an audit event (`process.nudge`), which is also how a second
 * server or a re-run the same day knows it was done; a per-provider advisory lock keeps two runs
 * apart. Runs as each provider's `nudges` system caller. Returns the ids of the processes nudged.
 */
export async function sendIdleProcessNudges(deps: SchedulingJobDeps, now: Date): Promise<string[]> {
  const perProvider = await deps.system.forEachProvider(
    'nudges',
    async (repo) => {
      const idle = await repo
        .select('processes')
        .innerJoin('organisations', 'organisations.id', 'processes.organisation_id')
        .select(['processes.id', 'processes.title', 'organisations.name as organisation_name'])
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
          await repo
            .select('audit_events')
            .select('audit_events.entity_id')
            .where('audit_events.action', '=', 'process.nudge')
            .where('audit_events.at', '>', new Date(now.getTime() - nudgeQuietHours * HOUR))
            .where(
              'audit_events.entity_id',
              'in',
              idle.map((p) => p.id),
            )
            .execute()
        ).map((e) => e.entity_id),
      );
      const todo = idle.filter((p) => !recent.has(p.id));
      if (todo.length === 0) return [];
      const practitioners = await repo
        .select('process_practitioners')
        .innerJoin('users', 'users.id', 'process_practitioners.user_id')
        .select(['process_practitioners.process_id', 'users.id as user_id', 'users.name', 'users.email', 'users.locale'])
        .where(
          'process_practitioners.process_id',
          'in',
          todo.map((p) => p.id),
        )
        .where('users.disabled_at', 'is', null)
        .execute();
      const byProcess = new Map(todo.map((p) => [p.id, p]));
      const perRecipient = new Map<string, { name: string; email: string; locale: string | null; processes: typeof todo }>();
      for (const pp of practitioners) {
        const entry = perRecipient.get(pp.user_id) ?? { name: pp.name, email: pp.email, locale: pp.locale, processes: [] };
        entry.processes.push(byProcess.get(pp.process_id)!);
        perRecipient.set(pp.user_id, entry);
      }
      const settings = await repo.provider();
      for (const r of perRecipient.values()) {
        const { subject, text } = nudgeMail(r.locale ?? settings.default_locale, {
          recipientName: r.name,
          providerName: settings.name,
          link: `${deps.config.publicUrl}/processes`,
          processes: r.processes.map((p) => ({ title: p.title, organisationName: p.organisation_name })),
        });
        await repo.enqueueMail({ to: r.email, subject, text });
      }
      for (const p of todo) await repo.audit({ action: 'process.nudge', entityType: 'process', entityId: p.id });
      return todo.map((p) => p.id);
    },
    { exclusive: true },
  );
  return perProvider.flat();
}
