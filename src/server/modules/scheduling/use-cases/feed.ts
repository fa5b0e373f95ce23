import { schedulingLimits } from '../../../../shared/scheduling.js';
import type { Caller } from '../../../kernel/access/caller.js';
import type { Repository } from '../../../kernel/access/repository.js';
import { hashToken, newToken } from '../../../kernel/crypto.js';
import { notFound } from '../../../kernel/errors.js';
import type { CredentialContext, ServiceContext } from '../../../kernel/service-context.js';
import { calendarFeed } from '../logic/index.js';
import { meetingUid } from '../notify.js';
import { planningZone, practitionerCalendarQuery } from '../queries.js';

// The subscribable calendar feed. Its secret travels in the URL and is stored only as a hash (like
// sessions), so the URL can be shown once, when it is made; afterwards the caller learns that a
// feed is active, since when, and when a calendar app last read it. Making a new one revokes the old.

type Ctx = Pick<ServiceContext, 'repo' | 'clock' | 'config'>;

const DAY = 86400_000;
/** The feed shows this much of the past and the future. */
const feedPastDays = 60;
const feedFutureDays = 400;
const fetchRecordMs = schedulingLimits.feedFetchRecordMinutes * 60_000;

export const feedUrl = (ctx: Pick<ServiceContext, 'config'>, token: string) => `${ctx.config.publicUrl}/calendar/${token}.ics`;

async function activeFeeds(repo: Repository, userId: string) {
  return repo
    .select('calendar_feeds')
    .where('calendar_feeds.user_id', '=', userId)
    .where('calendar_feeds.revoked_at', 'is', null)
    .select(['calendar_feeds.id', 'calendar_feeds.created_at', 'calendar_feeds.last_fetched_at'])
    .orderBy('calendar_feeds.created_at', 'desc')
    .execute();
}

export async function feedStatus(ctx: Pick<ServiceContext, 'repo'>) {
  const feeds = await activeFeeds(ctx.repo, ctx.repo.caller.userId as string);
  const newest = feeds[0];
  return {
    url: null,
    active: !!newest,
    createdAt: newest ? new Date(newest.created_at).toISOString() : null,
    lastFetchedAt: newest?.last_fetched_at ? new Date(newest.last_fetched_at).toISOString() : null,
  };
}

export async function rotateFeed(ctx: Ctx): Promise<{ url: string }> {
  const userId = ctx.repo.caller.userId as string;
  const token = newToken();
  await ctx.repo.transaction(async (tx) => {
    await revokeAll(ctx, tx, userId);
    await tx.insert('calendar_feeds', { user_id: userId, token_hash: hashToken(token), revoked_at: null });
  });
  return { url: feedUrl(ctx, token) };
}

async function revokeAll(ctx: Pick<ServiceContext, 'clock'>, repo: Repository, userId: string): Promise<void> {
  const now = ctx.clock.now();
  for (const feed of await activeFeeds(repo, userId)) {
    await repo.update('calendar_feeds', feed.id, { revoked_at: now }, { action: 'calendar_feed.revoke' });
  }
}

export async function revokeFeed(ctx: Pick<ServiceContext, 'repo' | 'clock'>): Promise<void> {
  await ctx.repo.transaction((tx) => revokeAll(ctx, tx, ctx.repo.caller.userId as string));
}

/**
 * The public feed: the token is the credential. The kernel resolves it to the feed owner's
 * `calendar-feed` caller, which reads that practitioner's meetings (of the processes they
 * practise in) and hours and nothing else, so the feed shows exactly what their own calendar
 * would, and stops when the feed is revoked or they are no longer a practitioner there. `meta`
 * (the reader's IP and agent) goes into the audit trail with the note that it was read.
 */
export async function renderFeed(
  ctx: Pick<CredentialContext, 'credentials' | 'clock'>,
  token: string,
  meta: Pick<Caller, 'ip' | 'userAgent' | 'requestId'>,
): Promise<string> {
  const resolved = await ctx.credentials.resolve('calendar-feed', token, meta);
  if (!resolved) throw notFound('Unknown or revoked calendar feed');
  const { repo: owner, userId } = resolved;
  const now = ctx.clock.now().getTime();
  await noteFetch(owner, token, new Date(now));
  const settings = await owner.provider();
  const [timeZone, rows] = await Promise.all([
    planningZone(owner, userId, settings),
    practitionerCalendarQuery(owner, userId, new Date(now - feedPastDays * DAY), new Date(now + feedFutureDays * DAY)).execute(),
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

/**
 * Notes that a calendar app read the feed, so its owner sees the subscription is alive. Apps poll
 * hourly or more often, from several devices, and every write is audited (with the reader's IP,
 * which is what an owner needs to know if the address leaked); so at most one note per feed per
 * feedFetchRecordMinutes. Two reads racing past the check may both note: harmless, still bounded.
 */
async function noteFetch(owner: Repository, token: string, now: Date): Promise<void> {
  const feed = await owner
    .select('calendar_feeds')
    .where('calendar_feeds.token_hash', '=', hashToken(token))
    .where('calendar_feeds.revoked_at', 'is', null)
    .select(['calendar_feeds.id', 'calendar_feeds.last_fetched_at'])
    .executeTakeFirst();
  if (!feed) return;
  if (feed.last_fetched_at && now.getTime() - new Date(feed.last_fetched_at).getTime() < fetchRecordMs) return;
  await owner.update('calendar_feeds', feed.id, { last_fetched_at: now }, { action: 'calendar_feed.fetch' });
}
