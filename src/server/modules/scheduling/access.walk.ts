import { callers, signedIn, type WalkContext, type WalkTable, type Who } from '../../kernel/access/walk.js';

/** Every route of the `scheduling` module, who may call it, and how to call it (see kernel/access/walk.ts). */

const practitioners: Who[] = ['practitioner', 'other_practitioner'];
const HOUR = 3600_000;

/**
 * A fresh meeting of the seeded process (the world's practitioner booked, its three people invited)
 * `hours` from now, for routes that change or end a meeting, so every caller meets it untouched.
 */
async function throwawayMeeting({ t, world, sup }: WalkContext, hours: number): Promise<string> {
  const k = t.db.kysely;
  const p = world.providerId;
  const startsAt = new Date(Math.floor((Date.now() + hours * HOUR) / HOUR) * HOUR);
  const endsAt = new Date(startsAt.getTime() + 90 * 60_000);
  const meeting = await k
    .insertInto('meetings')
    .values({
      provider_id: p,
      process_id: sup.processId,
      organisation_id: world.organisationId,
      starts_at: startsAt,
      ends_at: endsAt,
      time_zone: 'Europe/Helsinki',
      place: 'on_site',
      location: null,
      video_link: null,
      cancelled_at: null,
      cancel_reason: null,
      cancelled_by_role: null,
      price_cents: 24000,
      reminder_sent_at: null,
      created_by: world.users.practitioner.id,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await k
    .insertInto('meeting_practitioners')
    .values({
      provider_id: p,
      meeting_id: meeting.id,
      process_id: sup.processId,
      user_id: world.users.practitioner.id,
      starts_at: startsAt,
      ends_at: endsAt,
    })
    .execute();
  await k
    .insertInto('meeting_attendance')
    .values(
      [sup.participantPersonId, ...sup.otherPersonIds].map((person_id) => ({
        provider_id: p,
        meeting_id: meeting.id,
        process_id: sup.processId,
        person_id,
      })),
    )
    .execute();
  return meeting.id;
}

async function throwawayAbsence({ t, world }: WalkContext): Promise<string> {
  const row = await t.db.kysely
    .insertInto('absences')
    .values({
      provider_id: world.providerId,
      user_id: world.users.practitioner.id,
      starts_at: new Date('2099-01-01T00:00:00Z'),
      ends_at: new Date('2099-01-02T00:00:00Z'),
      note: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

const weekdayHours = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '08:00', end: '16:00' }));

export const schedulingWalk: WalkTable = {
  'GET /api/me/availability': { allowed: practitioners },
  'PUT /api/me/availability': {
    allowed: practitioners,
    request: async () => ({ body: { timeZone: 'Europe/Helsinki', weekly: weekdayHours } }),
  },
  'POST /api/me/absences': {
    allowed: practitioners,
    request: async () => ({ body: { startsAt: '2099-06-01T00:00:00Z', endsAt: '2099-06-02T00:00:00Z', note: 'Walk' } }),
  },
  // Absences are their owner's: a colleague gets 404.
  'DELETE /api/me/absences/:id': {
    allowed: ['practitioner'],
    tenantResource: true,
    request: async (ctx) => ({ url: `/api/me/absences/${await throwawayAbsence(ctx)}` }),
  },
  'GET /api/holidays': { allowed: signedIn, request: async () => ({ url: '/api/holidays?country=FI&from=2026-12-01&to=2026-12-31' }) },
  'POST /api/processes/:id/plan': {
    allowed: ['practitioner'],
    tenantResource: true,
    request: async ({ sup }) => ({ url: `/api/processes/${sup.processId}/plan`, body: { count: 2 } }),
  },
  'POST /api/processes/:id/meetings': {
    allowed: ['practitioner'],
    tenantResource: true,
    request: async ({ sup }) => ({
      url: `/api/processes/${sup.processId}/meetings`,
      body: { meetings: [{ startsAt: '2099-03-02T08:00:00Z', endsAt: '2099-03-02T09:30:00Z' }] },
    }),
  },
  'GET /api/calendar': {
    allowed: ['practitioner', 'other_practitioner', 'participant', 'client_contact'],
    request: async () => ({
      url: `/api/calendar?from=${new Date().toISOString()}&to=${new Date(Date.now() + 14 * 24 * HOUR).toISOString()}`,
    }),
  },
  'GET /api/meetings/:id': {
    allowed: ['provider_admin', 'practitioner', 'client_contact', 'participant'],
    tenantResource: true,
    request: async ({ sup }) => ({ url: `/api/meetings/${sup.meetingId}` }),
  },
  'PATCH /api/meetings/:id': {
    allowed: ['practitioner'],
    tenantResource: true,
    request: async (ctx) => ({
      url: `/api/meetings/${await throwawayMeeting(ctx, 200)}`,
      body: { startsAt: '2099-04-06T08:00:00Z', endsAt: '2099-04-06T09:30:00Z', reason: 'Walk' },
    }),
  },
  // A participant may cancel within the provider's rules (here: from a group meeting, they withdraw).
  'POST /api/meetings/:id/cancel': {
    allowed: ['practitioner', 'participant'],
    tenantResource: true,
    request: async (ctx) => ({ url: `/api/meetings/${await throwawayMeeting(ctx, 72)}/cancel`, body: { reason: 'Walk' } }),
  },
  'PUT /api/meetings/:id/attendance': {
    allowed: ['practitioner'],
    tenantResource: true,
    request: async (ctx) => ({
      url: `/api/meetings/${await throwawayMeeting(ctx, -2)}/attendance`,
      body: { items: [{ personId: ctx.sup.participantPersonId, status: 'present' }] },
    }),
  },
  'POST /api/meetings/:id/held': {
    allowed: ['practitioner'],
    tenantResource: true,
    request: async (ctx) => ({ url: `/api/meetings/${await throwawayMeeting(ctx, -2)}/held` }),
  },
  // The seeded note is the practitioner's: nobody else reads it (a colleague does not even see the meeting).
  'GET /api/meetings/:id/note': {
    allowed: ['practitioner'],
    tenantResource: true,
    request: async ({ sup }) => ({ url: `/api/meetings/${sup.meetingId}/note` }),
  },
  'PUT /api/meetings/:id/note': {
    allowed: ['practitioner'],
    tenantResource: true,
    request: async (ctx) => ({ url: `/api/meetings/${await throwawayMeeting(ctx, -2)}/note`, body: { text: 'Walk note' } }),
  },
  'PUT /api/meetings/:id/summary': {
    allowed: ['practitioner'],
    tenantResource: true,
    request: async (ctx) => ({ url: `/api/meetings/${await throwawayMeeting(ctx, -2)}/summary`, body: { text: 'Walk summary' } }),
  },
  'PUT /api/meetings/:id/scaling': {
    allowed: ['practitioner'],
    tenantResource: true,
    request: async (ctx) => ({
      url: `/api/meetings/${await throwawayMeeting(ctx, -2)}/scaling`,
      body: { items: [{ goalId: ctx.sup.goalId, personId: ctx.sup.participantPersonId, value: 6 }] },
    }),
  },
  'GET /api/me/calendar-feed': { allowed: practitioners },
  'POST /api/me/calendar-feed': { allowed: practitioners },
  'DELETE /api/me/calendar-feed': { allowed: practitioners },
  // Public: the token is the credential, so whoever holds the practitioner's real feed link reads it.
  'GET /calendar/:token.ics': {
    allowed: callers,
    acrossTenants: "the feed link is the credential: whoever holds it reads the practitioner's own calendar (a leaked link is rotated)",
    request: async ({ as }) => {
      const res = await (await as('practitioner')).request('POST', '/api/me/calendar-feed', {});
      return { url: new URL(res.json().url).pathname };
    },
  },
};
