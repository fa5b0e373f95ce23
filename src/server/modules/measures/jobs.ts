// The measures module's scheduled work: planned check-ins are created and sent when due, an
// unanswered one is reminded once, and an urgent alert nobody acknowledged goes to the on-call list.
// Rows are claimed with FOR UPDATE SKIP LOCKED, so several servers never do the same work twice.
import { sql } from 'kysely';
import { jobCaller } from '../../kernel/access/caller.js';
import { Repository } from '../../kernel/access/repository.js';
import type { Clock } from '../../kernel/clock.js';
import type { Config } from '../../kernel/config.js';
import { DataCipher } from '../../kernel/crypto.js';
import type { Db } from '../../kernel/db/database.js';
import type { JobDefinition } from '../../kernel/jobs/scheduler.js';
import { enqueueMail } from '../../kernel/mail/mailer.js';
import { displayLocale } from './logic/instrument.js';
import { formatExpiry, measuresMail } from './mail.js';
import { resolveInstrument } from './registry.js';
import { materialiseProcess, pick, processPractitionerRecipients, providerRow } from './service.js';

export interface MeasuresJobDeps {
  db: Db;
  config: Config;
  clock: Clock;
}

export function measuresJobs(deps: MeasuresJobDeps): JobDefinition[] {
  return [
    { name: 'measures-checkins', pattern: '0 * * * * *', run: () => runCheckinPlans(deps) },
    { name: 'measures-reminders', pattern: '30 */5 * * * *', run: () => sendCheckinReminders(deps) },
    { name: 'measures-escalation', pattern: '15 * * * * *', run: () => escalateUrgentAlerts(deps) },
  ];
}

/** Every process with a plan that may still send: its due check-ins are created and sent. */
export async function runCheckinPlans(deps: MeasuresJobDeps): Promise<number> {
  const processes = await deps.db.kysely
    .selectFrom('checkin_plans')
    .innerJoin('processes', 'processes.id', 'checkin_plans.process_id')
    .select(['checkin_plans.provider_id', 'checkin_plans.process_id'])
    .where('processes.status', 'in', ['agreed', 'active', 'completed'])
    .groupBy(['checkin_plans.provider_id', 'checkin_plans.process_id'])
    .execute();
  const cipher = new DataCipher(deps.config.dataKey);
  let created = 0;
  for (const p of processes) {
    const repo = new Repository(deps.db.kysely, jobCaller(p.provider_id));
    created += await materialiseProcess({ repo, clock: deps.clock, db: deps.db.kysely, cipher, config: deps.config }, p.process_id);
  }
  return created;
}

/** One reminder for a check-in still unanswered after the provider's delay, with the same link. */
export async function sendCheckinReminders(deps: MeasuresJobDeps, batch = 200): Promise<number> {
  const now = deps.clock.now();
  const cipher = new DataCipher(deps.config.dataKey);
  return deps.db.kysely.transaction().execute(async (trx) => {
    const due = await trx
      .selectFrom('checkins')
      .leftJoin('measure_settings', 'measure_settings.provider_id', 'checkins.provider_id')
      .innerJoin('people', 'people.id', 'checkins.person_id')
      .select([
        'checkins.id',
        'checkins.provider_id',
        'checkins.token_sealed',
        'checkins.expires_at',
        'checkins.locale',
        'checkins.instrument_key',
        'checkins.instrument_version',
        'people.name',
        'people.email',
      ])
      .where('checkins.status', '=', 'sent')
      .where('checkins.reminded_at', 'is', null)
      .where('checkins.token_sealed', 'is not', null)
      .where('checkins.expires_at', '>', now)
      .where(
        sql<boolean>`checkins.sent_at <= ${now}::timestamptz - make_interval(hours => coalesce(measure_settings.reminder_after_hours, 72))`,
      )
      .orderBy('checkins.sent_at')
      .limit(batch)
      .forUpdate('checkins')
      .skipLocked()
      .execute();
    for (const c of due) {
      const repo = new Repository(trx, jobCaller(c.provider_id), true);
      await repo.update('checkins', c.id, { reminded_at: now }, { action: 'checkin.remind' });
      if (!c.email || !c.token_sealed || !c.expires_at) continue;
      const token = cipher.decrypt(c.token_sealed, `checkin:${c.id}`);
      const provider = await providerRow(trx, c.provider_id);
      const { def } = await resolveInstrument(repo, c.instrument_key, c.instrument_version || undefined);
      const mail = measuresMail('reminder', c.locale, {
        name: c.name,
        providerName: provider.name,
        instrumentName: pick(def.name, displayLocale(def, c.locale)),
        link: `${deps.config.publicUrl}/r/${token}`,
        expires: formatExpiry(new Date(c.expires_at), provider.time_zone, c.locale),
      });
      await enqueueMail(trx, { to: c.email, providerId: c.provider_id, ...mail });
    }
    return due.length;
  });
}

/** Urgent alerts not acknowledged within the provider's time go to every on-call practitioner. */
export async function escalateUrgentAlerts(deps: MeasuresJobDeps, batch = 100): Promise<number> {
  const now = deps.clock.now();
  return deps.db.kysely.transaction().execute(async (trx) => {
    const due = await trx
      .selectFrom('measure_alerts')
      .leftJoin('measure_settings', 'measure_settings.provider_id', 'measure_alerts.provider_id')
      .innerJoin('processes', 'processes.id', 'measure_alerts.process_id')
      .select([
        'measure_alerts.id',
        'measure_alerts.provider_id',
        'measure_alerts.process_id',
        'processes.title',
        sql<number>`coalesce(measure_settings.escalation_minutes, 60)`.as('minutes'),
      ])
      .where('measure_alerts.level', '=', 'urgent')
      .where('measure_alerts.status', '=', 'open')
      .where('measure_alerts.escalated_at', 'is', null)
      .where(
        sql<boolean>`measure_alerts.created_at <= ${now}::timestamptz - make_interval(mins => coalesce(measure_settings.escalation_minutes, 60))`,
      )
      .orderBy('measure_alerts.created_at')
      .limit(batch)
      .forUpdate('measure_alerts')
      .skipLocked()
      .execute();
    for (const a of due) {
      const repo = new Repository(trx, jobCaller(a.provider_id), true);
      await repo.update('measure_alerts', a.id, { escalated_at: now }, { action: 'alert.escalate' });
      const provider = await providerRow(trx, a.provider_id);
      const onCall = await trx
        .selectFrom('memberships')
        .innerJoin('users', 'users.id', 'memberships.user_id')
        .select(['users.email', 'users.locale'])
        .where('memberships.provider_id', '=', a.provider_id)
        .where('memberships.role', '=', 'practitioner')
        .where('memberships.on_call', '=', true)
        .where('users.disabled_at', 'is', null)
        .execute();
      // The on-call colleague is not on the process (so cannot open it): the mail names who is.
      const responsible = (await processPractitionerRecipients(trx, a.provider_id, a.process_id))
        .map((p) => `${p.name} <${p.email}>`)
        .join(', ');
      for (const r of onCall) {
        const mail = measuresMail('escalation', r.locale ?? provider.default_locale, {
          processTitle: a.title,
          minutes: Number(a.minutes),
          practitioners: responsible,
          providerName: provider.name,
        });
        await enqueueMail(trx, { to: r.email, providerId: a.provider_id, ...mail });
      }
    }
    return due.length;
  });
}
