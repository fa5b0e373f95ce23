import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../testing/harness.js';
import { deliverDueMail, enqueueMail, type MailTransport } from './mailer.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const ics = 'BEGIN:VCALENDAR\r\nMETHOD:REQUEST\r\nEND:VCALENDAR\r\n';

describe('mail outbox', () => {
  it('delivers a mail with its calendar attachment once, and shows it in the development outbox', async () => {
    await enqueueMail(t.db.kysely, {
      to: 'someone@example.test',
      subject: 'Invitation',
      text: 'See the attached calendar file.',
      attachments: [{ filename: 'invite.ics', contentType: 'text/calendar; method=REQUEST', content: ics }],
    });
    const sent = await t.deliverMail();
    const mail = sent.find((m) => m.subject === 'Invitation');
    expect(mail?.attachments).toEqual([{ filename: 'invite.ics', contentType: 'text/calendar; method=REQUEST', content: ics }]);
    await t.deliverMail();
    expect(t.mail.sent.filter((m) => m.subject === 'Invitation')).toHaveLength(1);
    const outbox = (await t.app.inject({ method: 'GET', url: '/api/dev/outbox' })).json();
    expect(outbox.items[0].attachments[0].filename).toBe('invite.ics');
  });

  it('retries a failed delivery later with back-off, and keeps the mail', async () => {
    await enqueueMail(t.db.kysely, { to: 'flaky@example.test', subject: 'Retry me', text: 'x' });
    const failing: MailTransport = {
      async send() {
        throw new Error('SMTP is down');
      },
    };
    await deliverDueMail(t.db.kysely, failing, t.config.mailFrom, t.clock);
    const row = await t.db.kysely.selectFrom('mail_outbox').selectAll().where('subject', '=', 'Retry me').executeTakeFirstOrThrow();
    expect(row.status).toBe('pending');
    expect(row.attempts).toBe(1);
    expect(row.last_error).toContain('SMTP is down');
    expect(new Date(row.next_attempt_at).getTime()).toBeGreaterThan(Date.now());
  });
});
