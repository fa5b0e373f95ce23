import type { Clock } from '../clock.js';
import type { Config } from '../config.js';
import type { Db } from '../db/database.js';
import { deliverDueMail, type MailTransport } from '../mail/mailer.js';
import type { JobDefinition } from './scheduler.js';

export function kernelJobs(deps: { db: Db; config: Config; clock: Clock; mailTransport: MailTransport | null }): JobDefinition[] {
  const { db, config, clock, mailTransport } = deps;
  return [
    {
      name: 'mail-delivery',
      pattern: '*/5 * * * * *',
      run: () => deliverDueMail(db.kysely, mailTransport, config.mailFrom, clock, { host: new URL(config.publicUrl).host }),
    },
    {
      name: 'expired-credentials-cleanup',
      pattern: '0 17 * * * *',
      run: async () => {
        const now = clock.now();
        await db.kysely.deleteFrom('sessions').where('expires_at', '<', now).execute();
        await db.kysely
          .deleteFrom('password_resets')
          .where('expires_at', '<', new Date(now.getTime() - 86400_000))
          .execute();
        await db.kysely
          .deleteFrom('sign_in_throttle')
          .where('last_attempt_at', '<', new Date(now.getTime() - 86400_000))
          .execute();
      },
    },
  ];
}
