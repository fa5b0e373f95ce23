// The measures module's scheduled work: planned check-ins are created and sent when due, an
// unanswered one is reminded once, and an urgent alert nobody acknowledged goes to the on-call list.
// Rows are claimed with FOR UPDATE SKIP LOCKED, so several servers never do the same work twice.
// Each job runs per provider as a named system caller (`checkin-sender`, `alert-escalation`) with
// only the grants it needs; the kernel lists the providers, the job never sees the database.
import type { SystemRunner } from '../../kernel/access/system.js';
import type { Clock } from '../../kernel/clock.js';
import type { Config } from '../../kernel/config.js';
import { type DataCipher, hashToken, newToken } from '../../kernel/crypto.js';
import type { JobDefinition } from '../../kernel/jobs/scheduler.js';
import { systemContext } from '../../kernel/service-context.js';
import type { Country } from './logic/roi.js';
import { formatExpiry, measuresMail } from './mail.js';
import { resolveInstrument, settingsOf } from './registry.js';
import { pick, providerRow } from './use-cases/common.js';
import { processPractitionerRecipients } from './use-cases/notifying.js';
import { materialiseProcess } from './use-cases/plans.js';

export interface MeasuresJobDeps {
  system: SystemRunner;
  config: Config;
  clock: Clock;
  cipher: DataCipher;
}

export function measuresJobs(deps: MeasuresJobDeps): JobDefinition[] {
  return [
    { name: 'measures-checkins', pattern: '0 * * * * *', run: () => runCheckinPlans(deps) },
    { name: 'measures-reminders', pattern: '30 */5 * * * *', run: () => sendCheckinReminders(deps) },
    { name: 'measures-escalation', pattern: '15 * * * * *', run: () => escalateUrgentAlerts(deps) },
  ];
}

const sum = (counts: number[]) => counts.reduce((a, b) => a + b, 0);

/** Every process with a plan that may still send: its due check-ins are created and sent (one transaction per process). */
export async function runCheckinPlans(deps: MeasuresJobDeps): Promise<number> {
  const counts = await deps.system.forEachProvider(
    'checkin-sender',
    async (repo) => {
      const processes = await repo
        .select('checkin_plans')
        .innerJoin('processes', 'processes.id', 'checkin_plans.process_id')
        .select('checkin_plans.process_id')
        .where('processes.status', 'in', ['agreed', 'active', 'completed'])
        .groupBy('checkin_plans.process_id')
        .execute();
      let created = 0;
      for (const p of processes) {
        created += await materialiseProcess(systemContext(deps, repo), p.process_id);
      }
      return created;
    },
    { transaction: false },
  );
  return sum(counts);
}

const HOUR = 3600_000;

/**
 * One reminder for a check-in still unanswered after the provider's delay. It carries a link of its
 * own, minted here with only its hash kept (no stored copy of the first link exists to resend); the
 * first link keeps working beside it until the check-in is answered or expires.
 */
export async function sendCheckinReminders(deps: MeasuresJobDeps, batch = 200): Promise<number> {
  const now = deps.clock.now();
  const counts = await deps.system.forEachProvider('checkin-sender', async (repo) => {
    const settings = await settingsOf(repo);
    const sentBefore = new Date(now.getTime() - (settings.reminder_after_hours ?? 72) * HOUR);
    const due = await repo
      .select('checkins')
      .innerJoin('people', 'people.id', 'checkins.person_id')
      .select([
        'checkins.id',
        'checkins.expires_at',
        'checkins.locale',
        'checkins.instrument_key',
        'checkins.instrument_version',
        'people.name',
        // The address the first link went to: a later change of people.email (by whoever) must
        // not carry the questionnaire to a new inbox.
        'checkins.sent_to as email',
      ])
      .where('checkins.status', '=', 'sent')
      .where('checkins.reminded_at', 'is', null)
      .where('checkins.expires_at', '>', now)
      .where('checkins.sent_at', '<=', sentBefore)
      .orderBy('checkins.sent_at')
      .limit(batch)
      .forUpdate('checkins')
      .skipLocked()
      .execute();
    if (due.length === 0) return 0;
    const provider = await providerRow(repo);
    for (const c of due) {
      const token = c.email && c.expires_at ? newToken() : null;
      await repo.update(
        'checkins',
        c.id,
        { reminded_at: now, ...(token ? { reminder_token_hash: hashToken(token) } : {}) },
        { action: 'checkin.remind' },
      );
      if (!token || !c.email || !c.expires_at) continue;
      const { def } = await resolveInstrument(repo, c.instrument_key, c.instrument_version || undefined);
      const mail = measuresMail(
        'reminder',
        c.locale,
        {
          name: c.name,
          providerName: provider.name,
          // Our text, in every language: the mail's, whatever language the questionnaire is shown in.
          instrumentName: pick(def.name, c.locale),
          link: `${deps.config.publicUrl}/r/${token}`,
          expires: formatExpiry(new Date(c.expires_at), provider.time_zone, c.locale),
        },
        { country: provider.country as Country },
      );
      await repo.enqueueMail({ to: c.email, ...mail });
    }
    return due.length;
  });
  return sum(counts);
}

/** Urgent alerts not acknowledged within the provider's time go to every on-call practitioner. */
export async function escalateUrgentAlerts(deps: MeasuresJobDeps, batch = 100): Promise<number> {
  const now = deps.clock.now();
  const counts = await deps.system.forEachProvider('alert-escalation', async (repo) => {
    const settings = await settingsOf(repo);
    const minutes = settings.escalation_minutes ?? 60;
    const due = await repo
      .select('measure_alerts')
      .innerJoin('processes', 'processes.id', 'measure_alerts.process_id')
      .select(['measure_alerts.id', 'measure_alerts.process_id', 'processes.title'])
      .where('measure_alerts.level', '=', 'urgent')
      .where('measure_alerts.status', '=', 'open')
      .where('measure_alerts.escalated_at', 'is', null)
      .where('measure_alerts.created_at', '<=', new Date(now.getTime() - minutes * 60_000))
      .orderBy('measure_alerts.created_at')
      .limit(batch)
      .forUpdate('measure_alerts')
      .skipLocked()
      .execute();
    if (due.length === 0) return 0;
    const provider = await providerRow(repo);
    const onCall = await repo
      .select('memberships')
      .innerJoin('users', 'users.id', 'memberships.user_id')
      .select(['users.email', 'users.locale'])
      .where('memberships.role', '=', 'practitioner')
      .where('memberships.on_call', '=', true)
      .where('users.disabled_at', 'is', null)
      .execute();
    for (const a of due) {
      await repo.update('measure_alerts', a.id, { escalated_at: now }, { action: 'alert.escalate' });
      // The on-call colleague is not on the process (so cannot open it): the mail names who is.
      const responsible = (await processPractitionerRecipients({ repo }, a.process_id)).map((p) => `${p.name} <${p.email}>`).join(', ');
      for (const r of onCall) {
        const mail = measuresMail('escalation', r.locale ?? provider.default_locale, {
          processTitle: a.title,
          minutes,
          practitioners: responsible,
          providerName: provider.name,
        });
        await repo.enqueueMail({ to: r.email, ...mail });
      }
    }
    return due.length;
  });
  return sum(counts);
}
