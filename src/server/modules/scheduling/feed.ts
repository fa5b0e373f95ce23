import { systemCaller } from '../../kernel/access/caller.js';
import { Repository } from '../../kernel/access/repository.js';
import { hashToken, newToken } from '../../kernel/crypto.js';
import { notFound } from '../../kernel/errors.js';
import type { Kernel } from '../../kernel/http/types.js';
import { calendarFeed } from './logic/index.js';
import { meetingUid } from './notify.js';
import { practitionerCalendarQuery, providerOf } from './queries.js';
import { planningZone } from './service.js';

// The subscribable calendar feed. Its secret travels in the URL and is stored only as a hash (like
// sessions), so the URL can be shown once, when it is made; afterwards the caller learns only that
// a feed is active. Making a new one revokes the old.

const DAY = 86400_000;
/** The feed shows this much of the past and the future. */
const feedPastDays = 60;
const feedFutureDays = 400;

export const feedUrl = (kernel: Kernel, token: string) => `${kernel.config.publicUrl}/calendar/${token}.ics`;

async function activeFeeds(repo: Repository, userId: string) {
  return repo
    .select('calendar_feeds')
    .where('calendar_feeds.user_id', '=', userId)
    .where('calendar_feeds.revoked_at', 'is', null)
    .select(['calendar_feeds.id', 'calendar_feeds.created_at'])
    .orderBy('calendar_feeds.created_at', 'desc')
    .execute();
}

export async function feedStatus(repo: Repository) {
  const feeds = await activeFeeds(repo, repo.caller.userId as string);
  const newest = feeds[0];
  return { url: null, active: !!newest, createdAt: newest ? new Date(newest.created_at).toISOString() : null };
}

export async function rotateFeed(kernel: Kernel, repo: Repository): Promise<{ url: string }> {
  const userId = repo.caller.userId as string;
  const token = newToken();
  await repo.transaction(async (tx) => {
    await revokeAll(kernel, tx, userId);
    await tx.insert('calendar_feeds', { user_id: userId, token_hash: hashToken(token), revoked_at: null });
  });
  return { url: feedUrl(kernel, token) };
}

async function revokeAll(kernel: Kernel, repo: Repository, userId: string): Promise<void> {
  const now = kernel.clock.now();
  for (const feed of await activeFeeds(repo, userId)) {
    await repo.update('calendar_feeds', feed.id, { revoked_at: now }, { action: 'calendar_feed.revoke' });
  }
}

export async function revokeFeed(kernel: Kernel, repo: Repository): Promise<void> {
  await repo.transaction((tx) => revokeAll(kernel, tx, repo.caller.userId as string));
}

/**
 * The public feed: the token is the credential. The owner's meetings are read through a
 * repository built for the owner as a practitioner, so the feed shows exactly what their own
 * calendar would, and stops when the feed is revoked or they are no longer a practitioner there.
 */
export async function renderFeed(kernel: Kernel, token: string): Promise<string> {
  const db = kernel.db.kysely;
  const feed = await db
    .selectFrom('calendar_feeds')
    .select(['calendar_feeds.provider_id', 'calendar_feeds.user_id'])
    .where('calendar_feeds.token_hash', '=', hashToken(token))
    .where('calendar_feeds.revoked_at', 'is', null)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('memberships')
          .select('memberships.id')
          .whereRef('memberships.provider_id', '=', 'calendar_feeds.provider_id')
          .whereRef('memberships.user_id', '=', 'calendar_feeds.user_id')
          .where('memberships.role', '=', 'practitioner'),
      ),
    )
    .executeTakeFirst();
  if (!feed) throw notFound('Unknown or revoked calendar feed');
  const owner = new Repository(db, {
    ...systemCaller(feed.provider_id),
    userId: feed.user_id,
    grants: [{ role: 'practitioner', organisationId: null, unitId: null }],
  });
  const now = kernel.clock.now().getTime();
  const settings = await providerOf(db, feed.provider_id);
  const [timeZone, rows] = await Promise.all([
    planningZone(owner, feed.user_id, settings),
    practitionerCalendarQuery(owner, feed.user_id, new Date(now - feedPastDays * DAY), new Date(now + feedFutureDays * DAY)).execute(),
  ]);
  return calendarFeed({
    name: `Rinnalla — ${settings.name}`,
    timeZone,
    events: rows.map((r) => ({
      uid: meetingUid(r.id),
      sequence: r.sequence,
      startsAt: new Date(r.starts_at).toISOString(),
      endsAt: new Date(r.ends_at).toISOString(),
      summary: `${r.process_title} (${r.organisation_name})`,
      ...((r.place === 'video' ? r.video_link : r.location)
        ? { location: (r.place === 'video' ? r.video_link : r.location) as string }
        : {}),
      status: r.status === 'cancelled' ? ('CANCELLED' as const) : ('CONFIRMED' as const),
      stamp: new Date(r.cancelled_at ?? r.created_at).toISOString(),
    })),
  });
}
