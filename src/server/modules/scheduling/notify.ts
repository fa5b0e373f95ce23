import type { Repository } from '../../kernel/access/repository.js';
import type { MailAttachment, Place } from '../../kernel/db/schema.js';
import { type IcsPerson, type MeetingIcsInput, meetingIcs, seriesIcs } from './logic/index.js';
import { type MeetingFacts, type MeetingMailKind, meetingMail, seriesMail, withdrawalMail } from './mail.js';
import type { ParticipantRecipient, PractitionerRecipient, ProviderSettings } from './queries.js';

// Meeting mail: who gets what, in which language, with which calendar file. Everything is
// written to the kernel's outbox in the caller's transaction, so a mail exists exactly when the
// change it announces was committed.

export interface MeetingForMail {
  id: string;
  startsAt: Date;
  endsAt: Date;
  timeZone: string;
  place: Place;
  location: string | null;
  videoLink: string | null;
  /** The sequence the attendees should now hold (already raised for an update or cancellation). */
  sequence: number;
  title: string;
  organisationName: string;
  createdBy: string | null;
  processLanguage: string | null;
  /** A crisis process: its participants must not learn who else was affected (no shared attendee list). */
  crisis: boolean;
}

export interface Audience {
  practitioners: PractitionerRecipient[];
  participants: ParticipantRecipient[];
}

/**
 * The .ics of a meeting as a mail attachment. The kernel's outbox keeps attachments and hands
 * them to SMTP as real MIME parts (`text/calendar; method=…`), which is what makes calendar
 * clients offer "accept" and apply updates and cancellations by UID and SEQUENCE.
 */
export function meetingIcsAttachment(method: 'REQUEST' | 'CANCEL', content: string): MailAttachment {
  return {
    filename: method === 'CANCEL' ? 'cancel.ics' : 'invite.ics',
    contentType: `text/calendar; charset=utf-8; method=${method}`,
    content,
  };
}

export const meetingUid = (meetingId: string) => `${meetingId}@rinnalla`;

/** "Name <address>" or a bare address → the address. */
function addressOf(from: string): string {
  const m = /<([^>]+)>/.exec(from);
  return (m ? m[1]! : from).trim();
}

function organizerOf(
  meeting: MeetingForMail,
  practitioners: PractitionerRecipient[],
  provider: ProviderSettings,
  mailFrom: string,
): IcsPerson {
  const booked = practitioners.find((p) => p.userId === meeting.createdBy) ?? practitioners[0];
  return booked ? { name: booked.name, email: booked.email } : { name: provider.name, email: addressOf(mailFrom) };
}

function facts(meeting: MeetingForMail, provider: ProviderSettings): MeetingFacts {
  return {
    title: meeting.title,
    organisationName: meeting.organisationName,
    providerName: provider.name,
    startsAt: meeting.startsAt,
    endsAt: meeting.endsAt,
    timeZone: meeting.timeZone,
    place: meeting.place,
    location: meeting.location,
    videoLink: meeting.videoLink,
  };
}

export function participantLocale(p: ParticipantRecipient, meeting: MeetingForMail, provider: ProviderSettings): string {
  return p.locale ?? meeting.processLanguage ?? provider.default_locale;
}

export function meetingIcsText(
  method: 'REQUEST' | 'CANCEL',
  meeting: MeetingForMail,
  audience: Audience,
  provider: ProviderSettings,
  mailFrom: string,
  now: Date,
): string {
  return meetingIcs(meetingIcsInput(method, meeting, audience, provider, mailFrom, now));
}

function meetingIcsInput(
  method: 'REQUEST' | 'CANCEL',
  meeting: MeetingForMail,
  audience: Audience,
  provider: ProviderSettings,
  mailFrom: string,
  now: Date,
): MeetingIcsInput {
  const attendees: IcsPerson[] = [
    ...audience.participants.filter((p) => p.email).map((p) => ({ name: p.name, email: p.email as string })),
    ...audience.practitioners.map((p) => ({ name: p.name, email: p.email })),
  ];
  return {
    uid: meetingUid(meeting.id),
    sequence: meeting.sequence,
    method,
    startsAt: meeting.startsAt.toISOString(),
    endsAt: meeting.endsAt.toISOString(),
    timeZone: meeting.timeZone,
    summary: meeting.title,
    description: `${meeting.title} (${meeting.organisationName}) — ${provider.name}`,
    ...(meeting.place === 'video'
      ? meeting.videoLink
        ? { location: meeting.videoLink, url: meeting.videoLink }
        : {}
      : meeting.location
        ? { location: meeting.location }
        : {}),
    organizer: organizerOf(meeting, audience.practitioners, provider, mailFrom),
    attendees,
    stamp: now.toISOString(),
  };
}

/**
 * The invitation to a confirmed plan: one mail per person (never one per meeting), in their own
 * language, with every meeting of the plan as its own event in one attached calendar. The
 * organiser who confirms gets none. Each mail has one recipient; in a crisis process the calendar
 * a participant receives names only them and the practitioners, never the other participants.
 * Returns the number of mails queued.
 */
export async function sendSeriesInvitations(
  repo: Repository,
  input: {
    meetings: MeetingForMail[];
    audience: Audience;
    provider: ProviderSettings;
    mailFrom: string;
    now: Date;
    organiserUserId: string;
    crisis: boolean;
  },
): Promise<number> {
  const { meetings, audience, provider } = input;
  if (meetings.length === 0) return 0;
  const facts_ = meetings.map((m) => facts(m, provider));
  const practitioners = audience.practitioners;
  const recipients = [
    ...audience.participants
      .filter((p) => p.email && p.status !== 'cancelled')
      .map((p) => ({
        name: p.name,
        email: p.email as string,
        locale: participantLocale(p, meetings[0]!, provider),
        ics: input.crisis ? ({ participants: [p], practitioners } satisfies Audience) : audience,
      })),
    ...practitioners
      .filter((p) => p.userId !== input.organiserUserId)
      .map((p) => ({ name: p.name, email: p.email, locale: p.locale ?? provider.default_locale, ics: audience })),
  ];
  const organiser = practitioners.find((p) => p.userId === input.organiserUserId)?.email.toLowerCase();
  const seen = new Set<string>(organiser ? [organiser] : []);
  let sent = 0;
  for (const r of recipients) {
    const key = r.email.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    const ics = seriesIcs(meetings.map((m) => meetingIcsInput('REQUEST', m, r.ics, provider, input.mailFrom, input.now)));
    const { subject, text } =
      meetings.length === 1
        ? meetingMail('invitation', r.locale, facts_[0]!, { recipientName: r.name })
        : seriesMail(r.locale, facts_, { recipientName: r.name });
    await repo.enqueueMail({ to: r.email, subject, text, attachments: [meetingIcsAttachment('REQUEST', ics)] });
    sent++;
  }
  return sent;
}

/**
 * What a recipient's calendar file may name: everyone, except in a crisis process, where a
 * participant sees only themselves and the practitioners (as in the plan's invitation).
 */
function icsAudienceFor(meeting: MeetingForMail, audience: Audience, participant: ParticipantRecipient | null): Audience {
  return meeting.crisis && participant ? { participants: [participant], practitioners: audience.practitioners } : audience;
}

/**
 * One mail per recipient (participants with an address, then the practitioners), each in the
 * recipient's language; invitations, updates and cancellations carry the meeting's .ics, which in
 * a crisis process names to each participant no other participant.
 */
export async function sendMeetingMails(
  repo: Repository,
  input: {
    kind: MeetingMailKind;
    meeting: MeetingForMail;
    audience: Audience;
    provider: ProviderSettings;
    mailFrom: string;
    now: Date;
    reason?: string | null;
    previous?: { startsAt: Date; endsAt: Date };
    /** Who made the change: they know it already and get no mail about it. */
    actorUserId?: string | null;
  },
): Promise<number> {
  const { kind, meeting, audience, provider } = input;
  const method = kind === 'cancellation' ? 'CANCEL' : 'REQUEST';
  const attachmentsFor = (participant: ParticipantRecipient | null) =>
    kind === 'reminder'
      ? undefined
      : [
          meetingIcsAttachment(
            method,
            meetingIcsText(method, meeting, icsAudienceFor(meeting, audience, participant), provider, input.mailFrom, input.now),
          ),
        ];
  const m = facts(meeting, provider);
  const extra = { reason: input.reason ?? null, ...(input.previous ? { previous: input.previous } : {}) };
  const recipients = [
    ...audience.participants
      .filter((p) => p.email)
      .map((p) => ({ name: p.name, email: p.email as string, locale: participantLocale(p, meeting, provider), participant: p })),
    ...audience.practitioners
      .filter((p) => !input.actorUserId || p.userId !== input.actorUserId)
      .map((p) => ({ name: p.name, email: p.email, locale: p.locale ?? provider.default_locale, participant: null })),
  ];
  const seen = new Set<string>();
  for (const r of recipients) {
    const key = r.email.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    const { subject, text } = meetingMail(kind, r.locale, m, { recipientName: r.name, ...extra });
    const attachments = attachmentsFor(r.participant);
    await repo.enqueueMail({ to: r.email, subject, text, ...(attachments ? { attachments } : {}) });
  }
  return seen.size;
}

/**
 * A participant withdraws from one meeting of a group: their own calendar gets the cancellation,
 * the practitioners get to know who will be missing and why.
 */
export async function sendWithdrawalMails(
  repo: Repository,
  input: {
    meeting: MeetingForMail;
    participant: ParticipantRecipient;
    practitioners: PractitionerRecipient[];
    provider: ProviderSettings;
    mailFrom: string;
    now: Date;
    reason: string;
  },
): Promise<void> {
  const { meeting, participant, practitioners, provider } = input;
  if (participant.email) {
    const own: Audience = { participants: [participant], practitioners: [] };
    const ics = meetingIcsText('CANCEL', meeting, own, provider, input.mailFrom, input.now);
    const { subject, text } = meetingMail('cancellation', participantLocale(participant, meeting, provider), facts(meeting, provider), {
      recipientName: participant.name,
      reason: input.reason,
    });
    await repo.enqueueMail({
      to: participant.email,
      subject,
      text,
      attachments: [meetingIcsAttachment('CANCEL', ics)],
    });
  }
  for (const p of practitioners) {
    const { subject, text } = withdrawalMail(p.locale ?? provider.default_locale, facts(meeting, provider), {
      recipientName: p.name,
      personName: participant.name,
      reason: input.reason,
    });
    await repo.enqueueMail({ to: p.email, subject, text });
  }
}
