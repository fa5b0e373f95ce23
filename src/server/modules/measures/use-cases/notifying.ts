import type { ServiceContext } from '../../../kernel/service-context.js';
import { measuresMail } from '../mail.js';
import { providerRow } from './common.js';

// Telling the practitioners: an urgent answer mails the process's practitioners at once.

/** Recipients of an alert: the practitioners of its process (read by a system caller that may: the answer's holder may not). */
export function processPractitionerRecipients(ctx: Pick<ServiceContext, 'repo'>, processId: string) {
  return ctx.repo
    .select('process_practitioners')
    .innerJoin('users', 'users.id', 'process_practitioners.user_id')
    .innerJoin('processes', 'processes.id', 'process_practitioners.process_id')
    .select(['users.email', 'users.name', 'users.locale', 'processes.title'])
    .where('process_practitioners.process_id', '=', processId)
    .where('users.disabled_at', 'is', null)
    .execute();
}

/** An urgent answer tells the process's practitioners at once, as the `alert-recipients` system caller, in the answer's transaction. */
export async function notifyUrgentAlert(ctx: Pick<ServiceContext, 'repo' | 'config'>, processId: string, alertId: string) {
  const system = ctx.repo.asSystem('alert-recipients');
  const provider = await providerRow(system);
  for (const r of await processPractitionerRecipients({ repo: system }, processId)) {
    const mail = measuresMail('urgent', r.locale ?? provider.default_locale, {
      processTitle: r.title,
      link: `${ctx.config.publicUrl}/alerts/${alertId}`,
      providerName: provider.name,
    });
    await system.enqueueMail({ to: r.email, ...mail });
  }
}
