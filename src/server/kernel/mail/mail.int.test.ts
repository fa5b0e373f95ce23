import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../testing/harness.js';
import { FixedClock } from '../clock.js';
import { deliverDueMail, enqueueMail, type MailTransport, type TransportMail } from './mailer.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const ics = 'BEGIN:VCALENDAR\r\nMETHOD:REQUEST\r\nEND:VCALENDAR\r\n';
const host = 'rinnalla.test';

/** A transport that remembers what it sent; `hold` can keep one send from ever finishing (a server killed mid-send). */
function recorder(hold?: (mail: TransportMail) => Promise<void> | undefined) {
  const sent: TransportMail[] = [];
  const transport: MailTransport = {
    async send(mail) {
      sent.push(mail);
      await hold?.(mail);
      // Yields, so two deliverers really interleave on one connection too.
      await new Promise((resolve) => setTimeout(resolve, 1));
    },
  };
  return { sent, transport };
}

const outboxRows = (prefix: string) =>
  t.db.kysely.selectFrom('mail_outbox').selectAll().where('subject', 'like', `${prefix}%`).orderBy('subject').execute();

describe('mail outbox', () => {
  it('delivers a mail with its calendar attachment once, then keeps only what it was and where it went', async () => {
    await enqueueMail(t.db.kysely, {
      to: 'someone@example.test',
      subject: 'Invitation',
      text: 'Accept here: http://rinnalla.test/invitations/a-secret-link-token-0123456789',
      attachments: [{ filename: 'invite.ics', contentType: 'text/calendar; method=REQUEST', content: ics }],
    });
    const sent = await t.deliverMail();
    const mail = sent.find((m) => m.subject === 'Invitation');
    expect(mail?.attachments).toEqual([{ filename: 'invite.ics', contentType: 'text/calendar; method=REQUEST', content: ics }]);
    await t.deliverMail();
    expect(t.mail.sent.filter((m) => m.subject === 'Invitation')).toHaveLength(1);
    const [row] = await outboxRows('Invitation');
    expect(row).toMatchObject({ status: 'sent', to_address: 'someone@example.test', text_body: null, html_body: null, attachments: null });
    expect(JSON.stringify(row)).not.toContain('a-secret-link-token');
    const outbox = (await t.app.inject({ method: 'GET', url: '/api/dev/outbox' })).json();
    expect(outbox.items.find((i: { subject: string }) => i.subject === 'Invitation')).toMatchObject({
      status: 'sent',
      text: '',
      attachments: [],
    });
  });

  it('without SMTP keeps the whole mail for the development outbox', async () => {
    await enqueueMail(t.db.kysely, {
      to: 'dev@example.test',
      subject: 'Dev invitation',
      text: 'Accept here: http://rinnalla.test/invitations/dev-link',
      attachments: [{ filename: 'invite.ics', contentType: 'text/calendar; method=REQUEST', content: ics }],
    });
    await deliverDueMail(t.db.kysely, null, t.config.mailFrom, t.clock);
    const outbox = (await t.app.inject({ method: 'GET', url: '/api/dev/outbox?to=dev@example.test' })).json();
    expect(outbox.items[0]).toMatchObject({ status: 'stored', text: 'Accept here: http://rinnalla.test/invitations/dev-link' });
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
    expect(row.text_body).toBe('x');
    expect(row.claimed_until).toBeNull();
    expect(new Date(row.next_attempt_at).getTime()).toBeGreaterThan(Date.now());
    await t.db.kysely.deleteFrom('mail_outbox').where('subject', '=', 'Retry me').execute();
  });

  it('two servers delivering from one database send each mail exactly once, each with its own stable Message-ID', async () => {
    for (let i = 0; i < 60; i++)
      await enqueueMail(t.db.kysely, { to: `many${i}@example.test`, subject: `Many ${String(i).padStart(2, '0')}`, text: `mail ${i}` });
    const a = recorder();
    const b = recorder();
    const drain = async (transport: MailTransport, owner: string) => {
      while ((await deliverDueMail(t.db.kysely, transport, t.config.mailFrom, t.clock, { batch: 7, host, owner })) > 0);
    };
    await Promise.all([drain(a.transport, 'server-a'), drain(b.transport, 'server-b')]);
    const all = [...a.sent, ...b.sent].filter((m) => m.subject.startsWith('Many '));
    expect(all).toHaveLength(60);
    expect(new Set(all.map((m) => m.subject)).size).toBe(60);
    expect(a.sent.length).toBeGreaterThan(0);
    expect(b.sent.length).toBeGreaterThan(0);
    const rows = await outboxRows('Many ');
    expect(rows.every((r) => r.status === 'sent' && r.claimed_until === null && r.text_body === null)).toBe(true);
    const byId = new Map(rows.map((r) => [r.subject, r.id]));
    for (const m of all) expect(m.messageId).toBe(`<${byId.get(m.subject)}@${host}>`);
  });

  it('a server killed mid-batch: what it sent stays sent, the mail in flight goes again after the lease with the same Message-ID', async () => {
    const clock = new FixedClock(new Date());
    for (let i = 0; i < 5; i++) await enqueueMail(t.db.kysely, { to: `crash${i}@example.test`, subject: `Crash ${i}`, text: `mail ${i}` });
    let release: () => void = () => {};
    let reachedThird: () => void = () => {};
    const third = new Promise<void>((resolve) => {
      reachedThird = resolve;
    });
    const dying = recorder(() => {
      if (dying.sent.length !== 3) return undefined;
      reachedThird();
      return new Promise<void>((resolve) => {
        release = resolve;
      });
    });
    const first = deliverDueMail(t.db.kysely, dying.transport, t.config.mailFrom, clock, { batch: 5, host, owner: 'dies' });
    await third;
    // The other server waits out the lease of the dead one, then takes over.
    clock.advance(16 * 60_000);
    const survivor = recorder();
    await deliverDueMail(t.db.kysely, survivor.transport, t.config.mailFrom, clock, { batch: 5, host, owner: 'lives' });
    const inFlight = dying.sent[2] as TransportMail;
    expect(dying.sent).toHaveLength(3);
    // Exactly the mail in flight goes twice; the two before it were marked sent as they went.
    expect(survivor.sent.map((m) => m.subject).sort()).toEqual(
      ['Crash 0', 'Crash 1', 'Crash 2', 'Crash 3', 'Crash 4'].filter((s) => !dying.sent.slice(0, 2).some((m) => m.subject === s)),
    );
    expect(survivor.sent.find((m) => m.subject === inFlight.subject)?.messageId).toBe(inFlight.messageId);
    // The "dead" one wakes up after its lease: it records what it sent and sends nothing more.
    release();
    await first;
    expect(dying.sent).toHaveLength(3);
    const rows = await outboxRows('Crash ');
    expect(rows.map((r) => r.status)).toEqual(['sent', 'sent', 'sent', 'sent', 'sent']);
  }, 20_000);
});
